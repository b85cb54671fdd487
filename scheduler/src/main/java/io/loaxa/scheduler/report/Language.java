package io.loaxa.scheduler.report;

import io.loaxa.scheduler.UserError;
import java.util.Locale;

/** The language of a report's headings and labels: Vietnamese for officers (default) or English. */
public enum Language {
  VI,
  EN;

  /** Reads {@code vi} or {@code en} as typed on the command line. */
  public static Language parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "vi" -> VI;
      case "en" -> EN;
      default -> throw new UserError("--lang " + text + ": expected vi (tiếng Việt) or en (English)");
    };
  }

  /** Picks the Vietnamese or the English text. */
  public String pick(String vi, String en) {
    return this == VI ? vi : en;
  }
}
