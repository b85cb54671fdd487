package io.loaxa.scheduler;

import io.loaxa.schedules.PlannedAiringKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Remembers what the daemon asked to fire and when, without firing anything. */
public final class RecordingAiringTriggers implements AiringTriggers {
  public record Planned(PlannedAiringKey key, Instant fireAt, Trigger trigger) {}

  public final List<Planned> planned = new ArrayList<>();
  public boolean started;
  public boolean held;
  boolean stopped;

  @Override
  public void start(Runnable refresh, Duration refreshEvery) {
    started = true;
  }

  @Override
  public void plan(PlannedAiringKey key, Instant fireAt, Trigger trigger) {
    if (planned.stream().noneMatch(p -> p.key().equals(key))) {
      planned.add(new Planned(key, fireAt, trigger));
    }
  }

  @Override
  public void cancel(PlannedAiringKey key) {
    planned.removeIf(p -> p.key().equals(key));
  }

  @Override
  public void hold() {
    held = true;
  }

  @Override
  public void release() {
    held = false;
  }

  @Override
  public boolean healthy() {
    return started && !stopped;
  }

  @Override
  public Set<String> pending() {
    Set<String> keys = new TreeSet<>();
    planned.forEach(p -> keys.add(p.key().value()));
    return keys;
  }

  @Override
  public void stop(Duration grace) {
    stopped = true;
  }
}
