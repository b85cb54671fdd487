package io.loaxa.schedules.lunar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The lunar calendar as another implementation computes it, read from CSV tables generated with
 * the npm package amlich 0.0.2 (Hồ Ngọc Đức's published program, Meeus 1998 formulas) at time
 * zone 7. Used to check ours against; nothing of that program is in this repository.
 */
public final class PublishedCalendar {
  /** Tết, leap month and month lengths of one lunar year; lengths empty where the source was inconsistent. */
  public record Year(int lunarYear, LocalDate tet, OptionalInt leapMonth, List<Integer> monthLengths) {}

  /** One solar day and its lunar date. */
  public record Day(LocalDate solar, LunarDate lunar) {}

  private PublishedCalendar() {}

  public static List<Year> years() {
    return rows("tet-and-leap-months.csv").stream().map(f -> new Year(
        Integer.parseInt(f[0]),
        LocalDate.parse(f[1]),
        f[2].equals("0") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f[2])),
        f.length < 4 || f[3].isBlank() ? List.of() : Arrays.stream(f[3].split(" ")).map(Integer::valueOf).toList()))
        .toList();
  }

  public static List<Day> days() {
    return rows("solar-to-lunar-sample.csv").stream().map(f -> new Day(
        LocalDate.parse(f[0]),
        new LunarDate(Integer.parseInt(f[3]), Integer.parseInt(f[2]), Integer.parseInt(f[1]), f[4].equals("1"))))
        .toList();
  }

  private static List<String[]> rows(String resource) {
    try (var in = PublishedCalendar.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).skip(1)
          .map(l -> l.split(",", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
