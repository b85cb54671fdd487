package io.loaxa.devices.testing;

import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayChannel;
import java.util.Optional;

/** A board whose driver has a bug: every call throws an unchecked exception. */
public final class FaultyRelayBoard implements RelayBoard {
  private final String key;
  private final int channels;

  public FaultyRelayBoard(String key, int channels) {
    this.key = key;
    this.channels = channels;
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
  public void switchOn(RelayChannel channel) {
    throw new IllegalStateException("driver bug");
  }

  @Override
  public void switchOff(RelayChannel channel) {
    throw new IllegalStateException("driver bug");
  }

  @Override
  public Optional<Boolean> readBack(RelayChannel channel) {
    throw new IllegalStateException("driver bug");
  }

  @Override
  public void close() {
    throw new IllegalStateException("driver bug in close");
  }
}
