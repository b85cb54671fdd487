package io.loaxa.audio.speech;

import java.util.Locale;

/**
 * Where the station is, for the few number words that differ: Northern {@code nghìn} and
 * {@code linh}, Southern {@code ngàn} and {@code lẻ} (1.005 → một nghìn không trăm linh năm /
 * một ngàn không trăm lẻ năm).
 */
public enum Region {
  NORTH("nghìn", "linh"),
  SOUTH("ngàn", "lẻ");

  private final String thousand;
  private final String zeroTens;

  Region(String thousand, String zeroTens) {
    this.thousand = thousand;
    this.zeroTens = zeroTens;
  }

  /** 1.000 */
  public String thousand() {
    return thousand;
  }

  /** The word for a zero tens digit inside a hundreds group (1 0 5). */
  public String zeroTens() {
    return zeroTens;
  }

  /** Reads {@code north} / {@code south} as the config writes them. */
  public static Region parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "north", "bac", "bắc" -> NORTH;
      case "south", "nam" -> SOUTH;
      default -> throw new IllegalArgumentException("region must be north or south, not '" + text + "'");
    };
  }
}
