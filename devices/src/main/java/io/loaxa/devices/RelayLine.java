package io.loaxa.devices;

import java.util.Comparator;
import java.util.Objects;

/**
 * One line the switchboard switches: a hamlet's speaker line, the amplifier's mains, or a spare relay
 * that belongs to neither. Its {@link #label()} is how logs and the command line name it.
 */
public sealed interface RelayLine permits RelayLine.Zone, RelayLine.Amplifier, RelayLine.Spare {
  /** The amplifier's line; there is at most one per station. */
  Amplifier AMPLIFIER = new Amplifier();

  /** Lines in label order, as status lists and logs show them; a zone and a spare never tie. */
  Comparator<RelayLine> BY_LABEL = Comparator.comparing(RelayLine::label)
      .thenComparing(line -> line.getClass().getSimpleName());

  /** The zone key, {@code amplifier}, or {@code board/CHn} for a spare relay. */
  String label();

  static Zone zone(String zoneKey) {
    return new Zone(zoneKey);
  }

  /** A hamlet's speaker line, by the zone key the station config gives it. */
  record Zone(String zoneKey) implements RelayLine {
    public Zone {
      Objects.requireNonNull(zoneKey, "zoneKey");
    }

    @Override
    public String label() {
      return zoneKey;
    }

    @Override
    public String toString() {
      return label();
    }
  }

  /** The relay that switches the amplifier's mains; use {@link RelayLine#AMPLIFIER}. */
  record Amplifier() implements RelayLine {
    @Override
    public String label() {
      return "amplifier";
    }

    @Override
    public String toString() {
      return label();
    }
  }

  /** A relay wired to no zone and not to the amplifier: all-off still releases it. */
  record Spare(String boardKey, RelayChannel channel) implements RelayLine {
    public Spare {
      Objects.requireNonNull(boardKey, "boardKey");
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String label() {
      return boardKey + "/" + channel;
    }

    @Override
    public String toString() {
      return label();
    }
  }
}
