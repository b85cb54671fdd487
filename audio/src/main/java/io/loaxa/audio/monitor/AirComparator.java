package io.loaxa.audio.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares, block by block, the level the monitor hears with the level loaxa played in the same
 * block, and says when an incident starts and ends. Pure: time is the instant given with each
 * block, durations are counted in blocks. Not thread-safe.
 *
 * <ul>
 *   <li>{@link MonitorIncidentKind#DEAD_AIR}: during an airing, the monitor below the silence
 *       threshold for {@code deadAir} while the programme was above it somewhere in the last
 *       {@code maxLag} (a pause in the programme neither counts nor resets), unless the programme
 *       itself was silent over that whole stretch at some lag up to {@code maxLag} (its pause heard
 *       late); ends after 0.5 s of audio on the monitor or with the airing.
 *   <li>{@link MonitorIncidentKind#MISMATCH}: during an airing, with at least 60 % of the
 *       {@code mismatchWindow}'s blocks loud on both sides, the Pearson correlation of the two dB
 *       envelopes (clamped 10 dB below the silence threshold, averaged over 3 blocks, best over lags 0..maxLag) stays
 *       below {@code mismatchCorrelation} for 2 s; a window in which either envelope varies by
 *       less than 1 dB (a steady tone) decides nothing. Ends when it is 0.25 above for 2 s.
 *   <li>{@link MonitorIncidentKind#AUDIO_OUTSIDE_SCHEDULE}: outside airings (after {@code maxLag}
 *       for the last airing's tail), audio for {@code outside}; quiet gaps under 1 s do not reset
 *       it; ends after 1 s of silence or when an airing starts.
 * </ul>
 */
public final class AirComparator {
  private static final double LOUD_SHARE = 0.6;
  private static final double FLAT_DB = 1.0;
  private static final int SMOOTH = 3;
  /**
   * Unrelated envelopes, best over 21 lags in a 10 s window, scored up to about 0.47 in trials;
   * a mismatch ends only well above that.
   */
  private static final double END_MARGIN = 0.25;
  private final MonitorSettings settings;
  private final int deadBlocks;
  private final int outsideBlocks;
  private final int lagBlocks;
  private final int windowBlocks;
  private final int confirmBlocks;
  private final int deadEndBlocks;
  private final int quietEndBlocks;
  private final double[] heard;
  private final double[] played;
  private long count;

  private boolean airing;
  private long sinceAiringChange = Integer.MAX_VALUE;
  private double lastProgrammeLoud = Levels.FLOOR_DBFS;

  private int deadRun;
  private Instant deadFrom;
  private boolean dead;
  private int loudRun;

  private int outsideRun;
  private Instant outsideFrom;
  private boolean outside;
  private int quietRun;
  private Instant quietFrom;

  private boolean mismatch;
  private int lowRun;
  private Instant lowFrom;
  private int highRun;
  private double lastCorrelation = Double.NaN;

  public AirComparator(MonitorSettings settings) {
    this.settings = settings;
    this.deadBlocks = settings.blocks(settings.deadAir());
    this.outsideBlocks = settings.blocks(settings.outside());
    this.lagBlocks = settings.blocks(settings.maxLag());
    this.windowBlocks = settings.blocks(settings.mismatchWindow());
    this.confirmBlocks = settings.blocks(java.time.Duration.ofSeconds(2));
    this.deadEndBlocks = settings.blocks(java.time.Duration.ofMillis(500));
    this.quietEndBlocks = settings.blocks(java.time.Duration.ofSeconds(1));
    int history = Math.max(windowBlocks, deadBlocks) + lagBlocks + SMOOTH + 1;
    this.heard = new double[history];
    this.played = new double[history];
  }

  public boolean airing() {
    return airing;
  }

  /** The last correlation computed (NaN when none was decided), for the log and the bench. */
  public double lastCorrelation() {
    return lastCorrelation;
  }

  /** An airing starts or ends at {@code at}; returns the incidents this ends. */
  public List<MonitorEvent> airing(boolean on, Instant at) {
    List<MonitorEvent> events = new ArrayList<>();
    if (on == airing) {
      return events;
    }
    airing = on;
    sinceAiringChange = 0;
    if (dead) {
      events.add(end(MonitorIncidentKind.DEAD_AIR, at, "the airing ended"));
      dead = false;
    }
    if (mismatch) {
      events.add(end(MonitorIncidentKind.MISMATCH, at, "the airing ended"));
      mismatch = false;
    }
    if (outside) {
      events.add(end(MonitorIncidentKind.AUDIO_OUTSIDE_SCHEDULE, at, "an airing started"));
      outside = false;
    }
    deadRun = loudRun = outsideRun = quietRun = lowRun = highRun = 0;
    count = 0;
    lastCorrelation = Double.NaN;
    return events;
  }

  /**
   * One block: what the monitor heard and what loaxa played in it (both RMS dBFS; the programme
   * at {@link Levels#FLOOR_DBFS} when nothing was played).
   */
  public List<MonitorEvent> block(Instant at, double heardDbfs, double playedDbfs) {
    List<MonitorEvent> events = new ArrayList<>();
    int slot = (int) (count % heard.length);
    heard[slot] = heardDbfs;
    played[slot] = playedDbfs;
    count++;
    sinceAiringChange++;
    boolean monitorLoud = heardDbfs > settings.silenceDbfs();
    if (airing) {
      duringAiring(at, heardDbfs, monitorLoud, events);
    } else if (sinceAiringChange > lagBlocks) {
      outsideAiring(at, heardDbfs, monitorLoud, events);
    }
    return events;
  }

  private void duringAiring(Instant at, double heardDbfs, boolean monitorLoud, List<MonitorEvent> events) {
    double programme = loudestPlayed(lagBlocks + 1);
    if (programme > settings.silenceDbfs()) {
      lastProgrammeLoud = programme;
    }
    if (monitorLoud) {
      deadRun = 0;
      loudRun++;
      if (dead && loudRun >= deadEndBlocks) {
        dead = false;
        events.add(end(MonitorIncidentKind.DEAD_AIR, at, "the monitor hears the programme again"));
      }
    } else {
      loudRun = 0;
      if (programme > settings.silenceDbfs()) {
        if (deadRun == 0) {
          deadFrom = at;
        }
        deadRun++;
        if (!dead && deadRun >= deadBlocks && !aPauseHeardLate()) {
          dead = true;
          events.add(start(MonitorIncidentKind.DEAD_AIR, deadFrom, String.format(Locale.ROOT,
              "the monitor is silent (%.1f dBFS) while the programme plays at %.1f dBFS",
              heardDbfs, lastProgrammeLoud)));
        }
      }
    }
    if (count >= windowBlocks + lagBlocks + SMOOTH) {
      compareEnvelopes(at, events);
    }
  }

  private void compareEnvelopes(Instant at, List<MonitorEvent> events) {
    if (share(heard, 0) < LOUD_SHARE || share(played, 0) < LOUD_SHARE) {
      lastCorrelation = Double.NaN;
      return;
    }
    double best = Double.NaN;
    for (int lag = 0; lag <= lagBlocks; lag++) {
      double r = correlation(lag);
      if (!Double.isNaN(r) && (Double.isNaN(best) || r > best)) {
        best = r;
      }
    }
    lastCorrelation = best;
    if (Double.isNaN(best)) {
      return;
    }
    if (best < settings.mismatchCorrelation()) {
      highRun = 0;
      if (lowRun == 0) {
        lowFrom = at;
      }
      lowRun++;
      if (!mismatch && lowRun >= confirmBlocks) {
        mismatch = true;
        events.add(start(MonitorIncidentKind.MISMATCH, lowFrom, String.format(Locale.ROOT,
            "the monitor's loudness does not follow the programme (correlation %.2f, below %.2f)",
            best, settings.mismatchCorrelation())));
      }
    } else {
      lowRun = 0;
      if (best >= settings.mismatchCorrelation() + END_MARGIN) {
        highRun++;
        if (mismatch && highRun >= confirmBlocks) {
          mismatch = false;
          events.add(end(MonitorIncidentKind.MISMATCH, at, String.format(Locale.ROOT,
              "the monitor follows the programme again (correlation %.2f)", best)));
        }
      }
    }
  }

  private void outsideAiring(Instant at, double heardDbfs, boolean monitorLoud, List<MonitorEvent> events) {
    if (monitorLoud) {
      quietRun = 0;
      if (outsideRun == 0) {
        outsideFrom = at;
      }
      outsideRun++;
      if (!outside && outsideRun >= outsideBlocks) {
        outside = true;
        events.add(start(MonitorIncidentKind.AUDIO_OUTSIDE_SCHEDULE, outsideFrom, String.format(Locale.ROOT,
            "audio on the monitor at %.1f dBFS while nothing airs", heardDbfs)));
      }
    } else {
      if (quietRun == 0) {
        quietFrom = at;
      }
      quietRun++;
      if (outsideRun > 0) {
        outsideRun++;
      }
      if (quietRun >= quietEndBlocks) {
        outsideRun = 0;
        if (outside) {
          outside = false;
          events.add(end(MonitorIncidentKind.AUDIO_OUTSIDE_SCHEDULE, quietFrom, "the monitor is silent again"));
        }
      }
    }
  }

  /**
   * Whether the monitor's silence over the last {@code deadAir} is the programme's own pause heard
   * some blocks late: for a lag of 0..{@code maxLag}, the programme was silent over all the blocks
   * the monitor heard in that time. Blocks from before the airing are taken as loud, so a tap
   * silent from an airing's first sample is dead air as soon as it was before.
   */
  private boolean aPauseHeardLate() {
    for (int lag = 0; lag <= lagBlocks; lag++) {
      boolean quiet = true;
      for (int back = lag; back < lag + deadBlocks && quiet; back++) {
        quiet = back < count && played[index(back)] <= settings.silenceDbfs();
      }
      if (quiet) {
        return true;
      }
    }
    return false;
  }

  private double loudestPlayed(int blocks) {
    double loudest = Levels.FLOOR_DBFS;
    for (int i = 0; i < Math.min(blocks, count); i++) {
      loudest = Math.max(loudest, played[index(i)]);
    }
    return loudest;
  }

  /** The ring index of the block {@code back} blocks before the newest. */
  private int index(long back) {
    return (int) ((count - 1 - back) % heard.length);
  }

  private double share(double[] ring, int lag) {
    int loud = 0;
    for (int i = 0; i < windowBlocks; i++) {
      if (ring[index(i + lag)] > settings.silenceDbfs()) {
        loud++;
      }
    }
    return (double) loud / windowBlocks;
  }

  private double clamp(double db) {
    return Math.max(settings.silenceDbfs() - 10, Math.min(0, db));
  }

  /**
   * The mean of three blocks' clamped levels: the tap's blocks and the capture's are not cut at the
   * same instants (the playback reads ahead in bursts), so single blocks disagree at their edges.
   */
  private double smoothed(double[] ring, int back) {
    double sum = 0;
    int n = 0;
    for (int k = 0; k < SMOOTH && back + k < count; k++) {
      sum += clamp(ring[index(back + k)]);
      n++;
    }
    return n == 0 ? clamp(Levels.FLOOR_DBFS) : sum / n;
  }

  /** Pearson correlation of the heard envelope with the played one {@code lag} blocks earlier. */
  private double correlation(int lag) {
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < windowBlocks; i++) {
      double x = smoothed(heard, i);
      double y = smoothed(played, i + lag);
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
    int n = windowBlocks;
    double vx = sxx / n - (sx / n) * (sx / n);
    double vy = syy / n - (sy / n) * (sy / n);
    if (vx < FLAT_DB * FLAT_DB || vy < FLAT_DB * FLAT_DB) {
      return Double.NaN;
    }
    return (sxy / n - (sx / n) * (sy / n)) / Math.sqrt(vx * vy);
  }

  private static MonitorEvent start(MonitorIncidentKind kind, Instant at, String detail) {
    return new MonitorEvent(kind, true, at, detail, Optional.empty());
  }

  private static MonitorEvent end(MonitorIncidentKind kind, Instant at, String detail) {
    return new MonitorEvent(kind, false, at, detail, Optional.empty());
  }
}
