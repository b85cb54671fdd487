package io.loaxa.schedules;

import io.loaxa.schedules.lunar.NamedDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A day off written by name in an airing's {@code except:}: a named day that comes back every year
 * ({@code tet}, {@code quoc-khanh}), or a holiday the station lists in the schedule's
 * {@code holidays:} section ({@code nghi-tet}, the Tết break the government fixes each year).
 */
public sealed interface ExceptDay {
  /** The name the schedule file writes. */
  String name();

  /** Whether the airing stays silent on {@code day}. */
  boolean contains(LocalDate day);

  /** A named day of every year. */
  record Named(NamedDay day) implements ExceptDay {
    public Named {
      Objects.requireNonNull(day, "day");
    }

    @Override
    public String name() {
      return day.configName();
    }

    @Override
    public boolean contains(LocalDate date) {
      return Recurrence.isNamedDay(day, date);
    }
  }

  /**
   * A holiday of the schedule's {@code holidays:} section with the days the station listed for it.
   *
   * @param days the listed days, in order; only these, the coming years must be added as they are fixed
   */
  record Holiday(String name, List<LocalDate> days) implements ExceptDay {
    public Holiday {
      Objects.requireNonNull(name, "name");
      days = List.copyOf(new TreeSet<>(days));
    }

    @Override
    public boolean contains(LocalDate day) {
      return java.util.Collections.binarySearch(days, day) >= 0;
    }
  }
}
