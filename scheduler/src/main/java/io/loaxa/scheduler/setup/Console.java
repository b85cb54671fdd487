package io.loaxa.scheduler.setup;

/**
 * Where the wizard talks to the installer: a terminal in the field, plain streams in tests.
 * Not thread-safe; one wizard at a time.
 */
public interface Console {
  /** Shows one line. */
  void say(String line);

  /**
   * Shows {@code prompt} and returns what the installer typed, trimmed; empty when they pressed Enter.
   *
   * @throws SetupAbandoned when the input ends (Ctrl-D, a closed pipe)
   */
  String ask(String prompt);
}
