package io.loaxa.scheduler.web;

import io.loaxa.scheduler.accounts.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Login sessions in memory: idle expiry {@link #IDLE}, absolute expiry {@link #MAX_AGE}; a restart logs everyone out. */
final class Sessions {
  static final Duration IDLE = Duration.ofMinutes(30);
  static final Duration MAX_AGE = Duration.ofHours(12);
  private static final SecureRandom RANDOM = new SecureRandom();

  record Session(String id, String account, Role role, String csrf, Instant created, Instant lastSeen) {}

  private final Clock clock;
  private final Map<String, Session> byId = new HashMap<>();

  Sessions(Clock clock) {
    this.clock = clock;
  }

  static String token() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  synchronized Session open(String account, Role role) {
    Instant now = clock.instant();
    byId.values().removeIf(s -> expired(s, now));
    Session s = new Session(token(), account, role, token(), now, now);
    byId.put(s.id(), s);
    return s;
  }

  synchronized Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = byId.get(id);
    Instant now = clock.instant();
    if (s == null) {
      return Optional.empty();
    }
    if (expired(s, now)) {
      byId.remove(id);
      return Optional.empty();
    }
    Session touched = new Session(s.id(), s.account(), s.role(), s.csrf(), s.created(), now);
    byId.put(id, touched);
    return Optional.of(touched);
  }

  /** Whether the session is open, without counting the look as activity (the live feed asks every 400 ms). */
  synchronized boolean alive(String id) {
    Session s = byId.get(id);
    return s != null && !expired(s, clock.instant());
  }

  synchronized void close(String id) {
    byId.remove(id);
  }

  /** Ends every session of an account (removed, or its password changed). */
  synchronized void closeAll(String account) {
    byId.values().removeIf(s -> s.account().equals(account));
  }

  private static boolean expired(Session s, Instant now) {
    return s.lastSeen().plus(IDLE).isBefore(now) || s.created().plus(MAX_AGE).isBefore(now);
  }
}
