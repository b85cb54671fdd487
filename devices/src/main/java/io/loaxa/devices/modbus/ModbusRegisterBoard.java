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
 * Config driver {@code modbus-register}: RS-485 boards driven through holding registers rather than
 * coils ("R4D3B16", "R4D8A08", RYN40x). FC06 writes a command into the channel's register (high byte
 * {@code 01} on, {@code 02} off, {@code 06nn} on for nn seconds); FC03 reads {@code 0x0001} on,
 * {@code 0x0000} off. Channel n is register {@code registerOffset + n - 1} (register 1 by default).
 *
 * <p>With {@code holdSeconds} set, every switch-on is the timed command: the board lets the relay go
 * by itself unless it is asserted again, so a daemon that dies mid-airing cannot leave a hamlet line
 * and the amplifier on. Any other status value fails loudly: register maps differ between variants.
 */
public final class ModbusRegisterBoard extends SerialRelayBoard {
  public static final Set<String> OPTIONS = Set.of("baud", "dataBits", "parity", "stopBits", "unit",
      "registerOffset", "timeout", "frameGap", "holdSeconds");

  static final int ON = 0x0100;
  static final int OFF = 0x0200;
  static final int ON_FOR_SECONDS = 0x0600;

  private final ModbusMaster master;
  private final int unit;
  private final int registerOffset;
  private final int holdSeconds;

  /** @param holdSeconds 0 for plain on/off, 1..255 for the timed-on dead-man mode */
  public ModbusRegisterBoard(String key, int channels, SerialLine line, SerialSettings settings, int unit,
      int registerOffset, int holdSeconds, Duration timeout, Duration frameGap, Clock clock, Pause pause) {
    super(key, channels, line);
    if (holdSeconds < 0 || holdSeconds > 255) {
      throw new IllegalArgumentException("board " + key + ": holdSeconds out of range 0..255: " + holdSeconds);
    }
    if (registerOffset < 0 || registerOffset + channels - 1 > 0xFFFF) {
      throw new IllegalArgumentException("board " + key + ": register offset out of range: " + registerOffset);
    }
    ModbusFrames.readHoldingRegisters(unit, registerOffset, 1); // the unit id must be a valid one
    this.master = new ModbusMaster(line, settings, timeout, frameGap, clock, pause);
    this.unit = unit;
    this.registerOffset = registerOffset;
    this.holdSeconds = holdSeconds;
  }

  public static ModbusRegisterBoard of(BoardSpec spec, SerialLine line, Clock clock, Pause pause) {
    spec.requireOnlyOptions(OPTIONS);
    return new ModbusRegisterBoard(spec.key(), spec.channels(), line, spec.serialSettings(),
        spec.intOption("unit", 1, 1, 247), spec.intOption("registerOffset", 1, 0, 0xFFFF),
        spec.intOption("holdSeconds", 0, 0, 255),
        spec.durationOption("timeout", Duration.ofMillis(300)), spec.durationOption("frameGap", Duration.ZERO),
        clock, pause);
  }

  private int register(RelayChannel channel) {
    return registerOffset + check(channel).number() - 1;
  }

  @Override
  protected void switchTo(RelayChannel channel, boolean on) throws DeviceException {
    int command = on ? (holdSeconds > 0 ? ON_FOR_SECONDS | holdSeconds : ON) : OFF;
    master.exchange(ModbusFrames.writeSingleRegister(unit, register(channel), command));
  }

  @Override
  public Optional<Boolean> readBack(RelayChannel channel) throws DeviceException {
    byte[] request = ModbusFrames.readHoldingRegisters(unit, register(channel), 1);
    return Optional.of(state(channel.number(), ModbusFrames.registers(request, master.exchange(request))[0]));
  }

  @Override
  public Map<RelayChannel, Optional<Boolean>> readBackAll(Collection<RelayChannel> wanted) throws DeviceException {
    if (wanted.size() < 2) {
      return super.readBackAll(wanted);
    }
    TreeSet<RelayChannel> sorted = new TreeSet<>(wanted);
    int first = sorted.first().number();
    int last = sorted.last().number();
    if (last - first + 1 > 125) {
      return super.readBackAll(wanted);
    }
    register(sorted.last());
    byte[] request = ModbusFrames.readHoldingRegisters(unit, register(sorted.first()), last - first + 1);
    int[] values = ModbusFrames.registers(request, master.exchange(request));
    Map<RelayChannel, Optional<Boolean>> states = new LinkedHashMap<>();
    for (RelayChannel channel : wanted) {
      states.put(channel, Optional.of(state(channel.number(), values[channel.number() - first])));
    }
    return states;
  }

  private boolean state(int channel, int value) throws DeviceException {
    return switch (value) {
      case 0x0000 -> false;
      case 0x0001 -> true;
      default -> throw new DeviceException("board " + key + " CH" + channel + " status register holds 0x"
          + String.format("%04X", value) + ", not 0x0000/0x0001: this board's register map differs");
    };
  }

  @Override
  public Optional<Duration> holdTime() {
    return holdSeconds > 0 ? Optional.of(Duration.ofSeconds(holdSeconds)) : Optional.empty();
  }

  @Override
  public ProbeReport probe() {
    try {
      Map<RelayChannel, Optional<Boolean>> states = readBackAll(
          java.util.stream.IntStream.rangeClosed(1, channels).mapToObj(RelayChannel::new).toList());
      long on = states.values().stream().filter(s -> s.orElse(false)).count();
      return new ProbeReport(key, true, Optional.empty(), true, "unit " + unit + " on " + master.port()
          + " answers; status registers " + registerOffset + ".." + (registerOffset + channels - 1) + " read, " + on
          + " on" + (holdSeconds > 0 ? "; switch-on holds " + holdSeconds + " s" : ""));
    } catch (DeviceException e) {
      return new ProbeReport(key, false, Optional.empty(), true, e.getMessage());
    }
  }
}
