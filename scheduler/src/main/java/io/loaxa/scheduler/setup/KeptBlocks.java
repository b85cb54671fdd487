package io.loaxa.scheduler.setup;

import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.yaml.YamlDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The blocks of the config being replaced that the wizard does not ask about ({@code speech:},
 * {@code web:}, {@code monitor:}, …), carried over as they were written, comments inside them too.
 *
 * @param names the top-level keys carried, in file order
 * @param text their lines, ready to append; empty when none
 */
public record KeptBlocks(List<String> names, String text) {
  /** What the wizard writes itself. */
  static final Set<String> WRITTEN = Set.of("station", "boards", "amplifier", "zones", "audio");
  public static final KeptBlocks NONE = new KeptBlocks(List.of(), "");

  public KeptBlocks {
    names = List.copyOf(names);
  }

  /** The other blocks of {@code old}; none when it is not a YAML mapping the wizard can read. */
  public static KeptBlocks from(String old, String fileName) {
    Node root;
    try {
      root = YamlDocuments.parse(old, fileName);
    } catch (SourceException e) {
      return NONE;
    }
    if (!(root instanceof Node.Mapping top)) {
      return NONE;
    }
    String[] lines = old.split("\n", -1);
    List<Node.Entry> entries = new ArrayList<>(top.entries().values());
    List<String> names = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < entries.size(); i++) {
      Node.Entry e = entries.get(i);
      if (WRITTEN.contains(e.key()) || e.keyAt().column() != 1) {
        // a flow mapping at the top ({station: …, web: …}) has no lines of its own to carry
        if (!WRITTEN.contains(e.key())) {
          return NONE;
        }
        continue;
      }
      int from = e.keyAt().line() - 1;
      int to = i + 1 < entries.size() ? entries.get(i + 1).keyAt().line() - 1 : lines.length;
      for (int l = from; l < to; l++) {
        text.append(lines[l]).append('\n');
      }
      names.add(e.key());
    }
    String kept = text.toString().replaceAll("\n+$", "\n");
    return names.isEmpty() ? NONE : new KeptBlocks(names, kept);
  }
}
