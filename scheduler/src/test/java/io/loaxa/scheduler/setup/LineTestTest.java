package io.loaxa.scheduler.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineTestTest {
  final MutableClock clock = MutableClock.at("2026-12-07T02:30:00Z");
  final SimulatedRelayBoard board = new SimulatedRelayBoard("tu-1", 8, clock);
  final StationConfig.Zone ap1 = new StationConfig.Zone(new ZoneKey("ap-1"), "Ấp 1", "tu-1", 1);
  final Optional<StationConfig.Amplifier> amp = Optional.of(new StationConfig.Amplifier("tu-1", 8, Duration.ofSeconds(2)));

  @Test
  void switchesTheHamletAndTheAmplifierOnForTheMomentThenOff() {
    List<Boolean> duringMoment = new ArrayList<>();
    LineTest.Result r = new LineTest(Map.of("tu-1", board)).test(ap1, amp, () -> {
      duringMoment.add(board.isOn(new RelayChannel(1)));
      duringMoment.add(board.isOn(new RelayChannel(8)));
    });
    assertEquals(List.of(true, true), duringMoment);
    assertTrue(r.passed(), r.toString());
    assertEquals(Optional.of(true), r.confirmed());
    assertTrue(board.allOff());
  }

  @Test
  void switchesOffAtTheEndWhateverFailedOnTheWay() {
    LineTest.Result r = new LineTest(Map.of("tu-1", board)).test(ap1, amp, () -> {
      throw new IllegalStateException("the tone could not play");
    });
    assertFalse(r.passed());
    assertTrue(r.switchedOn());
    assertTrue(r.switchedOff());
    assertEquals(List.of("the tone could not play"), r.problems());
    assertTrue(board.allOff());
  }

  @Test
  void aChannelThatFailsToSwitchOnIsStillCommandedOffAndTheAmplifierToo() {
    board.failChannel(new RelayChannel(1));
    LineTest.Result r = new LineTest(Map.of("tu-1", board)).test(ap1, amp, () -> { });
    assertFalse(r.switchedOn());
    assertFalse(r.passed());
    assertFalse(board.isOn(new RelayChannel(8)), "the amplifier is off again");
    List<SimulatedRelayBoard.Switch> last = board.history();
    assertEquals(new RelayChannel(8), last.get(last.size() - 1).channel());
    assertFalse(last.get(last.size() - 1).on());
  }
}
