package io.loaxa.schedules.yaml;

import io.loaxa.schedules.CheckOptions;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The schedule file (lịch phát, YAML): {@code version}, {@code zoneGroups}, {@code programmes},
 * {@code airings}, and the station's own {@code holidays}. Reading reports every problem at once, each as {@code FILE:LINE:COL: message};
 * writing gives a file that reads back to the same schedule.
 */
public final class ScheduleFile {
  private static final Comparator<Problem> IN_FILE_ORDER =
      Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column());

  private ScheduleFile() {}

  /**
   * Reads and checks a schedule file.
   *
   * @param file the name positions carry, usually the path as the operator typed it
   * @throws SourceException with every problem that is not a warning, in file order
   */
  public static Schedule read(String text, String file, StationFacts station, CheckOptions options) throws SourceException {
    List<Problem> problems = new ArrayList<>();
    Schedule schedule = readCollecting(text, file, station, options, problems);
    List<Problem> errors = problems.stream().filter(p -> !p.warning()).toList();
    if (!errors.isEmpty()) {
      throw new SourceException(errors);
    }
    return schedule;
  }

  /**
   * Reads a schedule file checking each entry but not the whole grid (overlaps, policy, the monthly
   * CCHC airing, content files): for a file written from a schedule that passed {@link #read} before.
   *
   * @throws SourceException with every problem, in file order
   */
  public static Schedule parse(String text, String file, StationFacts station) throws SourceException {
    List<Problem> problems = new ArrayList<>();
    Schedule schedule = Schedule.empty();
    try {
      schedule = new ScheduleReader(station, problems).read(YamlDocuments.parse(text, file));
    } catch (SourceException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      problems.sort(IN_FILE_ORDER);
      throw new SourceException(problems);
    }
    return schedule;
  }

  /** Every problem of a schedule file, warnings included, in file order; empty when it is valid and warns of nothing. */
  public static List<Problem> check(String text, String file, StationFacts station, CheckOptions options) {
    List<Problem> problems = new ArrayList<>();
    readCollecting(text, file, station, options, problems);
    return problems;
  }

  /** The schedule file text of {@code schedule}. */
  public static String write(Schedule schedule) {
    return new ScheduleWriter().write(schedule);
  }

  private static Schedule readCollecting(String text, String file, StationFacts station, CheckOptions options, List<Problem> problems) {
    Node root;
    try {
      root = YamlDocuments.parse(text, file);
    } catch (SourceException e) {
      problems.addAll(e.problems());
      return Schedule.empty();
    }
    ScheduleReader reader = new ScheduleReader(station, problems);
    Schedule schedule = reader.read(root);
    new ScheduleChecks(schedule, station, options, reader, problems).run();
    problems.sort(IN_FILE_ORDER);
    return schedule;
  }
}
