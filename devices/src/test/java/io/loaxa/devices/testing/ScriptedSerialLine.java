package io.loaxa.devices.testing;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.PortGoneException;
import io.loaxa.devices.SerialLine;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A serial line that answers each write from a script (a function of the bytes written, or canned
 * replies in order) and records what was sent. Can be pulled out like a USB adapter.
 */
public final class ScriptedSerialLine implements SerialLine {
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  private final String port;
  private final Deque<byte[]> canned = new ArrayDeque<>();
  private Function<byte[], byte[]> responder = request -> new byte[0];
  private final List<byte[]> written = new ArrayList<>();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private int readPos;
  private byte[] input = new byte[0];
  private boolean gone;
  private boolean closed;
  private Boolean dtr;
  private Boolean rts;
  private boolean modemLines = true;
  /** Where in {@link #input} the board falls silent, and for how long: a reply that pauses. */
  private final java.util.TreeMap<Integer, Duration> pauses = new java.util.TreeMap<>();
  private Duration nextPause;
  private int reads;

  public ScriptedSerialLine(String port) {
    this.port = port;
  }

  /** Answers each write with what the function returns (empty: silence). */
  public synchronized ScriptedSerialLine answering(Function<byte[], byte[]> responder) {
    this.responder = responder;
    return this;
  }

  /** The next writes are answered with these replies, in order, before the responder is asked. */
  public synchronized ScriptedSerialLine thenReply(String... hexReplies) {
    for (String reply : hexReplies) {
      canned.add(HexFormat.of().parseHex(reply.replace(" ", "")));
    }
    return this;
  }

  /**
   * The next reply falls silent for {@code pause} after its first {@code bytes} bytes: a read that
   * waits less than the pause returns what came before it, one that waits longer gets the rest.
   * Nothing sleeps: the pause is only compared with the read's timeout.
   */
  public synchronized ScriptedSerialLine pausingAfter(int bytes, Duration pause) {
    pendingPause = bytes;
    nextPause = pause;
    return this;
  }

  private int pendingPause = -1;

  /** How many reads the driver made: a driver must not read without end from a chattering board. */
  public synchronized int reads() {
    return reads;
  }

  public synchronized void pullOut() {
    gone = true;
  }

  public synchronized void withoutModemLines() {
    modemLines = false;
  }

  @Override
  public String port() {
    return port;
  }

  @Override
  public synchronized void write(byte[] bytes) throws DeviceException {
    check();
    written.add(bytes.clone());
    byte[] reply = canned.isEmpty() ? responder.apply(bytes) : canned.poll();
    pending.writeBytes(reply);
    byte[] rest = java.util.Arrays.copyOfRange(input, readPos, input.length);
    java.util.TreeMap<Integer, Duration> kept = new java.util.TreeMap<>();
    pauses.tailMap(readPos, true).forEach((at, d) -> kept.put(at - readPos, d));
    pauses.clear();
    pauses.putAll(kept);
    if (pendingPause >= 0) {
      pauses.put(rest.length + pendingPause, nextPause);
      pendingPause = -1;
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(rest);
    all.writeBytes(pending.toByteArray());
    pending.reset();
    input = all.toByteArray();
    readPos = 0;
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length, Duration timeout) throws DeviceException {
    check();
    reads++;
    int n = 0;
    while (n < length && readPos < input.length) {
      Duration pause = pauses.get(readPos);
      if (pause != null) {
        if (timeout.compareTo(pause) >= 0) {
          pauses.remove(readPos);
        } else {
          // the read waits its timeout out: that much of the pause is over
          pauses.put(readPos, pause.minus(timeout));
          return n;
        }
      }
      buffer[offset + n++] = input[readPos++];
    }
    return n;
  }

  @Override
  public synchronized void discardInput() throws DeviceException {
    check();
    readPos = input.length;
    pauses.clear();
  }

  @Override
  public synchronized void setDtr(boolean on) throws DeviceException {
    check();
    if (!modemLines) {
      throw new DeviceException(port + ": the adapter does not drive DTR");
    }
    dtr = on;
  }

  @Override
  public synchronized void setRts(boolean on) throws DeviceException {
    check();
    if (!modemLines) {
      throw new DeviceException(port + ": the adapter does not drive RTS");
    }
    rts = on;
  }

  public synchronized Boolean dtr() {
    return dtr;
  }

  public synchronized Boolean rts() {
    return rts;
  }

  private void check() throws DeviceException {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (gone) {
      throw new PortGoneException(port + ": the port has gone");
    }
  }

  /** Every write, as datasheet hex ({@code 01 05 00 00 FF 00 8C 3A}). */
  public synchronized List<String> writtenHex() {
    return written.stream().map(HEX::formatHex).toList();
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
