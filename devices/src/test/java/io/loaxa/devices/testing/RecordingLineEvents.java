package io.loaxa.devices.testing;

import io.loaxa.devices.LineEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Remembers every outage report, as "lost PORT" and "back PORT". */
public final class RecordingLineEvents implements LineEvents {
  private final List<String> events = new ArrayList<>();

  @Override
  public synchronized void lost(String port, String reason) {
    events.add("lost " + port);
  }

  @Override
  public synchronized void back(String port, Duration downFor) {
    events.add("back " + port);
  }

  public synchronized List<String> events() {
    return List.copyOf(events);
  }
}
