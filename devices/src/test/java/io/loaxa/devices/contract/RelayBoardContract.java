package io.loaxa.devices.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.ProbeReport;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every relay board driver promises, checked against what the far end of its wire actually did.
 * Each driver runs it against an independent stand-in of its board over a real pty; the simulator
 * runs it too, so it cannot drift from the drivers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RelayBoardContract {
  private RelayBoard board;

  /** A freshly opened board with at least two channels; the far end has every relay off. */
  protected abstract RelayBoard openBoard() throws Exception;

  /** Waits for the far end to show this relay state and says whether it did. */
  protected abstract boolean farEndShows(int channel, boolean on) throws Exception;

  /** Whether this driver confirms by read-back. */
  protected abstract boolean readsBack();

  private static RelayChannel ch(int n) {
    return new RelayChannel(n);
  }

  @BeforeEach
  void open() throws Exception {
    board = openBoard();
  }

  @AfterEach
  void close() {
    if (board != null) {
      board.close();
    }
  }

  @Test
  void aRelaySwitchedOnIsOnAtTheFarEnd() throws Exception {
    board.switchOn(ch(1));
    assertTrue(farEndShows(1, true));
    assertTrue(farEndShows(2, false));
  }

  @Test
  void aRelaySwitchedOffIsReleasedAtTheFarEndAndTheOtherStaysOn() throws Exception {
    board.switchOn(ch(1));
    board.switchOn(ch(2));
    board.switchOff(ch(1));
    assertTrue(farEndShows(1, false));
    assertTrue(farEndShows(2, true));
  }

  @Test
  void readBackReportsTheRelayWhereTheBoardCanAndNothingWhereItCannot() throws Exception {
    assertEquals(readsBack(), board.canReadBack());
    board.switchOn(ch(2));
    assertTrue(farEndShows(2, true));
    Optional<Boolean> two = board.readBack(ch(2));
    Optional<Boolean> one = board.readBack(ch(1));
    if (readsBack()) {
      assertEquals(Optional.of(true), two);
      assertEquals(Optional.of(false), one);
    } else {
      assertEquals(Optional.empty(), two);
      assertEquals(Optional.empty(), one);
    }
  }

  @Test
  void switchingSeveralAtOnceSetsEachToItsWantedState() throws Exception {
    board.switchOn(ch(2));
    Map<RelayChannel, Boolean> wanted = new LinkedHashMap<>();
    wanted.put(ch(1), true);
    wanted.put(ch(2), false);
    board.switchAll(wanted);
    assertTrue(farEndShows(2, false));
    assertTrue(farEndShows(1, true));
    Map<RelayChannel, Optional<Boolean>> states = board.readBackAll(List.of(ch(1), ch(2)));
    assertEquals(readsBack() ? Optional.of(true) : Optional.empty(), states.get(ch(1)));
    assertEquals(readsBack() ? Optional.of(false) : Optional.empty(), states.get(ch(2)));
  }

  @Test
  void switchingARelayToTheStateItIsInIsHarmless() throws Exception {
    board.switchOn(ch(1));
    board.switchOn(ch(1));
    board.switchOff(ch(2));
    assertTrue(farEndShows(1, true));
    assertTrue(farEndShows(2, false));
  }

  @Test
  void probingReadsButNeverSwitches() throws Exception {
    board.switchOn(ch(2));
    assertTrue(farEndShows(2, true));
    ProbeReport report = board.probe();
    assertEquals(board.key(), report.boardKey());
    assertEquals(readsBack(), report.answered());
    assertFalse(report.detail().isBlank());
    assertTrue(farEndShows(2, true));
    assertTrue(farEndShows(1, false));
  }

  @Test
  void aChannelBeyondTheBoardIsABugNotAFieldFault() {
    RelayChannel beyond = ch(board.channelCount() + 1);
    assertThrows(IllegalArgumentException.class, () -> board.switchOn(beyond));
    assertThrows(IllegalArgumentException.class, () -> board.readBack(beyond));
  }

  @Test
  void closingTwiceIsHarmlessAndSwitchingAfterwardsIsABug() {
    board.close();
    board.close();
    assertThrows(IllegalStateException.class, () -> board.switchOn(ch(1)));
  }

  /** For drivers whose far end answers: a failure is a checked field fault, never a silent success. */
  protected static void assertFieldFault(ThrowingRunnable action) {
    assertThrows(DeviceException.class, action::run);
  }

  /** An action that may fail in the field. */
  @FunctionalInterface
  protected interface ThrowingRunnable {
    void run() throws Exception;
  }
}
