package io.loaxa.scheduler.supervision.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.devices.Pause;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.scheduler.config.MonitorConfig;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.supervision.Incident;
import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.MonitorPath;
import io.loaxa.testkit.PulseAudioSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The morning self-test on the PulseAudio null sinks: each line on in turn with a quiet tone while the monitor listens. */
@Integration
class MorningSelfTestTest {
  private static final Clock CLOCK = Clock.systemUTC();
  @TempDir
  Path data;

  private Station station() throws Exception {
    PulseAudioSink.ensureRunning();
    StationConfig c = StationMonitorTest.withMonitor(MonitorConfig.Reaction.ALERT);
    MonitorConfig m = c.monitor().orElseThrow();
    StationConfig config = new StationConfig(c.name(), c.timeZone(), c.boards(), c.amplifier(), c.zones(), c.audioOutput(),
        c.contentDir(), false, c.switching(), c.speech(), c.emergencyLoudness(), c.web(),
        Optional.of(new MonitorConfig(m.input(), m.zones(), m.silenceDbfs(), m.deadAir(), m.outside(), m.reaction(),
            Optional.of(LocalTime.of(6, 0)))));
    Station station = Station.assemble(config, data, CLOCK, Pause.sleeping(), new JavaSoundOutput(JavaSoundOutput.DEFAULT, CLOCK));
    StationMonitor monitor = station.monitor().orElseThrow();
    monitor.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (monitor.blocksHeard() < 30 && System.nanoTime() < deadline) {
      Thread.sleep(50); // polling the capture thread's progress, not waiting for a schedule
    }
    return station;
  }

  @Test
  void everyLineTheTapHearsPassesAndALineThatWillNotSwitchIsNamedInTheAlert() throws Exception {
    try (MonitorPath tap = MonitorPath.wired(); Station station = station()) {
      SimulatedRelayBoard board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
      board.failChannel(new RelayChannel(2));
      MorningSelfTest.Result result = station.selfTest().orElseThrow().run();

      assertEquals(List.of("ap-1", "ap-3", "ap-4"), result.heard(), result.toString());
      assertEquals(List.of("ap-2"), List.copyOf(result.failed().keySet()));
      for (int c = 1; c <= 8; c++) {
        assertFalse(board.isOn(new RelayChannel(c)), "channel " + c + " left on");
      }
      List<Incident> open = station.incidents().open();
      assertEquals(1, open.size(), open.toString());
      assertEquals(IncidentKind.SELF_TEST_FAILED, open.get(0).kind());
      assertTrue(open.get(0).detail().contains("ap-2"), open.get(0).detail());
      assertTrue(station.incidents().open().stream().noneMatch(i -> i.kind() == IncidentKind.DEAD_AIR
          || i.kind() == IncidentKind.AUDIO_OUTSIDE_SCHEDULE), "the self-test's own tones are no incident");
    }
  }

  @Test
  void aTapThatHearsNothingFailsEveryLine() throws Exception {
    try (MonitorPath tap = MonitorPath.open(); Station station = station()) {
      MorningSelfTest.Result result = station.selfTest().orElseThrow().run();
      assertEquals(List.of(), result.heard());
      assertEquals(List.of("ap-1", "ap-2", "ap-3", "ap-4"), List.copyOf(result.failed().keySet()));
      assertTrue(result.failed().get("ap-1").contains("tone not heard"), result.failed().toString());
      assertEquals(List.of(IncidentKind.SELF_TEST_FAILED), station.incidents().open().stream().map(Incident::kind).toList());
    }
  }
}
