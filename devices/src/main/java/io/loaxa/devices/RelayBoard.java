package io.loaxa.devices;

import java.util.Optional;

/** A board of relays in the station cabinet; switches hamlet lines and the amplifier. */
public interface RelayBoard extends AutoCloseable {
  /** The board's key in the station config. */
  String key();

  /** Channels as printed on the board: 1..n. */
  int channelCount();

  void switchOn(RelayChannel channel) throws DeviceException;

  void switchOff(RelayChannel channel) throws DeviceException;

  /** What the board reports for the channel; empty when the board cannot report. */
  Optional<Boolean> readBack(RelayChannel channel) throws DeviceException;

  /** Idempotent, never throws. */
  @Override
  void close();
}
