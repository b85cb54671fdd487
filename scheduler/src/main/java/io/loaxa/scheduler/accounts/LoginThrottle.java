package io.loaxa.scheduler.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed logins per account and per address in a sliding window; past the limit the key is
 * locked for {@link #LOCKOUT}, and the lockout is logged. Time comes from the clock.
 */
public final class LoginThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCKOUT = Duration.ofMinutes(15);

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();
  private final Map<String, Instant> lockedUntil = new HashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** When the account or the address is locked, until when. */
  public synchronized Optional<Instant> locked(String account, String address) {
    Instant now = clock.instant();
    Optional<Instant> until = Optional.empty();
    for (String key : keys(account, address)) {
      Instant u = lockedUntil.get(key);
      if (u != null && u.isAfter(now) && (until.isEmpty() || u.isAfter(until.get()))) {
        until = Optional.of(u);
      }
    }
    return until;
  }

  public synchronized void failed(String account, String address) {
    Instant now = clock.instant();
    for (String key : keys(account, address)) {
      Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      q.addLast(now);
      while (!q.isEmpty() && q.peekFirst().isBefore(now.minus(WINDOW))) {
        q.removeFirst();
      }
      if (q.size() >= MAX_FAILURES && !lockedUntil.getOrDefault(key, Instant.MIN).isAfter(now)) {
        lockedUntil.put(key, now.plus(LOCKOUT));
        q.clear();
        LOG.warn("login locked for {} until {} after {} failed attempts", key, now.plus(LOCKOUT), MAX_FAILURES);
      }
    }
  }

  public synchronized void succeeded(String account) {
    failures.remove("account " + account);
  }

  private static String[] keys(String account, String address) {
    return new String[] {"account " + account, "address " + address};
  }
}
