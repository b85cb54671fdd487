package io.loaxa.scheduler.setup;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayChannel;
import io.loaxa.scheduler.config.StationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One hamlet's line test: the amplifier and the hamlet's relay on, something heard for a moment, then
 * both off. Off is always commanded at the end, whatever failed on the way, and a failed off is said.
 */
public final class LineTest {
  private final Map<String, RelayBoard> boards;

  /** A moment on the line: the tone playing, or a pause when there is no sound output. */
  @FunctionalInterface
  public interface Moment {
    void hold() throws Exception;
  }

  /**
   * What the test found. {@code confirmed} is empty when the board cannot read its relays back.
   *
   * @param problems what went wrong, in the order it happened; empty when all went well
   */
  public record Result(String hamlet, boolean switchedOn, Optional<Boolean> confirmed, boolean switchedOff, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean passed() {
      return switchedOn && switchedOff && confirmed.orElse(true) && problems.isEmpty();
    }
  }

  /** @param boards the station's boards, opened, by key */
  public LineTest(Map<String, RelayBoard> boards) {
    this.boards = Map.copyOf(boards);
  }

  public Result test(StationConfig.Zone zone, Optional<StationConfig.Amplifier> amplifier, Moment moment) {
    List<String> problems = new ArrayList<>();
    boolean on = false;
    Optional<Boolean> confirmed = Optional.empty();
    boolean off = true;
    try {
      if (amplifier.isPresent()) {
        board(amplifier.get().board()).switchOn(new RelayChannel(amplifier.get().channel()));
      }
      RelayBoard board = board(zone.board());
      RelayChannel channel = new RelayChannel(zone.channel());
      board.switchOn(channel);
      on = true;
      if (board.canReadBack()) {
        confirmed = board.readBack(channel);
      }
      moment.hold();
    } catch (Exception e) {
      problems.add(e.getMessage());
    } finally {
      off &= switchOff(zone.board(), zone.channel(), problems);
      if (amplifier.isPresent()) {
        off &= switchOff(amplifier.get().board(), amplifier.get().channel(), problems);
      }
    }
    return new Result(zone.name(), on, confirmed, off, problems);
  }

  private boolean switchOff(String key, int channel, List<String> problems) {
    try {
      board(key).switchOff(new RelayChannel(channel));
      return true;
    } catch (DeviceException | RuntimeException e) {
      problems.add("switching " + key + " CH" + channel + " off: " + e.getMessage());
      return false;
    }
  }

  private RelayBoard board(String key) {
    RelayBoard b = boards.get(key);
    if (b == null) {
      throw new IllegalStateException("no board " + key);
    }
    return b;
  }
}
