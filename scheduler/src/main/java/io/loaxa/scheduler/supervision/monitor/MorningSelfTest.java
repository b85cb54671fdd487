package io.loaxa.scheduler.supervision.monitor;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.Pause;
import io.loaxa.devices.SwitchResult;
import io.loaxa.devices.Switchboard;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.scheduler.supervision.Incidents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The morning self-test (tự kiểm tra buổi sáng): the amplifier on, then each hamlet line the monitor
 * tap hears switched on in turn with a short, quiet tone (1 kHz at -30 dBFS) while the monitor
 * listens; a line whose tone the monitor did not hear above its silence level, or that would not
 * switch, has failed. The result goes to the log; failed lines are a {@code self-test-failed}
 * incident naming them, resolved by the next self-test that passes. Every line and the amplifier
 * end off. Run only while nothing airs.
 */
public final class MorningSelfTest {
  private static final Logger LOG = LoggerFactory.getLogger(MorningSelfTest.class);
  static final String SUBJECT = "tu-kiem-tra";
  private static final double TONE_DBFS = -30;
  private static final Duration TONE = Duration.ofMillis(1500);
  /** The tap hears behind the output: the sound server and the capture buffer. */
  private static final Duration HEAR_LAG = Duration.ofMillis(600);

  /** What the self-test found: per zone, empty when heard, else why it failed. */
  public record Result(Map<String, String> failed, List<String> heard) {
    public boolean passed() {
      return failed.isEmpty();
    }
  }

  private final StationMonitor monitor;
  private final Switchboard switchboard;
  private final SoundOutput sound;
  private final List<String> zones;
  private final Incidents incidents;
  private final Clock clock;
  private final Pause pause;
  private final Duration warmUp;

  /**
   * @param zones the lines to try, in order: those the monitor tap hears
   * @param sound the station's output as the runner plays it (through the monitor's tap)
   */
  public MorningSelfTest(StationMonitor monitor, Switchboard switchboard, SoundOutput sound, List<String> zones,
      Incidents incidents, Clock clock, Pause pause, Duration warmUp) {
    this.monitor = monitor;
    this.switchboard = switchboard;
    this.sound = sound;
    this.zones = List.copyOf(zones);
    this.incidents = incidents;
    this.clock = clock;
    this.pause = pause;
    this.warmUp = warmUp;
  }

  static PcmClip tone(PcmFormat format) {
    int frames = (int) (TONE.toMillis() * format.sampleRate() / 1000);
    float[] samples = new float[frames * format.channels()];
    double amplitude = Math.sqrt(2) * Math.pow(10, TONE_DBFS / 20);
    int ramp = format.sampleRate() / 50; // 20 ms fades: no click on the lines
    for (int f = 0; f < frames; f++) {
      double gain = Math.min(1, Math.min(f, frames - 1 - f) / (double) ramp);
      float v = (float) (gain * amplitude * Math.sin(2 * Math.PI * 1000 * f / format.sampleRate()));
      for (int c = 0; c < format.channels(); c++) {
        samples[f * format.channels() + c] = v;
      }
    }
    return new PcmClip(format, samples);
  }

  private java.time.LocalDate lastDay;

  /**
   * Runs the self-test when {@code now} is within the hour after today's {@code at} (station time),
   * it has not run today and {@code idle} says nothing airs or is about to.
   *
   * @return the result when it ran
   */
  public java.util.Optional<Result> runIfDue(java.time.Instant now, java.time.ZoneId timeZone, java.time.LocalTime at,
      java.util.function.BooleanSupplier idle) throws InterruptedException {
    java.time.ZonedDateTime local = now.atZone(timeZone);
    java.time.LocalTime time = local.toLocalTime();
    if (local.toLocalDate().equals(lastDay) || time.isBefore(at) || time.isAfter(at.plusHours(1))
        || at.plusHours(1).isBefore(at) || !idle.getAsBoolean()) {
      return java.util.Optional.empty();
    }
    lastDay = local.toLocalDate();
    return java.util.Optional.of(run());
  }

  /** Tries every line now; blocks for about two and a half seconds a line. */
  public Result run() throws InterruptedException {
    Map<String, String> failed = new LinkedHashMap<>();
    List<String> heard = new ArrayList<>();
    double silence = monitor.config().silenceDbfs();
    LOG.info("morning self-test of lines {}", zones);
    monitor.selfTest(true);
    try (SoundOutput.OpenLine line = sound.open(PcmFormat.STATION)) {
      switchboard.amplifierOn();
      pause.pause(warmUp);
      for (String zone : zones) {
        SwitchResult on = switchboard.zonesOn(List.of(zone));
        if (!on.failed().isEmpty()) {
          failed.put(zone, "không bật được / would not switch on: " + on.failed().get(zone));
          continue;
        }
        long mark = monitor.blocksHeard();
        line.play(tone(PcmFormat.STATION), new StopToken());
        pause.pause(HEAR_LAG);
        double loudest = monitor.monitor().loudestSince(mark);
        switchboard.zonesOff(List.of(zone));
        if (loudest > silence) {
          heard.add(zone);
        } else {
          failed.put(zone, String.format(Locale.ROOT, "không nghe thấy tiếng thử / tone not heard (%.1f dBFS, silence below %.1f)",
              loudest, silence));
        }
      }
    } catch (AudioException | DeviceException e) {
      for (String zone : zones) {
        if (!heard.contains(zone)) {
          failed.putIfAbsent(zone, "tự kiểm tra dừng / self-test stopped: " + e.getMessage());
        }
      }
    } finally {
      switchboard.zonesOff(zones);
      try {
        switchboard.amplifierOff();
      } catch (DeviceException e) {
        LOG.error("self-test: amplifier not switched off: {}", e.getMessage());
      }
      monitor.selfTest(false);
    }
    Result result = new Result(failed, heard);
    if (result.passed()) {
      LOG.info("morning self-test passed: every line heard ({})", heard);
      incidents.resolved(IncidentKind.SELF_TEST_FAILED, SUBJECT, clock.instant());
    } else {
      LOG.warn("morning self-test: lines failed {}; heard {}", failed, heard);
      incidents.resolved(IncidentKind.SELF_TEST_FAILED, SUBJECT, clock.instant());
      incidents.observed(IncidentKind.SELF_TEST_FAILED, SUBJECT, clock.instant(),
          "đường dây lỗi / failed lines: " + String.join(", ", failed.keySet()) + " (" + failed + ")");
    }
    return result;
  }
}
