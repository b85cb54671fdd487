package io.loaxa.scheduler;

import io.loaxa.audio.AudioException;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.ZoneSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the operator airs by hand ({@code loaxa air}): checked first, then planned like any airing and
 * handed to the same {@link AiringRunner}, so it is switched and logged exactly as a scheduled one.
 */
public final class ManualAiring {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private ManualAiring() {}

  /** {@code HH:MM} or {@code HH:MM:SS}, station time. */
  static LocalTime parseTime(String text) {
    try {
      return LocalTime.parse(text.length() == 5 ? text + ":00" : text, DateTimeFormatter.ofPattern("HH:mm:ss"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserError("--at: '" + text + "' is not a time of day as HH:MM or HH:MM:SS", e);
    }
  }

  /** The request as the CLI or the control API received it. */
  public record Request(Optional<String> file, Optional<String> programme, String zones, String priority,
      Optional<String> at, Optional<String> rebroadcast, Optional<String> length) {
    public Request(Optional<String> file, Optional<String> programme, String zones, String priority) {
      this(file, programme, zones, priority, Optional.empty());
    }

    public Request(Optional<String> file, Optional<String> programme, String zones, String priority,
        Optional<String> at) {
      this(file, programme, zones, priority, at, Optional.empty(), Optional.empty());
    }
  }

  /** A length as {@code PT30M}, {@code 30m}, {@code 90s} or {@code 1h30m}. */
  static Duration parseLength(String text) {
    String t = text.trim();
    try {
      Duration d = t.toUpperCase(java.util.Locale.ROOT).startsWith("P") ? Duration.parse(t)
          : Duration.parse("PT" + t.toUpperCase(java.util.Locale.ROOT));
      if (d.isNegative() || d.isZero()) {
        throw new UserError("--length must be positive: " + text);
      }
      return d;
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserError("--length: '" + text + "' is not a length such as 30m, 90s, 1h30m or PT30M", e);
    }
  }

  /**
   * Checks the request, stores its programme when it airs a file, and plans it at {@code now}.
   *
   * @throws UserError naming what is wrong: no such file, corrupt audio, unknown zone or programme
   */
  public static PlannedAiring plan(Station station, Request request) {
    Priority priority = Priority.parse(request.priority())
        .orElseThrow(() -> new UserError("unknown priority '" + request.priority() + "': normal, priority or emergency"));
    ZoneSelection zones;
    try {
      zones = ZoneSelection.parse(request.zones());
    } catch (IllegalArgumentException e) {
      throw new UserError("--zones: " + e.getMessage(), e);
    }
    List<ZoneKey> known = station.config().zoneKeys();
    for (ZoneKey key : zones.keys()) {
      if (!known.contains(key)) {
        throw new UserError("unknown zone '" + key + "'; this station has " + known);
      }
    }
    Instant now = station.clock().instant();
    LocalDateTime local = LocalDateTime.ofInstant(now, station.config().timeZone());
    Instant startsAt = now;
    if (request.at().isPresent()) {
      LocalTime time = parseTime(request.at().get());
      LocalDateTime planned = local.toLocalDate().atTime(time);
      startsAt = planned.atZone(station.config().timeZone()).toInstant();
      if (startsAt.isBefore(now.minusSeconds(1))) {
        throw new UserError("--at " + request.at().get() + " has already passed today (it is "
            + local.toLocalTime().withNano(0) + " now)");
      }
      local = planned;
    }
    String suffix = STAMP.format(local) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    ProgrammeKey programmeKey;
    int asked = (request.file().isPresent() ? 1 : 0) + (request.programme().isPresent() ? 1 : 0)
        + (request.rebroadcast().isPresent() ? 1 : 0);
    if (asked != 1) {
      throw new UserError("say what to air: exactly one of --file, --programme or --rebroadcast");
    }
    if (request.rebroadcast().isPresent()) {
      String url = request.rebroadcast().get();
      Duration length = parseLength(request.length()
          .orElseThrow(() -> new UserError("--rebroadcast needs --length, e.g. --length 30m")));
      programmeKey = new ProgrammeKey("manual-" + suffix);
      Programme programme;
      try {
        programme = new Programme(programmeKey, "Tiếp âm: " + url, Category.INFORMATION, priority,
            List.of(new Segment.Rebroadcast(url, length)), Duration.ofMinutes(1), Optional.empty());
        station.renderer().render(programme);
      } catch (AudioException | IllegalArgumentException e) {
        throw new UserError("cannot rebroadcast " + url + ": " + e.getMessage(), e);
      }
      station.programmes().put(programme);
    } else if (request.file().isPresent()) {
      Path file = Path.of(request.file().get()).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new UserError("no such audio file: " + file);
      }
      programmeKey = new ProgrammeKey("manual-" + suffix);
      Programme programme = new Programme(programmeKey, "Phát ngay: " + file.getFileName(), Category.INFORMATION,
          priority, List.of(new Segment.File(file.toString())), Duration.ofMinutes(1), Optional.empty());
      try {
        station.renderer().render(programme);
      } catch (AudioException e) {
        throw new UserError("cannot air " + file + ": " + e.getMessage(), e);
      }
      station.programmes().put(programme);
    } else {
      String key = request.programme().get();
      if (!ProgrammeKey.isValid(key) || station.programmes().find(new ProgrammeKey(key)).isEmpty()) {
        throw new UserError("no programme '" + key + "' in the schedule");
      }
      programmeKey = new ProgrammeKey(key);
    }
    PlannedAiring airing = new PlannedAiring(PlannedAiringKey.of("manual-" + suffix, local), programmeKey, startsAt,
        zones, priority);
    station.planned().add(airing);
    return airing;
  }
}
