package io.loaxa.schedules.source;

/** Where a node starts in its file: 1-based line and column, as editors count them. */
public record Position(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
