package io.loaxa.scheduler.config;

import io.loaxa.devices.BoardSpec;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Position;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lines a station file wires to its relay boards, the amplifier's and each hamlet's, checked as
 * they are read: the board exists, the channel is on it, no channel switches two lines and no key
 * names two. The station config and the setup wizard's answers file read their lines through one
 * of these, each adding its problems to its own field reader.
 */
public final class LineWiring {
  /** The amplifier's warm-up when its block does not say. */
  public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(2);

  private final Fields fields;
  private final Map<String, BoardSpec> boards;
  private final boolean nameBoards;
  private final Set<String> keys = new HashSet<>();
  private final Map<Wire, String> wired = new HashMap<>();

  private record Wire(String board, int channel) {}

  private LineWiring(Fields fields, Map<String, BoardSpec> boards, boolean nameBoards) {
    this.fields = fields;
    this.boards = boards;
    this.nameBoards = nameBoards;
  }

  /** Lines on {@code boards} (by key, in the file's order), their problems added to {@code fields}. */
  public static LineWiring on(Map<String, BoardSpec> boards, Fields fields) {
    return new LineWiring(fields, boards, false);
  }

  /** The same, and a line on a board that is not there is told which boards are (the answers file). */
  public static LineWiring namingTheBoards(Map<String, BoardSpec> boards, Fields fields) {
    return new LineWiring(fields, boards, true);
  }

  /**
   * The {@code amplifier: { board, channel, warmUp }} block when {@code top} has one, its channel
   * counted as wired. {@code field} spells the fields in messages: {@code ""} gives
   * {@code board}, {@code "amplifier."} gives {@code amplifier.board}.
   */
  public Optional<StationConfig.Amplifier> amplifier(Node.Mapping top, String field) {
    Optional<Node.Mapping> node = top.get("amplifier").flatMap(n -> fields.mapping(n, "amplifier", "board, channel, warmUp"));
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Node.Mapping amp = node.get();
    fields.unknownKeys(amp, Set.of("board", "channel", "warmUp"), "amplifier");
    Optional<String> board = fields.required(amp, "board", "amplifier").flatMap(n -> fields.text(n, field + "board"));
    Optional<Integer> channel = fields.required(amp, "channel", "amplifier")
        .flatMap(n -> fields.integer(n, field + "channel", 1, 256));
    Duration warmUp = fields.duration(amp, "warmUp", Fields.Zero.ALLOWED).orElse(DEFAULT_WARM_UP);
    if (board.isEmpty() || channel.isEmpty()) {
      return Optional.empty();
    }
    checkChannel(board.get(), channel.get(), amp.at(), "amplifier");
    wired.put(new Wire(board.get(), channel.get()), "the amplifier");
    return Optional.of(new StationConfig.Amplifier(board.get(), channel.get(), warmUp));
  }

  /**
   * Whether {@code key} names no line read before; when it does, {@code usedTwice} is the problem
   * at {@code at}.
   */
  public boolean firstUseOf(String key, Position at, String usedTwice) {
    if (keys.add(key)) {
      return true;
    }
    fields.problem(at, usedTwice);
    return false;
  }

  /**
   * Wires {@code line} (as messages name it, e.g. {@code zone ap-1}) to {@code board}'s
   * {@code channel}: a problem at {@code at} when the board is missing, the channel beyond it, or
   * already switching another line; {@code called} is how the other line's problems would name this one.
   */
  public void wire(String board, int channel, Position at, String line, String called) {
    checkChannel(board, channel, at, line);
    String other = wired.put(new Wire(board, channel), called);
    if (other != null) {
      fields.problem(at, Bilingual.of(vietnamese(line) + ": kênh " + channel + " của bo rơ-le " + board + " đã dùng cho "
          + vietnamese(other), line + ": " + board + " channel " + channel + " already switches " + other));
    }
  }

  /** A problem at {@code at} unless {@code board} is one of the boards and has {@code channel}. */
  public void checkChannel(String board, int channel, Position at, String what) {
    BoardSpec spec = boards.get(board);
    if (spec == null) {
      fields.problem(at, Bilingual.of(vietnamese(what) + ": không có bo rơ-le nào có khóa '" + board + "'"
          + (nameBoards ? "; các bo rơ-le: " + boards.keySet() : ""),
          what + ": no board with key '" + board + "'" + (nameBoards ? "; boards: " + boards.keySet() : "")));
    } else if (channel > spec.channels()) {
      fields.problem(at, Bilingual.of(vietnamese(what) + ": kênh " + channel + " vượt quá bo rơ-le " + board + ", bo này có "
          + spec.channels() + " kênh", what + ": channel " + channel + " beyond board " + board + " with " + spec.channels()
          + " channels"));
    }
  }

  /**
   * A line as the Vietnamese half names it: {@code zone ap-1} is {@code thôn ap-1}; a hamlet named by
   * the answers file ({@code hamlet Ấp 1}) is its name alone, which already says thôn or ấp.
   */
  private static String vietnamese(String line) {
    if (line.equals("amplifier") || line.equals("the amplifier")) {
      return "tăng âm";
    }
    if (line.startsWith("zone ")) {
      return "thôn " + line.substring("zone ".length());
    }
    return line.startsWith("hamlet ") ? line.substring("hamlet ".length()) : line;
  }
}
