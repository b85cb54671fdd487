package io.loaxa.devices.dtrrts;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.CommandedRelayBoard;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.SerialLine;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Config driver {@code dtr-rts}: the two modem-control outputs of any USB-serial adapter, each
 * driving one relay through a transistor or opto stage. CH1 is DTR, CH2 is RTS. The outputs cannot
 * be read back, so switching is commanded, not confirmed. Many stages are active-low: wire the zone
 * as {@code inverted} then.
 */
public final class DtrRtsBoard extends CommandedRelayBoard {
  public static final Set<String> OPTIONS = Set.of();
  private static final Logger LOG = LoggerFactory.getLogger(DtrRtsBoard.class);

  public DtrRtsBoard(String key, int channels, SerialLine line) {
    super(key, channels, line);
    if (channels > 2) {
      throw new IllegalArgumentException("board " + key + ": a dtr-rts board has 2 channels (DTR, RTS), not " + channels);
    }
    // opening a tty raises DTR and RTS on most systems: drop them at once so no relay stays pulled in
    for (int n = 1; n <= channels; n++) {
      try {
        set(n, false);
      } catch (DeviceException e) {
        LOG.warn("board {}: could not clear {} after opening {}: {}", key, n == 1 ? "DTR" : "RTS", line.port(),
            e.getMessage());
      }
    }
  }

  public static DtrRtsBoard of(BoardSpec spec, SerialLine line) {
    spec.requireOnlyOptions(OPTIONS);
    return new DtrRtsBoard(spec.key(), spec.channels(), line);
  }

  @Override
  protected void switchTo(RelayChannel channel, boolean on) throws DeviceException {
    set(channel.number(), on);
  }

  private void set(int channel, boolean on) throws DeviceException {
    synchronized (line) {
      if (channel == 1) {
        line.setDtr(on);
      } else {
        line.setRts(on);
      }
    }
  }
}
