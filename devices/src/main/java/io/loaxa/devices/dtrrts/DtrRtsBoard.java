package io.loaxa.devices.dtrrts;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.SerialLine;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Config driver {@code dtr-rts}: the two modem-control outputs of any USB-serial adapter, each
 * driving one relay through a transistor or opto stage. CH1 is DTR, CH2 is RTS. The outputs cannot
 * be read back, so switching is commanded, not confirmed. Many stages are active-low: wire the zone
 * as {@code inverted} then.
 */
public final class DtrRtsBoard implements RelayBoard {
  public static final Set<String> OPTIONS = Set.of();
  private static final Logger LOG = LoggerFactory.getLogger(DtrRtsBoard.class);

  private final String key;
  private final int channels;
  private final SerialLine line;
  private boolean closed;

  public DtrRtsBoard(String key, int channels, SerialLine line) {
    if (channels > 2) {
      throw new IllegalArgumentException("board " + key + ": a dtr-rts board has 2 channels (DTR, RTS), not " + channels);
    }
    this.key = key;
    this.channels = channels;
    this.line = line;
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
  public String key() {
    return key;
  }

  @Override
  public int channelCount() {
    return channels;
  }

  @Override
  public void switchOn(RelayChannel channel) throws DeviceException {
    set(check(channel).number(), true);
  }

  @Override
  public void switchOff(RelayChannel channel) throws DeviceException {
    set(check(channel).number(), false);
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

  @Override
  public Optional<Boolean> readBack(RelayChannel channel) {
    check(channel);
    return Optional.empty();
  }

  @Override
  public boolean canReadBack() {
    return false;
  }

  private synchronized RelayChannel check(RelayChannel channel) {
    if (closed) {
      throw new IllegalStateException("board " + key + " is closed");
    }
    return channel.requireOn(key, channels);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      line.close();
    }
  }
}
