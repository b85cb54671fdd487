package io.loaxa.scheduler.setup;

/** The installer left the wizard (input ended) before the config was written; nothing was written. */
public final class SetupAbandoned extends RuntimeException {
  public SetupAbandoned(String message) {
    super(message);
  }
}
