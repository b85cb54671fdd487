package io.loaxa.schedules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a schedule check looks: the days over which overlaps, policy and the monthly CCHC airing are
 * checked (from {@code firstDay}, usually today, for {@code days} days), and the content folder
 * segment files must be found in, when one is given.
 */
public record CheckOptions(LocalDate firstDay, int days, Optional<ContentCatalogue> content) {
  /** A year and a day: every weekday, month length and leap day of the coming year. */
  public static final int DEFAULT_DAYS = 366;

  public CheckOptions {
    Objects.requireNonNull(firstDay, "firstDay");
    if (days < 1 || days > 3660) {
      throw new IllegalArgumentException("check 1..3660 days, not " + days);
    }
    Objects.requireNonNull(content, "content");
  }

  public static CheckOptions from(LocalDate firstDay) {
    return new CheckOptions(firstDay, DEFAULT_DAYS, Optional.empty());
  }

  public CheckOptions withContent(ContentCatalogue catalogue) {
    return new CheckOptions(firstDay, days, Optional.of(catalogue));
  }

  public LocalDate endExclusive() {
    return firstDay.plusDays(days);
  }

  /** Which content files exist, by the path a segment writes. */
  @FunctionalInterface
  public interface ContentCatalogue {
    boolean has(String path);

    /** Files under {@code folder}; an absolute path is looked up as it is. */
    static ContentCatalogue folder(Path folder) {
      return path -> Files.isRegularFile(folder.resolve(path));
    }
  }
}
