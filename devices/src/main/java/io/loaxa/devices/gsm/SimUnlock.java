package io.loaxa.devices.gsm;

import java.util.Objects;
import java.util.Optional;

/**
 * The SIM card's PIN with the one chance it gets per start of the station: a SIM card locks itself
 * after three wrong PINs and then wants its PUK, which only the network operator's shop can give. So
 * the PIN is sent to the modem at most once for as long as this object lives (one start); when it is
 * refused, or the card already wants its PUK, every later attempt to unlock fails at once with the
 * first refusal's words and the modem is not asked again. The digits never appear in
 * {@link #toString()} or in any message. Thread-safe.
 */
public final class SimUnlock {
  private final String digits;
  private final String source;
  private boolean offered;
  private Optional<String> refusal = Optional.empty();

  /**
   * @param digits the PIN, 4 to 8 digits
   * @param source where the PIN was read from (a file's path), named in refusals instead of the PIN
   */
  public SimUnlock(String digits, String source) {
    Objects.requireNonNull(digits, "digits");
    this.source = Objects.requireNonNull(source, "source");
    if (!digits.matches("[0-9]{4,8}")) {
      throw new IllegalArgumentException("a SIM PIN is 4 to 8 digits");
    }
    this.digits = digits;
  }

  /** Where the PIN came from. */
  public String source() {
    return source;
  }

  /** Whether the PIN was sent to the modem during this start. */
  public synchronized boolean offered() {
    return offered;
  }

  /** Why the SIM card cannot be unlocked during this start, empty while it may be. */
  public synchronized Optional<String> refusal() {
    return refusal;
  }

  /** The digits, the first time only: empty once they were offered. */
  synchronized Optional<String> offer() {
    if (offered || refusal.isPresent()) {
      return Optional.empty();
    }
    offered = true;
    return Optional.of(digits);
  }

  synchronized void refused(String why) {
    if (refusal.isEmpty()) {
      refusal = Optional.of(why);
    }
  }

  @Override
  public String toString() {
    return "SIM PIN from " + source;
  }
}
