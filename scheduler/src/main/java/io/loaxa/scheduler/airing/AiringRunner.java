package io.loaxa.scheduler.airing;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.Outcome;
import io.loaxa.devices.Pause;
import io.loaxa.scheduler.PlannedAirings;
import io.loaxa.scheduler.OnAir;
import io.loaxa.scheduler.Programmes;
import io.loaxa.scheduler.OnAirWatch;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.Trigger;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.Gap;
import io.loaxa.audio.PartedSource;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.SwitchResult;
import io.loaxa.devices.Switchboard;
import io.loaxa.schedules.AfterPreemption;
import io.loaxa.schedules.FollowUp;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.SegmentText;
import io.loaxa.schedules.ZoneKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Airs one planned airing from start to end: takes the air, switches the amplifier and zones on,
 * waits out the warm-up, plays the programme with its first sample at the planned instant, switches
 * everything off (always), and writes one row to the airing log. The one code path for scheduled,
 * manual and catch-up airings. Thread-safe: one airing holds the air at a time.
 */
public final class AiringRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AiringRunner.class);

  private final Clock clock;
  private final ZoneId timeZone;
  private final Pause pause;
  private final PlannedAirings planned;
  private final Programmes programmes;
  private final AiringLog log;
  private final Switchboard switchboard;
  private final SoundOutput sound;
  private final ContentRenderer renderer;
  private final List<ZoneKey> stationZones;
  private final Duration warmUp;
  /** How long before its first sample the line is handed the programme, to prime itself. */
  private static final Duration CUE_LEAD = Duration.ofMillis(700);
  /** How long an airing cut off by a higher priority may wait for the air before its rest is given up. */
  static final Duration FOLLOW_UP_TOLERANCE = Duration.ofMinutes(30);
  /** How many times one airing is resumed or restarted after pre-emptions before it is left cut. */
  private static final int MAX_FOLLOW_UPS = 3;
  /** How often the log's journal of an airing on air is brought up to date, so a crash loses at most this much. */
  private static final Duration JOURNAL_EVERY = Duration.ofSeconds(1);
  /** Brings the journal of the airing on air up to date; one daemon thread for the station. */
  private final ScheduledExecutorService journal = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "airing-journal");
    t.setDaemon(true);
    return t;
  });
  private final OnAirQueue queue = new OnAirQueue(this::settleAmplifier);
  private volatile StopToken current = new StopToken();
  private volatile Optional<String> closing = Optional.empty();
  private volatile io.loaxa.scheduler.ContentApproval approval = io.loaxa.scheduler.ContentApproval.NONE;
  /** When the amplifier was switched on, while it is on (kept on when an airing hands the air straight over). */
  private volatile Optional<Instant> amplifierOnSince = Optional.empty();
  /** The on-air monitor, when the station has one: what the lines carried decides the outcome too. */
  private volatile OnAirWatch watch = OnAirWatch.NONE;
  /** Airings the operator cancelled while they held the air. */
  private final Set<PlannedAiringKey> cancelling = ConcurrentHashMap.newKeySet();

  /**
   * @param timeZone the station's zone: a follow-up's key holds its local start, as every key does
   */
  public AiringRunner(Clock clock, ZoneId timeZone, Pause pause, PlannedAirings planned, Programmes programmes, AiringLog log,
      Switchboard switchboard, SoundOutput sound, ContentRenderer renderer, List<ZoneKey> stationZones,
      Duration warmUp) {
    this.clock = clock;
    this.timeZone = timeZone;
    this.pause = pause;
    this.planned = planned;
    this.programmes = programmes;
    this.log = log;
    this.switchboard = switchboard;
    this.sound = sound;
    this.renderer = renderer;
    this.stationZones = List.copyOf(stationZones);
    this.warmUp = warmUp;
  }

  /** Lets {@code watch} hear every airing from now on; a run it heard fail is {@code FAILED} or {@code PARTIAL}. */
  public void watchedBy(OnAirWatch watch) {
    this.watch = java.util.Objects.requireNonNull(watch, "watch");
  }

  /** How long before its planned instant an airing must be fired to switch and warm up in time. */
  public Duration preRoll() {
    return warmUp.plusSeconds(1);
  }

  /** Stops what is on air now (shutdown); the run ends with its zones off. */
  public void stopCurrent(String why) {
    current.request(why);
  }

  /**
   * The station is stopping: what is on air stops now and nothing new goes on air. Airings that
   * were about to start stay planned, without a log row, for the next start to settle.
   */
  public void close(String why) {
    closing = Optional.of(why);
    current.request(why);
  }

  /**
   * Airs the planned airing with this key, unless it already has a run.
   *
   * @param fired when the trigger fired (or the operator asked), for the log message only
   * @return the run's outcome; empty when it was not aired because it already has a run
   */
  /** The station's content approval rule, asked before anything airs; none until set. */
  public AiringRunner approval(io.loaxa.scheduler.ContentApproval rule) {
    this.approval = rule;
    return this;
  }

  /** Why {@code p} may not air under the approval rule (the first of its files that may not); empty when it may. */
  public Optional<String> refusal(Programme p) {
    for (io.loaxa.schedules.Segment s : p.playlist()) {
      Optional<String> path = s instanceof io.loaxa.schedules.Segment.File f ? Optional.of(f.path())
          : s instanceof io.loaxa.schedules.Segment.Speech sp ? Optional.of(sp.path()) : Optional.empty();
      Optional<String> refused = path.flatMap(approval::refusal);
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  public Optional<Outcome> run(PlannedAiringKey key, Instant fired, Trigger trigger) throws InterruptedException {
    Optional<PlannedAiring> found = planned.find(key);
    if (found.isEmpty()) {
      LOG.warn("planned airing {} fired at {} is no longer planned; nothing aired", key, fired);
      return Optional.empty();
    }
    PlannedAiring airing = found.get();
    if (log.hasRun(key)) {
      LOG.info("planned airing {} already has a run; not airing it twice", key);
      return Optional.empty();
    }
    List<String> zones = zonesOf(airing);
    Optional<Programme> programme = programmes.find(airing.programme());
    if (programme.isEmpty()) {
      return Optional.of(recordUnaired(airing, zones, trigger, "", "", Outcome.FAILED,
          "programme " + airing.programme() + " is not in the schedule"));
    }
    // the monthly CCHC airing names its topic; the programme's paths hold {topic}
    Programme p = airing.topic().map(programme.get()::withTopic).orElse(programme.get());
    Instant now = clock.instant();
    Instant latest = airing.startsAt().plus(p.lateTolerance());
    if (now.isAfter(latest.plus(preRoll()))) {
      return Optional.of(recordUnaired(airing, zones, trigger, p.title(), p.category().key(), Outcome.MISSED,
          "started " + Duration.between(airing.startsAt(), now).toSeconds() + " s late, beyond the late tolerance of " + p.lateTolerance()));
    }
    Optional<String> unapproved = refusal(p);
    if (unapproved.isPresent()) {
      return Optional.of(recordUnaired(airing, zones, trigger, p.title(), p.category().key(), Outcome.SKIPPED,
          unapproved.get()));
    }
    PcmSource audio;
    try {
      audio = renderer.prepare(p);
    } catch (AudioException e) {
      return Optional.of(recordUnaired(airing, zones, trigger, p.title(), p.category().key(), Outcome.FAILED,
          "content could not be prepared: " + e.getMessage()));
    }
    StopToken stop = new StopToken();
    Optional<Aired> aired = Optional.empty();
    try (audio) {
      OnAirQueue.Claim claim = queue.enter(key, airing.priority(), new OnAirQueue.Yield() {
        @Override
        public void now(String why) {
          stop.request(why);
        }

        @Override
        public void atSegmentEnd(String why) {
          if (audio instanceof PartedSource parted) {
            parted.endAfterCurrentPart();
          } else {
            stop.request(why);
          }
        }
      });
      try {
        if (closing.isPresent()) {
          LOG.info("{} not aired: {}", key, closing.get());
          return Optional.empty();
        }
        if (log.hasRun(key)) { // cancelled, or settled by a catch-up, while it waited
          LOG.info("planned airing {} got a run while it waited for the air; not airing it", key);
          return Optional.empty();
        }
        // waiting for the air may have taken it past its tolerance (a long airing before it, a burst
        // of triggers after a clock jump): decide again now
        Instant granted = clock.instant();
        if (granted.isAfter(latest.plus(preRoll()))) {
          return Optional.of(recordUnaired(airing, zones, trigger, p.title(), p.category().key(), Outcome.MISSED,
              "the air was busy until " + Duration.between(airing.startsAt(), granted).toSeconds()
                  + " s after its time, beyond the late tolerance of " + p.lateTolerance()));
        }
        aired = Optional.of(air(airing, p, zones, audio, stop, claim, trigger));
      } finally {
        settleAmplifier();
        queue.leave(claim);
      }
    }
    Aired result = aired.get();
    if (result.outcome() == Outcome.PREEMPTED) {
      followUp(airing, p, result).ifPresent(next -> {
        try {
          run(next, clock.instant(), Trigger.AFTER_PREEMPTION);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    return Optional.of(result.outcome());
  }

  /**
   * Cancels what the operator asked: every planned airing of {@code ruleKey} without a run is
   * logged SKIPPED, and the one on air now, if it is one of them, stops with a fade and is logged
   * SKIPPED too.
   *
   * @return how many airings were cancelled (the one on air included)
   */
  public int cancel(String ruleKey, String why) {
    int count = 0;
    Optional<OnAirQueue.Claim> holding = queue.holder();
    if (holding.isPresent() && holding.get().key.ruleKey().equals(ruleKey)) {
      cancelling.add(holding.get().key);
      holding.get().stopNow(why);
      count++;
    }
    for (PlannedAiring airing : planned.withoutRunOfRule(ruleKey)) {
      if (holding.isPresent() && holding.get().key.equals(airing.key())) {
        continue;
      }
      recordSkipped(airing, Trigger.MANUAL, why);
      count++;
    }
    return count;
  }

  /** The key of the planned airing on air now, if any. */
  public Optional<PlannedAiringKey> onAirNow() {
    return queue.holder().map(c -> c.key);
  }

  /**
   * Airs the planned airing with this key at its planned instant: waits (zones still off) until
   * its pre-roll, then runs it as {@link #run} does. For the operator's "air this at 17:30".
   */
  public Optional<Outcome> runWhenDue(PlannedAiringKey key, Trigger trigger) throws InterruptedException {
    Optional<PlannedAiring> found = planned.find(key);
    if (found.isPresent()) {
      pause.until(found.get().startsAt().minus(preRoll()), clock);
    }
    return run(key, clock.instant(), trigger);
  }

  /**
   * Logs a planned airing as not aired on purpose ({@link Outcome#SKIPPED}) without switching
   * anything; does nothing when it already has a run.
   */
  public void skip(PlannedAiringKey key, String reason) {
    Optional<PlannedAiring> found = planned.find(key);
    if (found.isEmpty() || log.hasRun(key)) {
      return;
    }
    recordSkipped(found.get(), Trigger.CATCH_UP, reason);
  }

  private void recordSkipped(PlannedAiring airing, Trigger trigger, String reason) {
    Optional<Programme> p = programmes.find(airing.programme());
    recordUnaired(airing, zonesOf(airing), trigger, p.map(Programme::title).orElse(""),
        p.map(x -> x.category().key()).orElse(""), Outcome.SKIPPED, reason);
  }

  private List<String> zonesOf(PlannedAiring airing) {
    return airing.zones().resolve(stationZones).stream().map(ZoneKey::value).toList();
  }

  /** How an airing ended, and where its audio was when it ended (to resume it). */
  private record Aired(Outcome outcome, int part, Duration intoPart) {}

  private Aired air(PlannedAiring airing, Programme p, List<String> zones, PcmSource audio, StopToken stop,
      OnAirQueue.Claim claim, Trigger trigger) throws InterruptedException {
    RunStart start = runStart(airing, zones, trigger, p.title(), p.category().key(), SegmentText.format(p.segments()));
    long id = log.begin(start);
    if (id < 0) {
      LOG.info("planned airing {} already has a run; not airing it twice", airing.key());
      return new Aired(Outcome.SKIPPED, 0, Duration.ZERO);
    }
    current = stop;
    closing.ifPresent(stop::request); // a close that came between the check and here still stops it
    Optional<Instant> firstSample = Optional.empty();
    SwitchResult switched = new SwitchResult(List.of(), List.of(), Map.of());
    Outcome outcome = Outcome.FAILED;
    String reason = "";
    try (SoundOutput.OpenLine line = sound.open(PcmFormat.STATION)) {
      Instant ampOn = amplifierOn();
      switched = switchboard.zonesOn(zones);
      if (switched.switched().isEmpty()) {
        reason = "no zone could be switched on: " + switched.failed();
      } else {
        Instant firstAt = later(airing.startsAt(), ampOn.plus(warmUp));
        // hand the line the planned instant ahead of it: it primes itself so the first sample is
        // heard on that instant
        pause.until(firstAt.minus(CUE_LEAD), clock);
        PcmSource played = p.maxDuration().map(audio::cappedAt).orElse(audio);
        OnAirJournal journalling = new OnAirJournal(id, firstAt, switched, audio, p);
        Playback playback;
        OnAirWatch.Listening listening = watch.airingStarts(airing.key());
        Optional<OnAirWatch.HeardTrouble> notCarried = Optional.empty();
        try {
          playback = line.play(played, stop, Cue.at(firstAt));
        } finally {
          journalling.stop();
          notCarried = listening.airingEnded();
        }
        firstSample = Optional.of(playback.firstSampleAt());
        String heard = playback.troubles();
        if (!heard.isEmpty()) {
          LOG.warn("airing {}: {}", airing.key(), heard);
          reason = heard;
        }
        boolean cutShort = playback.stopped() || (audio instanceof PartedSource parted && parted.endedEarly());
        if (cutShort && cancelling.remove(airing.key())) {
          outcome = Outcome.SKIPPED;
          reason = join(stop.reason() + " after " + seconds(playback) + " s on air", reason);
        } else if (cutShort && claim.preemptedBy().isPresent()) {
          outcome = Outcome.PREEMPTED;
          reason = join((playback.stopped() ? stop.reason() : "yielded at the end of its segment to priority "
              + claim.preemptedBy().get()) + " after " + seconds(playback) + " s on air", reason);
        } else if (playback.stopped()) {
          reason = join("stopped: " + stop.reason(), reason);
          outcome = Outcome.FAILED;
        } else if (!switched.failed().isEmpty()) {
          outcome = Outcome.PARTIAL;
          reason = join("zones failed: " + switched.failed(), reason);
        } else {
          outcome = Outcome.COMPLETED;
        }
        Duration lost = notCarried(playback);
        if (outcome == Outcome.COMPLETED && lost.compareTo(LOST_ALLOWED) > 0
            && lost.multipliedBy(10).compareTo(airtime(playback)) > 0) {
          // a relay whose stream was gone for much of its slot did not air as planned; gone for
          // all of it, nothing aired
          outcome = lost.multipliedBy(20).compareTo(airtime(playback).multipliedBy(19)) >= 0
              ? Outcome.FAILED : Outcome.PARTIAL;
          reason = join("silence on air for " + seconds(lost) + " s of " + seconds(airtime(playback)) + " s", reason);
        }
        if (p.maxDuration().isPresent() && outcome == Outcome.COMPLETED && played != audio
            && Duration.ofNanos(playback.framesPlayed() * 1_000_000_000L / PcmFormat.STATION.sampleRate())
                .compareTo(p.maxDuration().get()) >= 0) {
          reason = join("cut at its maximum duration of " + p.maxDuration().get(), reason);
        }
        if (notCarried.isPresent()) {
          if (outcome == Outcome.COMPLETED || outcome == Outcome.PARTIAL) {
            outcome = notCarried.get().partlyHeard() ? Outcome.PARTIAL : Outcome.FAILED;
          }
          reason = join(notCarried.get().reason(), reason);
        }
      }
    } catch (AudioException e) {
      reason = e.getMessage();
    } catch (DeviceException e) {
      reason = "amplifier: " + e.getMessage();
    } catch (RuntimeException e) {
      LOG.error("airing {} broke on a defect", airing.key(), e);
      reason = "internal error: " + e;
    } finally {
      List<String> offFailures = new ArrayList<>();
      switchboard.zonesOff(zones).failed().forEach((zone, why) -> offFailures.add(zone + ": " + why));
      if (!queue.someoneWaiting() || closing.isPresent()) { // else handed straight over, warm
        amplifierOff().ifPresent(why -> offFailures.add("amplifier: " + why));
      }
      if (!offFailures.isEmpty()) {
        LOG.error("airing {}: could not switch off {}", airing.key(), offFailures);
        reason = (reason.isEmpty() ? "" : reason + "; ") + "switch-off failed: " + offFailures;
      }
      Instant ended = clock.instant();
      log.end(id, new RunEnd(firstSample, ended, switched.confirmed(), switched.commanded(),
          new ArrayList<>(switched.failed().keySet()), outcome, reason));
      LOG.info("airing {} '{}' planned {} first sample {} zones {}/{} outcome {}{}", airing.key(), p.title(),
          airing.startsAt(), firstSample.map(Instant::toString).orElse("-"), switched.switched().size(), zones.size(),
          outcome, reason.isEmpty() ? "" : " (" + reason + ")");
    }
    int part = 0;
    Duration into = Duration.ZERO;
    if (audio instanceof PartedSource parted) {
      part = parted.endedEarly() ? parted.partIndex() + 1 : parted.partIndex();
      into = parted.endedEarly() ? Duration.ZERO
          : Duration.ofNanos(parted.framesIntoPart() * 1_000_000_000L / audio.format().sampleRate());
    }
    return new Aired(outcome, part, into);
  }

  /**
   * Silence up to this long (a stream fetched again, a pause in a recording) does not count against
   * an airing; past it, and past a tenth of the airtime, the airing is {@code PARTIAL}.
   */
  static final Duration LOST_ALLOWED = Duration.ofSeconds(10);

  /** How long the loudspeakers carried silence instead of the programme: stream drops and silent output. */
  private static Duration notCarried(Playback playback) {
    Duration d = Duration.ZERO;
    for (Gap g : playback.dropouts()) {
      d = d.plus(g.length());
    }
    for (Gap g : playback.silences()) {
      d = d.plus(g.length());
    }
    return d;
  }

  private static Duration airtime(Playback playback) {
    return Duration.ofNanos(playback.framesPlayed() * 1_000_000_000L / PcmFormat.STATION.sampleRate());
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }

  private Instant amplifierOn() throws DeviceException {
    Optional<Instant> since = amplifierOnSince;
    switchboard.amplifierOn();
    Instant on = since.orElse(clock.instant());
    amplifierOnSince = Optional.of(on);
    return on;
  }

  /** Switches the amplifier off; the failure, if any, in words. */
  private Optional<String> amplifierOff() {
    amplifierOnSince = Optional.empty();
    try {
      switchboard.amplifierOff();
      return Optional.empty();
    } catch (DeviceException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The amplifier stays on only while an airing waits to take the air straight after. Also called by
   * the queue when the airing it was kept on for gives up before taking the air.
   */
  private void settleAmplifier() {
    if (amplifierOnSince.isPresent() && (!queue.someoneWaiting() || closing.isPresent())) {
      amplifierOff().ifPresent(why -> LOG.error("could not switch the amplifier off: {}", why));
    }
  }

  /**
   * Plans what airs of a pre-empted airing once the air is free, per its programme's policy: the
   * rest from the segment that was cut (a live segment for what is left of its length), or all of
   * it again. Stored like any planned airing, so a restart still settles it exactly once.
   */
  private Optional<PlannedAiringKey> followUp(PlannedAiring airing, Programme p, Aired aired) {
    AfterPreemption policy = p.afterPreemption();
    int number = airing.followUp().map(f -> f.number() + 1).orElse(1);
    if (policy == AfterPreemption.DROP || number > MAX_FOLLOW_UPS || closing.isPresent()) {
      return Optional.empty();
    }
    List<Segment> segments = p.segments();
    List<Segment> rest = new ArrayList<>();
    if (policy == AfterPreemption.RESUME && aired.part() < segments.size()) {
      for (int i = aired.part(); i < segments.size(); i++) {
        Segment s = segments.get(i);
        if (i == aired.part()) {
          s = shortened(s, aired.intoPart());
        }
        if (s != null) {
          rest.add(s);
        }
      }
    }
    if (policy == AfterPreemption.RESUME && rest.isEmpty()) {
      return Optional.empty(); // it was cut in its last moment: nothing is left
    }
    boolean resume = policy == AfterPreemption.RESUME;
    PlannedAiringKey scheduled = airing.followUp().map(FollowUp::of).orElse(airing.key());
    ProgrammeKey asScheduled = airing.followUp().map(FollowUp::programme).orElse(airing.programme());
    FollowUp followUp = new FollowUp(scheduled, resume ? FollowUp.Kind.RESUME : FollowUp.Kind.RESTART, asScheduled, number);
    Programme follow = new Programme(followUp.followUpProgramme(), p.title(), p.category(), p.priority(),
        resume ? rest : segments, FOLLOW_UP_TOLERANCE, p.maxDuration(), Optional.empty(), Optional.empty(), policy);
    programmes.put(follow);
    Instant now = clock.instant();
    PlannedAiring next = new PlannedAiring(freeKey(airing.key().ruleKey(), now), follow.key(), now, airing.zones(),
        airing.priority(), airing.topic(),
        Optional.of((resume ? "the rest of " : "again: ") + scheduled + ", cut off by a higher priority"), Optional.of(followUp));
    planned.add(next);
    LOG.info("{} was cut off; {} planned as {}", airing.key(), resume ? "the rest" : "a new start", next.key());
    return Optional.of(next.key());
  }

  /**
   * The key of a follow-up of {@code ruleKey} starting at {@code at}: the rule and its local start,
   * as every key is; a second later when that one is taken.
   */
  private PlannedAiringKey freeKey(String ruleKey, Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, timeZone).withNano(0);
    PlannedAiringKey key = PlannedAiringKey.of(ruleKey, local);
    while (planned.find(key).isPresent()) {
      local = local.plusSeconds(1);
      key = PlannedAiringKey.of(ruleKey, local);
    }
    return key;
  }

  /**
   * Writes to the log, as it happens, what the airing on air has done: its first sample, the zones
   * on, how long it has been on air and what it is playing, so a run the process dies in keeps them.
   */
  private final class OnAirJournal {
    private final long id;
    private final Instant firstSample;
    private final SwitchResult zonesOn;
    private final PcmSource audio;
    private final Programme programme;
    private final ScheduledFuture<?> beat;

    OnAirJournal(long id, Instant firstSample, SwitchResult zonesOn, PcmSource audio, Programme programme) {
      this.id = id;
      this.firstSample = firstSample;
      this.zonesOn = zonesOn;
      this.audio = audio;
      this.programme = programme;
      write();
      long every = JOURNAL_EVERY.toMillis();
      this.beat = journal.scheduleWithFixedDelay(this::write, every, every, TimeUnit.MILLISECONDS);
    }

    private void write() {
      Instant now = clock.instant();
      if (now.isBefore(firstSample)) {
        return; // still warming up: nothing has been heard yet
      }
      try {
        log.onAir(id, new OnAir(firstSample, zonesOn.confirmed(), zonesOn.commanded(), now, playing()));
      } catch (RuntimeException e) {
        // the airing goes on; the log row is closed at its end as always
        LOG.warn("airing log: could not journal run {}: {}", id, e.getMessage());
      }
    }

    private String playing() {
      List<Segment> segments = programme.segments();
      int part = audio instanceof PartedSource parted ? parted.partIndex() : 0;
      return part >= 0 && part < segments.size() ? segments.get(part).describe() : programme.title();
    }

    void stop() {
      beat.cancel(false);
    }
  }

  /** A segment with {@code played} of it gone: live ones shorter, recorded ones whole again; null when nothing is left. */
  private static Segment shortened(Segment s, Duration played) {
    if (s instanceof Segment.Rebroadcast r) {
      Duration left = r.length().minus(played);
      return left.compareTo(Duration.ofSeconds(1)) < 0 ? null : new Segment.Rebroadcast(r.url(), left);
    }
    if (s instanceof Segment.LineIn in) {
      Duration left = in.length().minus(played);
      return left.compareTo(Duration.ofSeconds(1)) < 0 ? null : new Segment.LineIn(left);
    }
    return s;
  }

  private static String seconds(Playback playback) {
    return String.format(java.util.Locale.ROOT, "%.1f",
        playback.framesPlayed() / (double) PcmFormat.STATION.sampleRate());
  }

  private Outcome recordUnaired(PlannedAiring airing, List<String> zones, Trigger trigger, String title,
      String category, Outcome outcome, String reason) {
    RunStart start = runStart(airing, zones, trigger, title, category, "");
    log.record(start, new RunEnd(Optional.empty(), clock.instant(), List.of(), List.of(), List.of(), outcome, reason));
    LOG.info("airing {} planned {} outcome {} ({})", airing.key(), airing.startsAt(), outcome, reason);
    return outcome;
  }

  private static RunStart runStart(PlannedAiring airing, List<String> zones, Trigger trigger, String title,
      String category, String content) {
    return new RunStart(airing.key(), airing.programme().value(), title, category,
        airing.priority().name(), trigger, airing.startsAt(), zones, content);
  }

  private static String join(String first, String then) {
    return then.isEmpty() ? first : first + "; " + then;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
