package io.loaxa.scheduler.airing;

import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.AirRequest;
import io.loaxa.scheduler.PlannedAirings;
import io.loaxa.scheduler.Programmes;

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
  private final java.time.Clock clock;
  private final java.time.ZoneId timeZone;
  private final List<ZoneKey> stationZones;
  private final Programmes programmes;
  private final PlannedAirings planned;
  private final ContentRenderer renderer;
  private final AiringRunner runner;

  /**
   * @param timeZone the station's time zone: {@code --at} and {@code --until} are station time
   * @param stationZones every hamlet the station has, for checking {@code --zones}
   */
  public ManualAiring(java.time.Clock clock, java.time.ZoneId timeZone, List<ZoneKey> stationZones,
      Programmes programmes, PlannedAirings planned, ContentRenderer renderer, AiringRunner runner) {
    this.clock = clock;
    this.timeZone = timeZone;
    this.stationZones = List.copyOf(stationZones);
    this.programmes = programmes;
    this.planned = planned;
    this.renderer = renderer;
    this.runner = runner;
  }

  /** {@code HH:MM} or {@code HH:MM:SS}, station time. */
  static LocalTime parseTime(String text) {
    try {
      return LocalTime.parse(text.length() == 5 ? text + ":00" : text, DateTimeFormatter.ofPattern("HH:mm:ss"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserError("--at: '" + text + "' is not a time of day as HH:MM or HH:MM:SS", e);
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
  public PlannedAiring plan(AirRequest request) {
    return planSeries(request).airings().get(0);
  }

  /** Longest stretch an open-ended repeat is planned ahead; the operator repeats the command to go on. */
  public static final Duration REPEAT_AT_MOST = Duration.ofHours(48);
  /** Most airings one repeat plans. */
  static final int MOST_REPEATS = 200;
  /** Longest text one announcement speaks. */
  static final int MOST_TEXT = 20_000;

  /**
   * What one request planned: its rule key (what {@code loaxa air cancel} takes) and its airings in
   * start order, the first one now or at {@code --at}.
   */
  public record Series(String ruleKey, List<PlannedAiring> airings) {
    public Series {
      airings = List.copyOf(airings);
    }

    /** One line for the operator: how often, how many, until when, and how to cancel. */
    public String describe(java.time.ZoneId zone) {
      if (airings.size() == 1) {
        return "";
      }
      PlannedAiring last = airings.get(airings.size() - 1);
      return "lặp lại " + airings.size() + " lần tới " + DateTimeFormatter.ofPattern("HH:mm dd/MM").format(
          last.startsAt().atZone(zone)) + " — repeats " + airings.size() + " times, the last at "
          + last.startsAt().atZone(zone).toLocalDateTime() + "; hủy / cancel: loaxa air cancel " + ruleKey;
    }
  }

  /**
   * Checks the request, stores its programme when it airs a file or a text, and plans it (and its
   * repeats).
   *
   * @throws UserError naming what is wrong: no such file, corrupt audio, unknown zone or programme
   */
  public Series planSeries(AirRequest request) {
    Priority priority = Priority.parse(request.priority())
        .orElseThrow(() -> new UserError("unknown priority '" + request.priority() + "': normal, priority or emergency"));
    ZoneSelection zones;
    try {
      zones = ZoneSelection.parse(request.zones());
    } catch (IllegalArgumentException e) {
      throw new UserError("--zones: " + e.getMessage(), e);
    }
    List<ZoneKey> known = stationZones;
    for (ZoneKey key : zones.keys()) {
      if (!known.contains(key)) {
        throw new UserError("unknown zone '" + key + "'; this station has " + known);
      }
    }
    Instant now = clock.instant();
    LocalDateTime local = LocalDateTime.ofInstant(now, timeZone);
    Instant startsAt = now;
    if (request.at().isPresent()) {
      LocalTime time = parseTime(request.at().get());
      LocalDateTime plannedLocal = local.toLocalDate().atTime(time);
      startsAt = plannedLocal.atZone(timeZone).toInstant();
      if (startsAt.isBefore(now.minusSeconds(1))) {
        throw new UserError("--at " + request.at().get() + " has already passed today (it is "
            + local.toLocalTime().withNano(0) + " now)");
      }
      local = plannedLocal;
    }
    String suffix = STAMP.format(local) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    String rule = (priority == Priority.EMERGENCY ? "khan-" : "manual-") + suffix;
    ProgrammeKey programmeKey;
    int asked = (request.file().isPresent() ? 1 : 0) + (request.programme().isPresent() ? 1 : 0)
        + (request.rebroadcast().isPresent() ? 1 : 0) + (request.text().isPresent() ? 1 : 0);
    if (asked != 1) {
      throw new UserError("say what to air: exactly one of --file, --text, --programme or --rebroadcast");
    }
    List<Instant> times = times(request, startsAt, now);
    if (request.text().isPresent()) {
      String text = request.text().get().strip();
      if (text.isEmpty()) {
        throw new UserError("--text is empty: write the announcement to read");
      }
      if (text.length() > MOST_TEXT) {
        throw new UserError("--text is " + text.length() + " characters; at most " + MOST_TEXT
            + " (put a long bulletin in a file and schedule it as a speech segment)");
      }
      programmeKey = new ProgrammeKey(rule);
      String head = text.length() > 40 ? text.substring(0, 40) + "…" : text;
      Programme programme = new Programme(programmeKey, (priority == Priority.EMERGENCY ? "Thông báo khẩn: " : "Thông báo: ")
          + head.replace('\n', ' '), Category.INFORMATION, priority, List.of(new Segment.Text(text)),
          Duration.ofMinutes(1), Optional.empty());
      try {
        renderer.render(programme); // spoken now, into the cache: a speech failure shows here
      } catch (AudioException | RuntimeException e) {
        throw new UserError("cannot speak the text: " + e.getMessage(), e);
      }
      programmes.put(programme);
    } else if (request.rebroadcast().isPresent()) {
      String url = request.rebroadcast().get();
      Duration length = parseLength(request.length()
          .orElseThrow(() -> new UserError("--rebroadcast needs --length, e.g. --length 30m")));
      programmeKey = new ProgrammeKey(rule);
      Programme programme;
      try {
        programme = new Programme(programmeKey, "Tiếp âm: " + url, Category.INFORMATION, priority,
            List.of(new Segment.Rebroadcast(url, length)), Duration.ofMinutes(1), Optional.empty());
        renderer.render(programme);
      } catch (AudioException | IllegalArgumentException e) {
        throw new UserError("cannot rebroadcast " + url + ": " + e.getMessage(), e);
      }
      programmes.put(programme);
    } else if (request.file().isPresent()) {
      Path file = Path.of(request.file().get()).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new UserError("no such audio file: " + file);
      }
      programmeKey = new ProgrammeKey(rule);
      Programme programme = new Programme(programmeKey, "Phát ngay: " + file.getFileName(), Category.INFORMATION,
          priority, List.of(new Segment.File(file.toString())), Duration.ofMinutes(1), Optional.empty());
      try {
        renderer.render(programme);
      } catch (AudioException e) {
        throw new UserError("cannot air " + file + ": " + e.getMessage(), e);
      }
      programmes.put(programme);
    } else {
      String key = request.programme().get();
      if (!ProgrammeKey.isValid(key) || programmes.find(new ProgrammeKey(key)).isEmpty()) {
        throw new UserError("no programme '" + key + "' in the schedule");
      }
      programmeKey = new ProgrammeKey(key);
    }
    Optional<String> unapproved = programmes.find(programmeKey).flatMap(runner::refusal);
    if (unapproved.isPresent()) {
      throw new UserError(unapproved.get());
    }
    List<PlannedAiring> airings = new java.util.ArrayList<>();
    for (Instant at : times) {
      PlannedAiring airing = new PlannedAiring(
          PlannedAiringKey.of(rule, LocalDateTime.ofInstant(at, timeZone)), programmeKey, at, zones,
          priority, Optional.empty(), times.size() > 1 ? Optional.of("repeat " + (airings.size() + 1) + " of " + times.size())
              : Optional.empty());
      planned.add(airing);
      airings.add(airing);
    }
    return new Series(rule, airings);
  }

  /** The first airing's instant and its repeats'. */
  private List<Instant> times(AirRequest request, Instant first, Instant now) {
    if (request.every().isEmpty()) {
      if (request.count().isPresent() || request.until().isPresent()) {
        throw new UserError("--count and --until go with --repeat-every, e.g. --repeat-every 30m --count 4");
      }
      return List.of(first);
    }
    Duration every = parseLength(request.every().get());
    if (every.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new UserError("--repeat-every " + request.every().get() + " is too often: at least 1 minute");
    }
    if (request.count().isPresent() && request.until().isPresent()) {
      throw new UserError("give --count or --until, not both");
    }
    int count = MOST_REPEATS;
    Instant last = first.plus(REPEAT_AT_MOST);
    if (request.count().isPresent()) {
      try {
        count = Integer.parseInt(request.count().get().strip());
      } catch (NumberFormatException e) {
        throw new UserError("--count: '" + request.count().get() + "' is not a whole number of airings", e);
      }
      if (count < 1 || count > MOST_REPEATS) {
        throw new UserError("--count must be 1.." + MOST_REPEATS + ": " + count);
      }
    }
    if (request.until().isPresent()) {
      String u = request.until().get().strip();
      java.time.ZoneId zone = timeZone;
      try {
        last = u.contains("T") ? LocalDateTime.parse(u).atZone(zone).toInstant()
            : LocalDateTime.ofInstant(now, zone).toLocalDate().atTime(parseTime(u)).atZone(zone).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        throw new UserError("--until: '" + u + "' is not HH:MM today or a date-time as 2026-11-22T06:00", e);
      }
      if (!last.isAfter(first)) {
        throw new UserError("--until " + u + " is not after the first airing; for tomorrow write the date: "
            + LocalDateTime.ofInstant(now, zone).toLocalDate().plusDays(1) + "T" + u);
      }
      if (last.isAfter(first.plus(Duration.ofDays(7)))) {
        throw new UserError("--until " + u + " is more than 7 days ahead");
      }
    }
    List<Instant> times = new java.util.ArrayList<>();
    for (Instant at = first; times.size() < count && !at.isAfter(last); at = at.plus(every)) {
      times.add(at);
    }
    return times;
  }

  /**
   * The operator's cancel: every airing of the series (the rule key {@code loaxa air} printed, e.g.
   * {@code khan-20261121-173000-1a2b}) not aired yet is logged SKIPPED, and the one on air stops.
   *
   * @return what was done, for the operator
   * @throws UserError when the key names nothing that can still be cancelled
   */
  public String cancel(String rule) {
    if (rule.isEmpty() || rule.contains("@")) {
      throw new UserError("say which announcement to cancel: the key loaxa air printed, such as khan-20261121-173000-1a2b"
          + (rule.contains("@") ? " (the part before @)" : ""));
    }
    int cancelled = runner.cancel(rule, "cancelled by the operator");
    if (cancelled == 0) {
      throw new UserError("nothing of '" + rule + "' is planned or on air any more");
    }
    return "đã hủy " + cancelled + " lượt — cancelled " + cancelled + " airing(s) of " + rule;
  }
}
