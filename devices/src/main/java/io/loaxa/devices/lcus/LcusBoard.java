package io.loaxa.devices.lcus;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.CommandedRelayBoard;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.FrameGap;
import io.loaxa.devices.Pause;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.SerialLine;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Config driver {@code lcus}: the cheap LCUS-1/2/4/8 USB relay boards. They never answer, so switching
 * is commanded, not confirmed: {@link #readBack} is empty and the switchboard re-asserts the wanted
 * state from time to time. Their CH340 shares its USB id with RS-485 dongles: address the port by
 * {@code /dev/serial/by-path}.
 */
public final class LcusBoard extends CommandedRelayBoard {
  public static final Set<String> OPTIONS = Set.of("baud", "dataBits", "parity", "stopBits", "frameGap");

  private final FrameGap gap;

  /** @param frameGap silence kept between frames; the boards drop frames sent back to back */
  public LcusBoard(String key, int channels, SerialLine line, Duration frameGap, Clock clock, Pause pause) {
    super(key, channels, line);
    if (channels > 255) {
      throw new IllegalArgumentException("board " + key + ": LCUS boards have at most 255 channels");
    }
    this.gap = new FrameGap(frameGap, clock, pause);
  }

  public static LcusBoard of(BoardSpec spec, SerialLine line, Clock clock, Pause pause) {
    spec.requireOnlyOptions(OPTIONS);
    return new LcusBoard(spec.key(), spec.channels(), line, spec.durationOption("frameGap", Duration.ofMillis(50)),
        clock, pause);
  }

  @Override
  protected void switchTo(RelayChannel channel, boolean on) throws DeviceException {
    gap.send(line, LcusFrames.command(channel.number(), on));
  }
}
