package io.loaxa.scheduler.planning;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.PlannedAirings;
import io.loaxa.scheduler.Programmes;
import io.loaxa.scheduler.ScheduleStore;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.config.StationConfig;

import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.CheckOptions;
import io.loaxa.schedules.Expansion;
import io.loaxa.schedules.MakeUp;
import io.loaxa.schedules.MonthlyCchc;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.yaml.ScheduleFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the stored schedule into planned airings {@link #DAYS_AHEAD} days ahead, with the keys the
 * schedule gives them (rule + local start), so planning again never duplicates; imports a schedule
 * file all or nothing; and plans the make-up of a month whose CCHC airing did not air.
 */
public final class SchedulePlanner {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulePlanner.class);
  /** How many days ahead planned airings are materialised. */
  public static final int DAYS_AHEAD = 7;

  private final StationConfig config;
  private final Path dataDir;
  private final java.time.Clock clock;
  private final ScheduleStore store;
  private final PlannedAirings planned;
  private final AiringLog log;
  private final StationFacts facts;

  /**
   * A planner over the station's store; the CLI builds one on the database alone, so an import never
   * touches the relay boards of a running daemon.
   */
  public SchedulePlanner(StationConfig config, Path dataDir, java.time.Clock clock, ScheduleStore store, PlannedAirings planned,
      AiringLog log) {
    this.config = config;
    this.dataDir = dataDir;
    this.clock = clock;
    this.store = store;
    this.planned = planned;
    this.log = log;
    this.facts = facts(config);
  }


  /** What the schedule needs to know of this station. The demo station adds its peak windows, policy and CCHC topics. */
  public static StationFacts facts(StationConfig config) {
    if (config.builtInDemo()) {
      StationFacts demo = StationFacts.demo();
      return new StationFacts(config.zoneKeys(), demo.zoneGroups(), config.timeZone(), demo.peakWindows(), demo.policy(), demo.cchcTopics());
    }
    return StationFacts.of(config.timeZone(), config.zoneKeys());
  }

  public StationFacts facts() {
    return facts;
  }

  /** The checks a schedule file gets here: the coming year from today, content files in the content folder if there is one. */
  public static CheckOptions checkOptions(StationConfig config, Path dataDir, LocalDate today) {
    CheckOptions options = CheckOptions.from(today);
    Path content = dataDir.resolve(config.contentDir()).normalize();
    if (Files.isDirectory(content)) {
      options = options.withContent(path -> Files.isRegularFile(content.resolve(path)));
    }
    return options;
  }

  /** What an import did. */
  public record Imported(int programmes, int rules, int planned) {}

  /**
   * Checks and imports a schedule file: on any problem nothing changes and every problem is thrown;
   * otherwise the schedule, its programmes and the next days' planned airings replace the old ones
   * in one transaction.
   */
  public Imported importText(String text, String source) throws SourceException {
    Instant now = clock.instant();
    LocalDate today = LocalDateTime.ofInstant(now, facts.timeZone()).toLocalDate();
    Schedule schedule = ScheduleFile.read(text, source, facts, checkOptions(config, dataDir, today));
    List<PlannedAiring> airings = ahead(schedule, now);
    store.replace(ScheduleFile.write(schedule), source, stored(schedule), airings, now);
    LOG.info("schedule imported from {}: {} programmes, {} rules, {} airings planned for the next {} days",
        source, schedule.programmes().size(), schedule.rules().size(), airings.size(), DAYS_AHEAD);
    return new Imported(schedule.programmes().size(), schedule.rules().size(), airings.size());
  }

  /** The stored schedule; empty before the first import. */
  public Optional<Schedule> current() {
    return store.current().map(s -> {
      try {
        return ScheduleFile.parse(s.text(), "stored schedule", facts);
      } catch (SourceException e) {
        // it was checked on import; the station config changed since (a zone removed)
        throw new UserError("the stored schedule no longer fits the station config:\n" + e.getMessage(), e);
      }
    });
  }

  /**
   * Materialises the stored schedule's airings for the next {@link #DAYS_AHEAD} days, and a make-up
   * for this month's CCHC airing when it did not air (logged, so the operator is told). Planning
   * twice adds nothing. Returns how many airings were new.
   */
  public int planAhead() {
    Optional<Schedule> schedule = current();
    if (schedule.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    List<PlannedAiring> airings = new ArrayList<>(ahead(schedule.get(), now));
    LocalDateTime local = LocalDateTime.ofInstant(now, facts.timeZone());
    YearMonth month = YearMonth.from(local);
    Instant monthStart = Expansion.instant(month.atDay(1).atStartOfDay(), facts.timeZone());
    Set<PlannedAiringKey> aired = new HashSet<>();
    log.forEachRun(monthStart, now, r -> {
      if (r.outcome().filter(o -> o == Outcome.COMPLETED || o == Outcome.PARTIAL).isPresent()) {
        aired.add(r.plannedKey());
      }
    });
    Instant monthEnd = Expansion.instant(month.plusMonths(1).atDay(1).atStartOfDay(), facts.timeZone());
    List<PlannedAiring> plannedThisMonth = new ArrayList<>(planned.between(monthStart, monthEnd));
    List<PlannedAiring> makeUps = new ArrayList<>();
    for (MakeUp m : MonthlyCchc.makeUps(schedule.get(), facts, month, aired, local, plannedThisMonth)) {
      // only a month whose airing this station had planned (and so meant to air) needs a make-up;
      // a schedule imported after the month's airing time starts with the next month
      boolean wasPlanned = plannedThisMonth.stream()
          .anyMatch(a -> a.ruleKey().equals(m.ruleKey()) && a.startsAt().isBefore(now));
      if (!wasPlanned) {
        continue;
      }
      if (m.airing().isPresent()) {
        makeUps.add(m.airing().get());
      } else {
        LOG.warn("{}", m.message());
      }
    }
    airings.addAll(makeUps);
    int added = store.plan(airings);
    for (PlannedAiring m : makeUps) {
      if (planned.find(m.key()).isPresent()) {
        LOG.warn("{}", m.note().orElse("CCHC make-up planned: " + m.key()));
      }
    }
    return added;
  }

  /**
   * This month's airing of a rotating CCHC rule as the station sees it now: the airings the rule
   * plans in the month, the make-ups planned for it, the runs the log holds of both, whether one
   * aired (completed or partly, as {@link #planAhead} counts it) and the hamlets it reached (the
   * confirmed lines of those runs, in config order).
   *
   * @param makeUpNeeded what the planner says when the month's airing did not air and none is still
   *     to come: the make-up it plans, or that no peak window is left; empty otherwise
   */
  public record CchcMonth(AiringRule rule, YearMonth month, List<PlannedAiring> planned, List<PlannedAiring> makeUps,
      List<AiringRunRecord> runs, boolean aired, List<ZoneKey> reached, Optional<String> makeUpNeeded) {}

  /** This month's CCHC airing of every rotating rule of the stored schedule (station time); empty with no schedule. */
  public List<CchcMonth> cchcThisMonth() {
    Optional<Schedule> schedule = current();
    if (schedule.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    LocalDateTime local = LocalDateTime.ofInstant(now, facts.timeZone());
    YearMonth month = YearMonth.from(local);
    Instant monthStart = Expansion.instant(month.atDay(1).atStartOfDay(), facts.timeZone());
    Instant monthEnd = Expansion.instant(month.plusMonths(1).atDay(1).atStartOfDay(), facts.timeZone());
    List<AiringRunRecord> runs = new ArrayList<>();
    Set<PlannedAiringKey> aired = new HashSet<>();
    log.forEachRun(monthStart, monthEnd, r -> {
      runs.add(r);
      if (r.outcome().filter(o -> o == Outcome.COMPLETED || o == Outcome.PARTIAL).isPresent()) {
        aired.add(r.plannedKey());
      }
    });
    List<PlannedAiring> plannedThisMonth = planned.between(monthStart, monthEnd);
    List<MakeUp> needed = MonthlyCchc.makeUps(schedule.get(), facts, month, aired, local, plannedThisMonth);
    List<CchcMonth> out = new ArrayList<>();
    for (AiringRule rule : schedule.get().rules()) {
      if (!rule.rotateTopics()) {
        continue;
      }
      Set<String> keys = Set.of(rule.key(), rule.key() + MonthlyCchc.MAKE_UP_SUFFIX);
      List<AiringRunRecord> ofRule = runs.stream().filter(r -> keys.contains(r.plannedKey().ruleKey())).toList();
      Set<String> confirmed = new LinkedHashSet<>();
      ofRule.stream().filter(r -> aired.contains(r.plannedKey())).forEach(r -> confirmed.addAll(r.zonesConfirmed()));
      List<ZoneKey> reached = facts.zones().stream().filter(z -> confirmed.contains(z.value())).toList();
      List<PlannedAiring> makeUps = plannedThisMonth.stream()
          .filter(a -> a.ruleKey().equals(rule.key() + MonthlyCchc.MAKE_UP_SUFFIX)).toList();
      Optional<String> note = needed.stream().filter(m -> m.ruleKey().equals(rule.key())).map(MakeUp::message).findFirst();
      out.add(new CchcMonth(rule, month, Expansion.plan(schedule.get(), facts, rule, month.atDay(1), month.plusMonths(1).atDay(1)),
          makeUps, ofRule, ofRule.stream().anyMatch(r -> aired.contains(r.plannedKey())), reached, note));
    }
    return out;
  }

  private List<PlannedAiring> ahead(Schedule schedule, Instant now) {
    LocalDate today = LocalDateTime.ofInstant(now, facts.timeZone()).toLocalDate();
    return Expansion.plan(schedule, facts, today, today.plusDays(DAYS_AHEAD)).stream()
        .filter(a -> !a.startsAt().isBefore(now))
        .toList();
  }

  /** Programmes as the runner reads them: chimes before and after become segments. */
  private static List<Programme> stored(Schedule schedule) {
    return schedule.programmes().stream()
        .map(p -> new Programme(p.key(), p.title(), p.category(), p.priority(), p.playlist(), p.lateTolerance(), p.maxDuration(),
            Optional.empty(), Optional.empty(), p.afterPreemption()))
        .toList();
  }
}
