package io.loaxa.scheduler.approval;

import io.loaxa.scheduler.AirRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Emergency texts an operator sent while the station holds them for an approver
 * ({@code approval: { required: yes, emergencyBypass: no }}): each waits until an approver accepts it
 * (then it airs at once) or rejects it. Kept in memory: a held emergency does not outlive the daemon,
 * and the operator sees it gone rather than airing hours late. Thread-safe.
 */
public final class HeldEmergencies {
  /** The most emergencies kept, waiting or decided; the oldest decided ones go first. */
  static final int MOST = 200;

  /** Where a held emergency stands. */
  public enum State {
    WAITING, ACCEPTED, REJECTED;

    /** The word the API uses: {@code waiting}, {@code accepted}, {@code rejected}. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The name a held emergency is known by in the API: {@code khan-1}, {@code khan-2}, … */
  public record HeldKey(String value) {
    public HeldKey {
      if (!value.matches("khan-[1-9][0-9]{0,8}")) {
        throw new IllegalArgumentException("not a held emergency key: " + value);
      }
    }
  }

  /**
   * One emergency held for an approver.
   *
   * @param sentBy the operator's account name
   * @param address where the operator sent it from
   * @param request the announcement as it will be planned once accepted
   * @param decidedBy the approver, once decided
   * @param reason why it was rejected; empty otherwise
   * @param airedAs the planned airing it became once accepted, as the API names it
   */
  public record Held(HeldKey key, String sentBy, String address, Instant sentAt, AirRequest request, State state,
      Optional<String> decidedBy, Optional<Instant> decidedAt, Optional<String> reason, Optional<String> airedAs) {}

  private final Clock clock;
  private final Map<HeldKey, Held> held = new LinkedHashMap<>();
  private int next = 1;

  public HeldEmergencies(Clock clock) {
    this.clock = clock;
  }

  /** Holds an operator's emergency; returns it, waiting. */
  public synchronized Held hold(String sentBy, String address, AirRequest request) {
    if (held.size() >= MOST) {
      held.values().stream().filter(h -> h.state() != State.WAITING).findFirst().ifPresent(h -> held.remove(h.key()));
    }
    if (held.size() >= MOST) {
      throw new IllegalStateException("too many emergencies waiting for an approver: " + held.size());
    }
    Held h = new Held(new HeldKey("khan-" + next++), sentBy, address, clock.instant(), request, State.WAITING,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    held.put(h.key(), h);
    return h;
  }

  /** Every emergency held since the daemon started, oldest first. */
  public synchronized List<Held> all() {
    return new ArrayList<>(held.values());
  }

  public synchronized Optional<Held> find(HeldKey key) {
    return Optional.ofNullable(held.get(key));
  }

  /**
   * Takes a waiting emergency for an approver's decision: once taken it is no longer waiting, so two
   * approvers cannot both air it.
   *
   * @return the emergency as decided; empty when there is none by that key or it was already decided
   */
  public synchronized Optional<Held> decide(HeldKey key, String approver, State decision, Optional<String> reason) {
    if (decision == State.WAITING) {
      throw new IllegalArgumentException("a decision accepts or rejects");
    }
    Held h = held.get(key);
    if (h == null || h.state() != State.WAITING) {
      return Optional.empty();
    }
    Held decided = new Held(h.key(), h.sentBy(), h.address(), h.sentAt(), h.request(), decision, Optional.of(approver),
        Optional.of(clock.instant()), reason, Optional.empty());
    held.put(key, decided);
    return Optional.of(decided);
  }

  /** Notes the planned airing an accepted emergency became. */
  public synchronized void aired(HeldKey key, String plannedKey) {
    Held h = held.get(key);
    if (h != null) {
      held.put(key, new Held(h.key(), h.sentBy(), h.address(), h.sentAt(), h.request(), h.state(), h.decidedBy(),
          h.decidedAt(), h.reason(), Optional.of(plannedKey)));
    }
  }
}
