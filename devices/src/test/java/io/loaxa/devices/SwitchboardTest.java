package io.loaxa.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.devices.testing.FaultyRelayBoard;
import io.loaxa.devices.testing.RecordingLogger;
import io.loaxa.testkit.MutableClock;
import io.loaxa.devices.testing.RecordingPause;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class SwitchboardTest {
  private final MutableClock clock = MutableClock.at("2025-03-01T05:00:00Z");
  private final RecordingPause pause = new RecordingPause(clock);
  private final SimulatedRelayBoard cabinet = new SimulatedRelayBoard("tu-chinh", 8, clock);
  private final SimulatedRelayBoard annex = new SimulatedRelayBoard("tu-phu", 4, clock);

  private static RelayChannel ch(int n) {
    return new RelayChannel(n);
  }

  private Switchboard switchboard(SwitchPolicy policy, ZoneLine... zones) {
    return new Switchboard(List.of(cabinet, annex), Optional.of(new RelayWire("tu-chinh", ch(8))),
        List.of(zones), policy, clock, pause);
  }

  private Switchboard standard(SwitchPolicy policy) {
    return switchboard(policy,
        new ZoneLine("ap-1", "tu-chinh", ch(1)),
        new ZoneLine("ap-2", "tu-chinh", ch(2)),
        new ZoneLine("ap-3", "tu-chinh", ch(3)),
        new ZoneLine("ap-4", "tu-phu", ch(1)));
  }

  @Test
  void switchesTheRequestedHamletsOnAndConfirmsThemByReadBack() {
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    SwitchResult result = board.zonesOn(List.of("ap-1", "ap-4"));
    assertEquals(List.of("ap-1", "ap-4"), result.confirmed());
    assertTrue(result.failed().isEmpty());
    assertTrue(cabinet.isOn(ch(1)));
    assertFalse(cabinet.isOn(ch(2)));
    assertTrue(annex.isOn(ch(1)));
  }

  @Test
  void stillAirsToHealthyHamletsWhenOneRelayIsDead() {
    cabinet.failChannel(ch(2));
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    SwitchResult result = board.zonesOn(List.of("ap-1", "ap-2", "ap-3"));
    assertEquals(List.of("ap-1", "ap-3"), result.confirmed());
    assertTrue(result.failed().get("ap-2").contains("tu-chinh CH2"), result.failed().toString());
    assertTrue(cabinet.isOn(ch(1)));
    assertTrue(cabinet.isOn(ch(3)));
  }

  @Test
  void stillAirsToHealthyHamletsWhenOneBoardIsOffline() {
    annex.silent(true);
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    SwitchResult result = board.zonesOn(List.of("ap-1", "ap-4"));
    assertEquals(List.of("ap-1"), result.confirmed());
    assertTrue(result.failed().get("ap-4").contains("does not answer"), result.failed().toString());
  }

  @Test
  void retriesAGarbledReplyAndThenSucceeds() {
    Switchboard board = standard(SwitchPolicy.DEFAULT.withAttempts(3).withRetryPause(Duration.ofMillis(200)));
    cabinet.failNext(2);
    SwitchResult result = board.zonesOn(List.of("ap-1"));
    assertEquals(List.of("ap-1"), result.confirmed());
    assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(200)), pause.pauses());
  }

  @Test
  void givesUpOnASilentBoardAfterTheBoundedNumberOfAttempts() {
    annex.silent(true);
    Switchboard board = standard(SwitchPolicy.DEFAULT.withAttempts(3).withRetryPause(Duration.ofMillis(100)));
    SwitchResult result = board.zonesOn(List.of("ap-4"));
    assertEquals(List.of("ap-4"), List.copyOf(result.failed().keySet()));
    assertEquals(2, pause.pauses().size(), "three attempts, two pauses between them");
  }

  @Test
  void aRelayThatReadsBackWrongIsAFailedZone() {
    cabinet.stickChannel(ch(3));
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    SwitchResult result = board.zonesOn(List.of("ap-3"));
    assertTrue(result.confirmed().isEmpty());
    assertTrue(result.failed().get("ap-3").contains("reads off after switching it on"), result.failed().toString());
  }

  @Test
  void aBoardThatCannotReportGivesCommandedNotConfirmed() {
    SimulatedRelayBoard lcus = new SimulatedRelayBoard("lcus", 4, clock, false);
    Switchboard board = new Switchboard(List.of(lcus), Optional.empty(),
        List.of(new ZoneLine("ap-1", "lcus", ch(1))), SwitchPolicy.DEFAULT, clock, pause);
    SwitchResult result = board.zonesOn(List.of("ap-1"));
    assertEquals(List.of("ap-1"), result.commanded());
    assertTrue(result.confirmed().isEmpty());
    assertTrue(lcus.isOn(ch(1)));
  }

  @Test
  void anUnknownZoneFailsAloneWithAReason() {
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    SwitchResult result = board.zonesOn(List.of("ap-1", "ap-99"));
    assertEquals(List.of("ap-1"), result.confirmed());
    assertTrue(result.failed().get("ap-99").contains("no such zone"));
  }

  @Test
  void staggersSwitchOnToLimitInrush() {
    Switchboard board = standard(SwitchPolicy.DEFAULT.withStagger(Duration.ofMillis(500)));
    board.zonesOn(List.of("ap-1", "ap-2", "ap-3", "ap-4"));
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500)), pause.pauses());
    List<SimulatedRelayBoard.Switch> history = cabinet.history();
    assertEquals(Duration.ofMillis(500), Duration.between(history.get(0).at(), history.get(1).at()));
    assertEquals(Duration.ofMillis(1500), Duration.between(history.get(0).at(), annex.history().get(0).at()));
  }

  @Test
  void switchesOffWithoutStagger() {
    Switchboard board = standard(SwitchPolicy.DEFAULT.withStagger(Duration.ofMillis(500)));
    board.zonesOn(List.of("ap-1", "ap-2"));
    int before = pause.pauses().size();
    board.zonesOff(List.of("ap-1", "ap-2"));
    assertEquals(before, pause.pauses().size());
    assertFalse(cabinet.isOn(ch(1)));
  }

  @Test
  void anInvertedLineIsOnWhileItsRelayIsReleased() throws DeviceException {
    cabinet.switchOn(ch(5));
    Switchboard board = switchboard(SwitchPolicy.DEFAULT, new ZoneLine("ap-5", "tu-chinh", ch(5), true));
    board.allOff();
    assertTrue(cabinet.isOn(ch(5)), "all-off holds the relay of a normally-closed line so the line is silent");
    SwitchResult on = board.zonesOn(List.of("ap-5"));
    assertEquals(List.of("ap-5"), on.confirmed());
    assertFalse(cabinet.isOn(ch(5)));
    assertEquals(Optional.of(true), board.status().get("ap-5"));
  }

  @Test
  void sequencesTheAmplifierBeforeTheZonesAndAfterThem() throws DeviceException {
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    board.amplifierOn();
    clock.advance(Duration.ofSeconds(2));
    board.zonesOn(List.of("ap-1"));
    clock.advance(Duration.ofMinutes(5));
    board.zonesOff(List.of("ap-1"));
    clock.advance(Duration.ofSeconds(1));
    board.amplifierOff();
    List<SimulatedRelayBoard.Switch> h = cabinet.history();
    assertEquals(List.of(ch(8), ch(1), ch(1), ch(8)), h.stream().map(SimulatedRelayBoard.Switch::channel).toList());
    assertEquals(List.of(true, true, false, false), h.stream().map(SimulatedRelayBoard.Switch::on).toList());
    assertTrue(cabinet.allOff());
  }

  @Test
  void anAmplifierThatCannotBeSwitchedIsAnErrorNamingIt() {
    cabinet.failChannel(ch(8));
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    DeviceException e = assertThrows(DeviceException.class, board::amplifierOn);
    assertTrue(e.getMessage().startsWith("amplifier: board tu-chinh CH8"), e.getMessage());
  }

  @Test
  void allOffReleasesEveryRelayIncludingUnusedOnesAndTheAmplifierLast() throws DeviceException {
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    board.amplifierOn();
    board.zonesOn(List.of("ap-1", "ap-2", "ap-4"));
    cabinet.switchOn(ch(7));
    List<LineFailure> failures = board.allOff();
    assertTrue(failures.isEmpty(), failures.toString());
    assertTrue(cabinet.allOff());
    assertTrue(annex.allOff());
    List<SimulatedRelayBoard.Switch> h = cabinet.history();
    assertEquals(ch(8), h.get(h.size() - 1).channel(), "amplifier off last");
    assertTrue(board.linesOn().isEmpty());
  }

  @Test
  void allOffKeepsGoingPastAFailingBoardAndReportsIt() {
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    board.zonesOn(List.of("ap-1", "ap-4"));
    cabinet.silent(true);
    List<LineFailure> failures = board.allOff();
    assertFalse(failures.isEmpty());
    assertTrue(annex.allOff(), "the healthy board was still switched off");
  }

  @Test
  void allOffNeverThrowsEvenWhenABoardBreaksWithABug() throws DeviceException {
    RelayBoard broken = new FaultyRelayBoard("broken", 2);
    Switchboard board = new Switchboard(List.of(broken, annex), Optional.empty(),
        List.of(new ZoneLine("ap-1", "broken", ch(1)), new ZoneLine("ap-4", "tu-phu", ch(1))),
        SwitchPolicy.DEFAULT, clock, pause);
    annex.switchOn(ch(1));
    List<LineFailure> failures = board.allOff();
    assertTrue(failures.stream().anyMatch(f -> f.reason().contains("driver bug")), failures.toString());
    assertTrue(annex.allOff());
    board.close();
    assertTrue(annex.allOff(), "closing survives a board that throws on close");
  }

  @Test
  void theWatchdogSwitchesOffALineThatOverrunsItsMaximum() throws DeviceException {
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    board.amplifierOn(Duration.ofMinutes(31));
    board.zonesOn(List.of("ap-1", "ap-2"), Duration.ofMinutes(30));
    clock.advance(Duration.ofMinutes(29));
    assertTrue(board.tick().isEmpty());
    assertTrue(cabinet.isOn(ch(1)));
    clock.advance(Duration.ofMinutes(1));
    List<String> done = board.tick();
    assertFalse(cabinet.isOn(ch(1)));
    assertFalse(cabinet.isOn(ch(2)));
    assertTrue(cabinet.isOn(ch(8)), "the amplifier has a minute left");
    assertTrue(done.get(0).contains("ap-1"), done.toString());
    clock.advance(Duration.ofMinutes(1));
    board.tick();
    assertFalse(cabinet.isOn(ch(8)));
  }

  @Test
  void theInstallersLineTestStaysOnWithoutLimit() {
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    board.zonesOn(List.of("ap-1"), Switchboard.NO_LIMIT);
    clock.advance(Duration.ofDays(3));
    board.tick();
    assertTrue(cabinet.isOn(ch(1)));
  }

  @Test
  void theWatchdogKeepsTryingToSwitchOffALineThatFailedToGoOff() {
    Switchboard board = standard(SwitchPolicy.DEFAULT.withAttempts(1));
    board.zonesOn(List.of("ap-4"));
    annex.silent(true);
    assertFalse(board.zonesOff(List.of("ap-4")).failed().isEmpty());
    assertTrue(annex.isOn(ch(1)));
    annex.silent(false);
    clock.advance(Duration.ofSeconds(1));
    board.tick();
    assertFalse(annex.isOn(ch(1)));
    assertTrue(board.linesOn().isEmpty());
  }

  @Test
  void linesOnADeadManBoardAreReassertedBeforeTheirHoldRunsOut() {
    cabinet.holdTime(Duration.ofSeconds(10));
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    board.zonesOn(List.of("ap-1"));
    int writes = cabinet.writes();
    clock.advance(Duration.ofSeconds(4));
    board.tick();
    assertEquals(writes, cabinet.writes());
    clock.advance(Duration.ofSeconds(1));
    List<String> done = board.tick();
    assertEquals(writes + 1, cabinet.writes(), done.toString());
    clock.advance(Duration.ofSeconds(5));
    board.tick();
    assertEquals(writes + 2, cabinet.writes());
  }

  @Test
  void linesOnBoardsThatCannotReportAreToldTheirStateAgain() {
    SimulatedRelayBoard lcus = new SimulatedRelayBoard("lcus", 4, clock, false);
    Switchboard board = new Switchboard(List.of(lcus), Optional.empty(),
        List.of(new ZoneLine("ap-1", "lcus", ch(1)), new ZoneLine("ap-2", "lcus", ch(2))),
        SwitchPolicy.DEFAULT.withReassertEvery(Duration.ofMinutes(1)), clock, pause);
    board.zonesOn(List.of("ap-1"));
    board.tick();
    lcus.powerCycle();
    clock.advance(Duration.ofSeconds(59));
    board.tick();
    assertFalse(lcus.isOn(ch(1)));
    clock.advance(Duration.ofSeconds(1));
    board.tick();
    assertTrue(lcus.isOn(ch(1)));
    assertFalse(lcus.isOn(ch(2)));
  }

  @Test
  void aBoardThatComesBackGetsItsLinesSwitchedOnAgain() {
    Switchboard board = standard(SwitchPolicy.DEFAULT.withAttempts(1));
    board.zonesOn(List.of("ap-1"));
    cabinet.silent(true);
    cabinet.powerCycle();
    assertTrue(board.report().stream().allMatch(z -> !z.boardKey().equals("tu-chinh") || z.error().isPresent()));
    board.tick();
    assertFalse(cabinet.isOn(ch(1)));
    cabinet.silent(false);
    List<String> done = board.tick();
    assertTrue(cabinet.isOn(ch(1)), done.toString());
    assertTrue(done.stream().anyMatch(d -> d.contains("answers again")), done.toString());
  }

  @Test
  void reportsWhatEachBoardSaysAndWhatWasCommanded() {
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    board.zonesOn(List.of("ap-2"));
    annex.silent(true);
    Map<RelayLine, ZoneStatus> report = new java.util.HashMap<>();
    board.report().forEach(z -> report.put(z.line(), z));
    assertEquals(Optional.of(true), report.get(RelayLine.zone("ap-2")).reported());
    assertEquals(Optional.of(true), report.get(RelayLine.zone("ap-2")).commanded());
    assertEquals(Optional.of(false), report.get(RelayLine.zone("ap-1")).reported());
    assertEquals(Optional.empty(), report.get(RelayLine.zone("ap-1")).commanded());
    assertEquals(Optional.empty(), report.get(RelayLine.zone("ap-4")).reported());
    assertTrue(report.get(RelayLine.zone("ap-4")).error().isPresent());
    assertTrue(report.containsKey(RelayLine.AMPLIFIER));
  }

  @Test
  void refusesTwoLinesOnOneRelay() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> switchboard(SwitchPolicy.DEFAULT,
        new ZoneLine("ap-1", "tu-chinh", ch(1)), new ZoneLine("ap-2", "tu-chinh", ch(1))));
    assertTrue(e.getMessage().contains("already switches ap-1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> switchboard(SwitchPolicy.DEFAULT,
        new ZoneLine("ap-1", "tu-chinh", ch(8))));
  }

  @Test
  void refusesALineBeyondItsBoard() {
    assertThrows(IllegalArgumentException.class, () -> switchboard(SwitchPolicy.DEFAULT,
        new ZoneLine("ap-1", "tu-phu", ch(5))));
  }

  @Test
  void detachingLeavesTheInstallersLineTestOn() {
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    board.zonesOn(List.of("ap-1"), Switchboard.NO_LIMIT);
    board.detach();
    board.close();
    assertTrue(cabinet.isOn(ch(1)));
    assertThrows(IllegalStateException.class, () -> board.zonesOff(List.of("ap-1")));
  }

  @Test
  void closingSwitchesEverythingOffAndCanBeDoneTwice() throws DeviceException {
    Switchboard board = standard(SwitchPolicy.DEFAULT);
    board.amplifierOn();
    board.zonesOn(List.of("ap-1", "ap-4"));
    board.close();
    board.close();
    assertTrue(cabinet.allOff());
    assertTrue(annex.allOff());
    assertThrows(IllegalStateException.class, () -> board.zonesOn(List.of("ap-1")));
  }

  @Test
  void aHamletCalledAmplifierIsSwitchedAsAZoneAndLeavesTheAmplifierAlone() throws DeviceException {
    Switchboard board = switchboard(SwitchPolicy.DEFAULT, new ZoneLine("amplifier", "tu-chinh", ch(4)));
    SwitchResult result = board.zonesOn(List.of("amplifier"));
    assertEquals(List.of("amplifier"), result.confirmed());
    assertTrue(cabinet.isOn(ch(4)));
    assertFalse(cabinet.isOn(ch(8)), "the amplifier's relay was not touched");
    assertEquals(java.util.Set.of(RelayLine.zone("amplifier")), board.linesOn());
    board.amplifierOn();
    assertEquals(java.util.Set.of(RelayLine.zone("amplifier"), RelayLine.AMPLIFIER), board.linesOn());
    assertEquals(2, board.report().size());
    assertEquals(Optional.of(true), board.status().get("amplifier"));
  }

  @Test
  void aSpareRelayAllOffCannotReleaseIsNamedByItsBoardAndChannelAndTriedAgain() throws DeviceException {
    Switchboard board = standard(SwitchPolicy.DEFAULT.withAttempts(1));
    cabinet.switchOn(ch(7));
    cabinet.stickChannel(ch(7));
    List<LineFailure> failures = board.allOff();
    RelayLine spare = new RelayLine.Spare("tu-chinh", ch(7));
    assertEquals(List.of(spare), failures.stream().map(LineFailure::line).toList());
    assertTrue(failures.get(0).toString().startsWith("tu-chinh/CH7: board tu-chinh CH7 reads on"), failures.toString());
    assertEquals(java.util.Set.of(spare), board.linesOn());
    clock.advance(Duration.ofSeconds(1));
    List<String> done = board.tick();
    assertTrue(done.get(0).contains("still failing: {tu-chinh/CH7="), done.toString());
  }

  @Test
  void aBoardGoingSilentIsLoggedOnceWhenItStopsAndOnceWhenItAnswersAgain() {
    RecordingLogger log = new RecordingLogger("board health");
    Switchboard board = new Switchboard(List.of(cabinet, annex), Optional.of(new RelayWire("tu-chinh", ch(8))),
        List.of(new ZoneLine("ap-1", "tu-chinh", ch(1)), new ZoneLine("ap-4", "tu-phu", ch(1))),
        SwitchPolicy.DEFAULT.withAttempts(2), clock, pause, log);
    board.zonesOn(List.of("ap-1", "ap-4"));
    assertEquals(List.of(), log.records());

    annex.silent(true);
    assertFalse(board.zonesOff(List.of("ap-4")).failed().isEmpty());
    assertEquals(1, log.records().size(), log.records().toString());
    RecordingLogger.Record silent = log.records().get(0);
    assertEquals(Level.WARN, silent.level());
    assertTrue(silent.message().startsWith("board tu-phu silent: board tu-phu does not answer"), silent.message());

    for (int round = 0; round < 3; round++) {
      clock.advance(Duration.ofSeconds(1));
      board.tick();
    }
    assertFalse(board.zonesOn(List.of("ap-4")).failed().isEmpty());
    board.report();
    assertEquals(1, log.records().size(), "still silent, nothing more to say: " + log.records());

    annex.silent(false);
    clock.advance(Duration.ofSeconds(5));
    board.tick();
    board.tick();
    board.zonesOff(List.of("ap-4"));
    assertEquals(2, log.records().size(), log.records().toString());
    RecordingLogger.Record back = log.records().get(1);
    assertEquals(Level.INFO, back.level());
    assertTrue(back.message().startsWith("board tu-phu answers again after "), back.message());
    assertTrue(log.records().stream().noneMatch(r -> r.message().contains("tu-chinh")), log.records().toString());
  }

  @Test
  void aBoardThatWentSilentOnAirIsLoggedOnceAndAgainWhenTheWatchdogFindsItAnswering() {
    RecordingLogger log = new RecordingLogger("board health");
    Switchboard board = new Switchboard(List.of(cabinet), Optional.empty(),
        List.of(new ZoneLine("ap-1", "tu-chinh", ch(1))), SwitchPolicy.DEFAULT.withAttempts(1), clock, pause, log);
    board.zonesOn(List.of("ap-1"));
    cabinet.silent(true);
    cabinet.powerCycle();
    board.report();
    board.tick();
    board.tick();
    assertEquals(List.of(Level.WARN), log.records().stream().map(RecordingLogger.Record::level).toList());
    cabinet.silent(false);
    board.tick();
    board.tick();
    assertEquals(List.of(Level.WARN, Level.INFO), log.records().stream().map(RecordingLogger.Record::level).toList());
    assertTrue(log.records().get(1).message().startsWith("board tu-chinh answers again"), log.records().toString());
    assertTrue(cabinet.isOn(ch(1)), "and it was given back the line that should be on");
  }
}
