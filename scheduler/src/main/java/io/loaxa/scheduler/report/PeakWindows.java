package io.loaxa.scheduler.report;

import io.loaxa.scheduler.UserError;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The hours with many listeners (giờ cao điểm) in which the commune plans want the CCHC programme
 * to air at least once a month, in station local time. An airing counts when its first sample went
 * out inside a window: from the window's start (inclusive) to its end (exclusive).
 */
public record PeakWindows(List<Window> windows) {
  /** Early morning and evening sessions: 05:00–07:00 and 17:00–19:30. */
  public static final PeakWindows DEFAULT = parse("05:00-07:00,17:00-19:30");

  /** One window within a day; it does not run past midnight. */
  public record Window(LocalTime from, LocalTime to) {
    public Window {
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("peak window " + from + "–" + to + " ends before it begins");
      }
    }

    public boolean contains(LocalTime t) {
      return !t.isBefore(from) && t.isBefore(to);
    }

    @Override
    public String toString() {
      return from + "–" + to;
    }
  }

  public PeakWindows {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("no peak window");
    }
    windows = List.copyOf(windows);
  }

  /**
   * Reads windows as {@code 05:00-07:00,17:00-19:30}.
   *
   * @throws UserError naming the window that is wrong
   */
  public static PeakWindows parse(String text) {
    List<Window> windows = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      String[] ends = p.split("\\s*[-–]\\s*");
      if (ends.length != 2) {
        throw new UserError("peak window '" + p + "': expected HH:MM-HH:MM, e.g. 17:00-19:30");
      }
      LocalTime from = time(p, ends[0]);
      LocalTime to = time(p, ends[1]);
      if (!from.isBefore(to)) {
        throw new UserError("peak window '" + p + "' ends before it begins (a window cannot run past midnight)");
      }
      windows.add(new Window(from, to));
    }
    return new PeakWindows(windows);
  }

  private static LocalTime time(String window, String text) {
    try {
      return LocalTime.parse(text.length() == 4 ? "0" + text : text);
    } catch (DateTimeParseException e) {
      throw new UserError("peak window '" + window + "': '" + text + "' is not a time HH:MM");
    }
  }

  public boolean contains(LocalTime t) {
    for (Window w : windows) {
      if (w.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** "05:00–07:00, 17:00–19:30". */
  @Override
  public String toString() {
    return windows.stream().map(Window::toString).collect(Collectors.joining(", "));
  }
}
