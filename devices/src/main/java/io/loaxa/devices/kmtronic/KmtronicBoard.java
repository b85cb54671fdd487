package io.loaxa.devices.kmtronic;

import io.loaxa.devices.BoardSilentException;
import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.FrameGap;
import io.loaxa.devices.Pause;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.ReplyReader;
import io.loaxa.devices.SerialLine;
import io.loaxa.devices.SerialRelayBoard;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Config driver {@code kmtronic}: KMtronic USB and RS-485 relay boards (relay numbers on the wire are
 * the printed ones, from 1). Commands get no reply; with {@code readBack} on (the default) each
 * channel's state is asked for with {@code FF nn 03}.
 */
public final class KmtronicBoard extends SerialRelayBoard {
  public static final Set<String> OPTIONS = Set.of("baud", "dataBits", "parity", "stopBits", "frameGap", "timeout",
      "readBack");

  private final FrameGap gap;
  private final Duration timeout;
  private final boolean readBack;

  public KmtronicBoard(String key, int channels, SerialLine line, Duration frameGap, Duration timeout, boolean readBack,
      Clock clock, Pause pause) {
    super(key, channels, line);
    if (channels > 254) {
      throw new IllegalArgumentException("board " + key + ": KMtronic boards have at most 254 channels");
    }
    this.gap = new FrameGap(frameGap, clock, pause);
    this.timeout = timeout;
    this.readBack = readBack;
  }

  public static KmtronicBoard of(BoardSpec spec, SerialLine line, Clock clock, Pause pause) {
    spec.requireOnlyOptions(OPTIONS);
    return new KmtronicBoard(spec.key(), spec.channels(), line, spec.durationOption("frameGap", Duration.ofMillis(50)),
        spec.durationOption("timeout", Duration.ofMillis(300)), spec.booleanOption("readBack", true), clock, pause);
  }

  @Override
  protected void switchTo(RelayChannel channel, boolean on) throws DeviceException {
    gap.send(line, KmtronicFrames.command(channel.number(), on));
  }

  @Override
  public Optional<Boolean> readBack(RelayChannel channel) throws DeviceException {
    int relay = check(channel).number();
    if (!readBack) {
      return Optional.empty();
    }
    byte[] reply = new byte[KmtronicFrames.STATUS_LENGTH];
    ReplyReader reader = new ReplyReader(reply.length, timeout, ReplyReader.DEFAULT_INTER_BYTE_GAP);
    return Optional.of(gap.exchange(line, KmtronicFrames.statusRequest(relay), () -> {
      int got = reader.read(line, reply, reply.length);
      if (got == 0) {
        throw new BoardSilentException("board " + key + " on " + line.port() + " did not answer a status request"
            + " within " + timeout.toMillis() + " ms");
      }
      boolean on;
      try {
        on = KmtronicFrames.status(relay, reply, got);
      } catch (DeviceException e) {
        reader.drain(line);
        throw e;
      }
      reader.expectQuiet(line, "board " + key, got, ReplyReader.DEFAULT_INTER_BYTE_GAP);
      return on;
    }));
  }

  @Override
  public boolean canReadBack() {
    return readBack;
  }
}
