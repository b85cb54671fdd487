package io.loaxa.devices.numato;

import io.loaxa.devices.BoardSilentException;
import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.FrameGap;
import io.loaxa.devices.Pause;
import io.loaxa.devices.ProbeReport;
import io.loaxa.devices.ReplyReader;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.SerialLine;
import io.loaxa.devices.SerialRelayBoard;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Config driver {@code numato}: Numato Lab USB relay modules (CDC-ACM, {@code /dev/ttyACM*}). Every
 * command waits for the module's prompt, so a command nobody heard is an error, not a silent loss;
 * {@code relay read} confirms each switch.
 */
public final class NumatoBoard extends SerialRelayBoard {
  public static final Set<String> OPTIONS = Set.of("baud", "dataBits", "parity", "stopBits", "frameGap", "timeout");
  private static final int MAX_ANSWER = 512;

  private final FrameGap gap;
  private final Duration timeout;

  public NumatoBoard(String key, int channels, SerialLine line, Duration frameGap, Duration timeout, Clock clock,
      Pause pause) {
    super(key, channels, line);
    if (channels > 36) {
      throw new IllegalArgumentException("board " + key + ": Numato modules have at most 36 channels");
    }
    this.gap = new FrameGap(frameGap, clock, pause);
    this.timeout = timeout;
  }

  public static NumatoBoard of(BoardSpec spec, SerialLine line, Clock clock, Pause pause) {
    spec.requireOnlyOptions(OPTIONS);
    return new NumatoBoard(spec.key(), spec.channels(), line, spec.durationOption("frameGap", Duration.ZERO),
        spec.durationOption("timeout", Duration.ofMillis(300)), clock, pause);
  }

  @Override
  protected void switchTo(RelayChannel channel, boolean on) throws DeviceException {
    int number = channel.number();
    command(on ? NumatoCommands.relayOn(number) : NumatoCommands.relayOff(number));
  }

  @Override
  public Optional<Boolean> readBack(RelayChannel channel) throws DeviceException {
    int number = check(channel).number();
    return Optional.of(NumatoCommands.relayState(number, command(NumatoCommands.relayRead(number))));
  }

  @Override
  public ProbeReport probe() {
    try {
      String version = command(NumatoCommands.version());
      boolean on = NumatoCommands.relayState(1, command(NumatoCommands.relayRead(1)));
      return new ProbeReport(key, true, Optional.empty(), true, "module on " + line.port() + " answers, version '"
          + version + "'; relay 0 (CH1) is " + (on ? "on" : "off"));
    } catch (DeviceException e) {
      return new ProbeReport(key, false, Optional.empty(), true, e.getMessage());
    }
  }

  /** Sends one command and returns its answer, the echo and prompt removed. */
  private String command(byte[] command) throws DeviceException {
    return NumatoCommands.answer(command, gap.exchange(line, command, this::readUntilPrompt));
  }

  private String readUntilPrompt() throws DeviceException {
    byte[] received = new byte[MAX_ANSWER];
    ReplyReader reader = new ReplyReader(MAX_ANSWER, timeout, ReplyReader.DEFAULT_INTER_BYTE_GAP);
    int got = reader.readUntil(line, received, n -> received[n - 1] == NumatoCommands.PROMPT, "board " + key);
    if (got == 0) {
      throw new BoardSilentException("board " + key + " on " + line.port() + " did not answer within "
          + timeout.toMillis() + " ms");
    }
    String text = new String(received, 0, got, StandardCharsets.ISO_8859_1);
    if (received[got - 1] != NumatoCommands.PROMPT) {
      throw new DeviceException("board " + key + " answer ended without a prompt: '" + printable(text) + "'");
    }
    return text.substring(0, got - 1);
  }

  private static String printable(CharSequence text) {
    return text.toString().replace("\r", "\\r").replace("\n", "\\n");
  }
}
