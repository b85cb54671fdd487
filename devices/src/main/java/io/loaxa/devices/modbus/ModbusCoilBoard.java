package io.loaxa.devices.modbus;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.Pause;
import io.loaxa.devices.ProbeReport;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.SerialLine;
import io.loaxa.devices.SerialRelayBoard;
import io.loaxa.devices.SerialSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Config driver {@code modbus-rtu}: an RS-485 relay board whose relays are Modbus coils (Waveshare
 * "Modbus RTU Relay" and its many clones). One channel: FC05; several at once: one FC15 frame;
 * read-back: FC01. Channel n is coil {@code coilOffset + n - 1}.
 *
 * <p>To write several coils in one FC15 frame without touching the others in its range, the board
 * keeps what it last commanded or read for each channel, and reads the range first when it does not
 * know it. loaxa is the only master on the bus, so that picture stays true; every read refreshes it.
 */
public final class ModbusCoilBoard extends SerialRelayBoard {
  /** Options this driver understands in the station config. */
  public static final Set<String> OPTIONS = Set.of("baud", "dataBits", "parity", "stopBits", "unit", "coilOffset",
      "timeout", "frameGap", "multiCoilWrite");

  private final ModbusMaster master;
  private final int unit;
  private final int coilOffset;
  private final boolean multiCoilWrite;
  private final Boolean[] known;

  /**
   * @param line the open line; the board closes it when it is closed
   * @param multiCoilWrite whether to use FC15 for several channels (some cheap boards lack it)
   */
  public ModbusCoilBoard(String key, int channels, SerialLine line, SerialSettings settings, int unit, int coilOffset,
      Duration timeout, Duration frameGap, boolean multiCoilWrite, Clock clock, Pause pause) {
    super(key, channels, line);
    if (coilOffset < 0 || coilOffset + channels - 1 > 0xFFFF) {
      throw new IllegalArgumentException("board " + key + ": coil offset out of range: " + coilOffset);
    }
    ModbusFrames.readCoils(unit, coilOffset, 1); // the unit id must be a valid one
    this.master = new ModbusMaster(line, settings, timeout, frameGap, clock, pause);
    this.unit = unit;
    this.coilOffset = coilOffset;
    this.multiCoilWrite = multiCoilWrite;
    this.known = new Boolean[channels + 1];
  }

  /** The board a station config describes, on an already opened line. */
  public static ModbusCoilBoard of(BoardSpec spec, SerialLine line, Clock clock, Pause pause) {
    spec.requireOnlyOptions(OPTIONS);
    return new ModbusCoilBoard(spec.key(), spec.channels(), line, spec.serialSettings(),
        spec.intOption("unit", 1, 1, 247), spec.intOption("coilOffset", 0, 0, 0xFFFF),
        spec.durationOption("timeout", Duration.ofMillis(300)), spec.durationOption("frameGap", Duration.ZERO),
        spec.booleanOption("multiCoilWrite", true), clock, pause);
  }

  private int coil(RelayChannel channel) {
    return coilOffset + check(channel).number() - 1;
  }

  @Override
  protected synchronized void switchTo(RelayChannel channel, boolean on) throws DeviceException {
    byte[] request = ModbusFrames.writeSingleCoil(unit, coil(channel), on);
    known[channel.number()] = null;
    exchange(request);
    known[channel.number()] = on;
  }

  @Override
  public synchronized Optional<Boolean> readBack(RelayChannel channel) throws DeviceException {
    byte[] request = ModbusFrames.readCoils(unit, coil(channel), 1);
    boolean on = ModbusFrames.coils(request, exchange(request))[0];
    known[channel.number()] = on;
    return Optional.of(on);
  }

  @Override
  public synchronized void switchAll(Map<RelayChannel, Boolean> wanted) throws DeviceException {
    if (!multiCoilWrite || wanted.size() < 2) {
      super.switchAll(wanted);
      return;
    }
    TreeSet<RelayChannel> sorted = new TreeSet<>(wanted.keySet());
    sorted.forEach(this::check);
    int first = sorted.first().number();
    int last = sorted.last().number();
    boolean[] states = new boolean[last - first + 1];
    boolean gaps = false;
    for (int n = first; n <= last; n++) {
      Boolean want = wanted.get(new RelayChannel(n));
      if (want == null && known[n] == null) {
        gaps = true;
      }
      states[n - first] = want != null ? want : known[n] != null && known[n];
    }
    if (gaps) {
      // channels inside the range that are not being switched must be written back as they are
      byte[] read = ModbusFrames.readCoils(unit, coilOffset + first - 1, states.length);
      boolean[] now = ModbusFrames.coils(read, exchange(read));
      for (int n = first; n <= last; n++) {
        Boolean want = wanted.get(new RelayChannel(n));
        states[n - first] = want != null ? want : now[n - first];
        known[n] = now[n - first];
      }
    }
    for (RelayChannel channel : sorted) {
      known[channel.number()] = null;
    }
    exchange(ModbusFrames.writeMultipleCoils(unit, coilOffset + first - 1, states));
    for (int n = first; n <= last; n++) {
      known[n] = states[n - first];
    }
  }

  @Override
  public synchronized Map<RelayChannel, Optional<Boolean>> readBackAll(Collection<RelayChannel> wanted)
      throws DeviceException {
    if (wanted.size() < 2) {
      return super.readBackAll(wanted);
    }
    TreeSet<RelayChannel> sorted = new TreeSet<>(wanted);
    sorted.forEach(this::check);
    int first = sorted.first().number();
    int last = sorted.last().number();
    byte[] request = ModbusFrames.readCoils(unit, coilOffset + first - 1, last - first + 1);
    boolean[] now = ModbusFrames.coils(request, exchange(request));
    Map<RelayChannel, Optional<Boolean>> states = new LinkedHashMap<>();
    for (int n = first; n <= last; n++) {
      known[n] = now[n - first];
    }
    for (RelayChannel channel : wanted) {
      states.put(channel, Optional.of(now[channel.number() - first]));
    }
    return states;
  }

  /** Reads coils only: finds how many coils the unit admits to by asking for ever longer runs. */
  @Override
  public synchronized ProbeReport probe() {
    String where = "unit " + unit + " on " + master.port();
    try {
      readCoilRun(1);
    } catch (DeviceException e) {
      return new ProbeReport(key, false, Optional.empty(), true, e.getMessage());
    }
    int found = 1;
    int tooMany = -1;
    for (int n = 2; n <= 256; n *= 2) {
      if (readsCoils(n)) {
        found = n;
      } else {
        tooMany = n;
        break;
      }
    }
    if (tooMany > 0) {
      int low = found;
      int high = tooMany;
      while (high - low > 1) {
        int mid = (low + high) / 2;
        if (readsCoils(mid)) {
          low = mid;
        } else {
          high = mid;
        }
      }
      found = low;
    }
    StringBuilder detail = new StringBuilder(where + " answers; coils " + coilOffset + ".." + (coilOffset + found - 1)
        + (tooMany < 0 ? " (or more)" : "") + " readable");
    if (found < channels) {
      detail.append("; the config says ").append(channels).append(" channels: check channels and coilOffset");
    }
    return new ProbeReport(key, true, Optional.of(found), true, detail.toString());
  }

  private boolean readsCoils(int count) {
    try {
      readCoilRun(count);
      return true;
    } catch (DeviceException e) {
      return false;
    }
  }

  private void readCoilRun(int count) throws DeviceException {
    if (coilOffset + count - 1 > 0xFFFF) {
      throw new DeviceException("beyond the coil address space");
    }
    exchange(ModbusFrames.readCoils(unit, coilOffset, count));
  }

  private byte[] exchange(byte[] request) throws DeviceException {
    return master.exchange(request);
  }
}
