package io.loaxa.scheduler.setup;

import io.loaxa.devices.BoardSpec;
import io.loaxa.scheduler.config.StationConfig;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The station config file the wizard's answers make, in the layout of DESIGN §5. Every text is
 * double-quoted, so a hamlet called "Yes" or "08" stays a name.
 */
public final class StationConfigText {
  private StationConfigText() {}

  public static String of(SetupAnswers a, Instant writtenAt) {
    StringBuilder b = new StringBuilder();
    b.append("# Cấu hình đài — station config, written by `loaxa setup` at ").append(writtenAt).append(".\n");
    b.append("# `loaxa setup` keeps the file it replaces beside this one (station.yaml.<time>.bak).\n");
    b.append("station: { name: ").append(quote(a.stationName())).append(", timeZone: ").append(quote(a.timeZone().getId())).append(" }\n");
    b.append("boards:\n");
    for (BoardSpec board : a.boards()) {
      b.append("  - { key: ").append(quote(board.key())).append(", driver: ").append(quote(board.driver()));
      board.port().ifPresent(p -> b.append(", port: ").append(quote(p)));
      b.append(", channels: ").append(board.channels());
      for (Map.Entry<String, String> o : new TreeMap<>(board.options()).entrySet()) {
        b.append(", ").append(o.getKey()).append(": ").append(quote(o.getValue()));
      }
      b.append(" }\n");
    }
    a.amplifier().ifPresent(amp -> b.append("amplifier: { board: ").append(quote(amp.board())).append(", channel: ")
        .append(amp.channel()).append(", warmUp: ").append(amp.warmUp()).append(" }\n"));
    b.append("zones:\n");
    for (StationConfig.Zone z : a.hamlets()) {
      b.append("  - { key: ").append(quote(z.key().value())).append(", name: ").append(quote(z.name()))
          .append(", board: ").append(quote(z.board())).append(", channel: ").append(z.channel()).append(" }\n");
    }
    b.append("audio: { output: ").append(quote(a.soundOutput())).append(" }\n");
    return b.toString();
  }

  static String quote(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
