package io.loaxa.scheduler;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.SwitchResult;
import io.loaxa.devices.Switchboard;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.SegmentText;
import io.loaxa.schedules.ZoneKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
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
  private final ReentrantLock onAir = new ReentrantLock(true);
  private volatile StopToken current = new StopToken();
  private volatile Optional<String> closing = Optional.empty();

  public AiringRunner(Clock clock, Pause pause, PlannedAirings planned, Programmes programmes, AiringLog log,
      Switchboard switchboard, SoundOutput sound, ContentRenderer renderer, List<ZoneKey> stationZones,
      Duration warmUp) {
    this.clock = clock;
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
  public Optional<Outcome> run(PlannedAiringKey key, Instant fired, Trigger trigger) throws InterruptedException {
    Optional<PlannedAiring> found = planned.find(key);
    if (found.isEmpty()) {
      LOG.warn("planned airing {} fired at {} is no longer planned; nothing aired", key, fired);
      return Optional.empty();
    }
    PlannedAiring airing = found.get();
    if (log.hasRun(key.value())) {
      LOG.info("planned airing {} already has a run; not airing it twice", key);
      return Optional.empty();
    }
    List<String> zones = airing.zones().resolve(stationZones).stream().map(ZoneKey::value).toList();
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
    PcmSource audio;
    try {
      audio = renderer.prepare(p);
    } catch (AudioException e) {
      return Optional.of(recordUnaired(airing, zones, trigger, p.title(), p.category().key(), Outcome.FAILED,
          "content could not be prepared: " + e.getMessage()));
    }
    try (audio) {
      onAir.lockInterruptibly();
      try {
        if (closing.isPresent()) {
          LOG.info("{} not aired: {}", key, closing.get());
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
        return Optional.of(air(airing, p, zones, audio, trigger));
      } finally {
        onAir.unlock();
      }
    }
  }

  /**
   * Airs the planned airing with this key at its planned instant: waits (zones still off) until
   * its pre-roll, then runs it as {@link #run} does. For the operator's "air this at 17:30".
   */
  public Optional<Outcome> runWhenDue(PlannedAiringKey key, Trigger trigger) throws InterruptedException {
    Optional<PlannedAiring> found = planned.find(key);
    if (found.isPresent()) {
      pause.until(found.get().startsAt().minus(preRoll()));
    }
    return run(key, clock.instant(), trigger);
  }

  /**
   * Logs a planned airing as not aired on purpose ({@link Outcome#SKIPPED}) without switching
   * anything; does nothing when it already has a run.
   */
  public void skip(PlannedAiringKey key, String reason) {
    Optional<PlannedAiring> found = planned.find(key);
    if (found.isEmpty() || log.hasRun(key.value())) {
      return;
    }
    PlannedAiring airing = found.get();
    List<String> zones = airing.zones().resolve(stationZones).stream().map(ZoneKey::value).toList();
    Optional<Programme> p = programmes.find(airing.programme());
    recordUnaired(airing, zones, Trigger.CATCH_UP, p.map(Programme::title).orElse(""),
        p.map(x -> x.category().key()).orElse(""), Outcome.SKIPPED, reason);
  }

  private Outcome air(PlannedAiring airing, Programme p, List<String> zones, PcmSource audio, Trigger trigger)
      throws InterruptedException {
    RunStart start = runStart(airing, zones, trigger, p.title(), p.category().key(), SegmentText.format(p.segments()));
    long id = log.begin(start);
    if (id < 0) {
      LOG.info("planned airing {} already has a run; not airing it twice", airing.key());
      return Outcome.SKIPPED;
    }
    StopToken stop = new StopToken();
    current = stop;
    closing.ifPresent(stop::request); // a close that came between the check and here still stops it
    Optional<Instant> firstSample = Optional.empty();
    SwitchResult switched = new SwitchResult(List.of(), List.of(), Map.of());
    Outcome outcome = Outcome.FAILED;
    String reason = "";
    try (SoundOutput.OpenLine line = sound.open(PcmFormat.STATION)) {
      switchboard.amplifierOn();
      Instant ampOn = clock.instant();
      switched = switchboard.zonesOn(zones);
      if (switched.switched().isEmpty()) {
        reason = "no zone could be switched on: " + switched.failed();
      } else {
        Instant firstAt = later(airing.startsAt(), ampOn.plus(warmUp));
        // hand the line the planned instant ahead of it: it primes itself so the first sample is
        // heard on that instant
        pause.until(firstAt.minus(CUE_LEAD));
        Playback playback = line.play(audio, stop, Cue.at(firstAt));
        firstSample = Optional.of(playback.firstSampleAt());
        String heard = playback.troubles();
        if (!heard.isEmpty()) {
          LOG.warn("airing {}: {}", airing.key(), heard);
          reason = heard;
        }
        if (playback.stopped()) {
          reason = join("stopped: " + stop.reason(), reason);
          outcome = Outcome.FAILED;
        } else if (!switched.failed().isEmpty()) {
          outcome = Outcome.PARTIAL;
          reason = join("zones failed: " + switched.failed(), reason);
        } else {
          outcome = Outcome.COMPLETED;
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
      try {
        switchboard.amplifierOff();
      } catch (DeviceException e) {
        offFailures.add("amplifier: " + e.getMessage());
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
    return outcome;
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
    return new RunStart(airing.key().value(), airing.programme().value(), title, category,
        airing.priority().name(), trigger, airing.startsAt(), zones, content);
  }

  private static String join(String first, String then) {
    return then.isEmpty() ? first : first + "; " + then;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
