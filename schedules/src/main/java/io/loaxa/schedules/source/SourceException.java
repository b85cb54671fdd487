package io.loaxa.schedules.source;

import java.util.List;
import java.util.stream.Collectors;

/** A file the operator wrote cannot be used; carries every problem found, each with its place. */
public final class SourceException extends Exception {
  private final List<Problem> problems;

  public SourceException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SourceException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
