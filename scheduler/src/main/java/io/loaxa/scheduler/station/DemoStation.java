package io.loaxa.scheduler.station;

import io.loaxa.scheduler.planning.SchedulePlanner;

import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneSelection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The built-in demo station's content: a short greeting (chime, a spoken welcome, chime) planned a
 * few seconds after start so a newcomer hears the station at once, and the demo commune's schedule
 * (two daily sessions, the VOV1 relay, bulletins, the monthly CCHC programme, Tết days off) with its
 * texts, imported on the first run.
 */
public final class DemoStation {
  public static final ProgrammeKey GREETING = new ProgrammeKey("demo-loi-chao");
  static final String GREETING_FILE = "demo/loi-chao.wav";
  /** How soon after start the greeting airs. */
  public static final Duration FIRST_AIRING_AFTER = Duration.ofSeconds(15);

  private DemoStation() {}

  /** Installs the greeting's file and programme and plans it shortly after {@code now}. */
  public static PlannedAiring seed(Station station) {
    Path target = station.renderer().resolve(GREETING_FILE);
    try (InputStream in = DemoStation.class.getResourceAsStream("/io/loaxa/scheduler/demo/loi-chao.wav")) {
      if (in == null) {
        throw new IllegalStateException("the demo greeting is missing from the build");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install the demo content in " + target.getParent(), e);
    }
    station.programmes().put(new Programme(GREETING, "Lời chào của đài (demo)", Category.DEMO, Priority.NORMAL,
        List.of(new Segment.Chime("default"), new Segment.File(GREETING_FILE), new Segment.Chime("default")),
        Duration.ofMinutes(5), Optional.of(Duration.ofMinutes(2))));
    Instant at = station.clock().instant().plus(FIRST_AIRING_AFTER).truncatedTo(ChronoUnit.SECONDS);
    LocalDateTime local = LocalDateTime.ofInstant(at, station.config().timeZone());
    PlannedAiring airing = new PlannedAiring(PlannedAiringKey.of(GREETING.value(), local), GREETING, at,
        ZoneSelection.everyZone(), Priority.NORMAL);
    station.planned().add(airing);
    seedSchedule(station);
    return airing;
  }

  /** Installs the demo schedule's texts (never over the operator's) and imports the schedule when none is stored. */
  static void seedSchedule(Station station) {
    for (String path : io.loaxa.schedules.DemoSchedule.CONTENT) {
      Path file = station.renderer().resolve(path);
      if (Files.exists(file)) {
        continue;
      }
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, io.loaxa.schedules.DemoSchedule.content(path), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot install the demo content in " + file.getParent(), e);
      }
    }
    if (station.schedule().current().isPresent()) {
      return;
    }
    try {
      station.planner().importText(io.loaxa.schedules.DemoSchedule.text(), io.loaxa.schedules.DemoSchedule.FILE);
    } catch (io.loaxa.schedules.source.SourceException e) {
      throw new IllegalStateException("the shipped demo schedule does not check:\n" + e.getMessage(), e);
    }
  }
}
