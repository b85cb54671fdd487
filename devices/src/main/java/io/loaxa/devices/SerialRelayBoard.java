package io.loaxa.devices;

/**
 * A relay board on a {@link SerialLine}: what every serial driver keeps alike. It holds the board's
 * key, channel count and line, turns away a channel beyond the board or a call after {@link #close()},
 * and closes the line once. A driver says how one channel is switched and read.
 */
public abstract class SerialRelayBoard implements RelayBoard {
  protected final String key;
  protected final int channels;
  /** The open line; the board closes it when it is closed. */
  protected final SerialLine line;
  private boolean closed;

  protected SerialRelayBoard(String key, int channels, SerialLine line) {
    this.key = key;
    this.channels = channels;
    this.line = line;
  }

  @Override
  public final String key() {
    return key;
  }

  @Override
  public final int channelCount() {
    return channels;
  }

  @Override
  public final void switchOn(RelayChannel channel) throws DeviceException {
    switchTo(check(channel), true);
  }

  @Override
  public final void switchOff(RelayChannel channel) throws DeviceException {
    switchTo(check(channel), false);
  }

  /** Switches one channel of this board (already checked) on or off; one attempt. */
  protected abstract void switchTo(RelayChannel channel, boolean on) throws DeviceException;

  /** The channel, once it is known to be on this board and the board is still open. */
  protected final synchronized RelayChannel check(RelayChannel channel) {
    if (closed) {
      throw new IllegalStateException("board " + key + " is closed");
    }
    return channel.requireOn(key, channels);
  }

  @Override
  public final synchronized void close() {
    if (!closed) {
      closed = true;
      line.close();
    }
  }
}
