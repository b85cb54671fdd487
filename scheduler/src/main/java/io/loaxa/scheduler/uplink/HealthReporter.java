package io.loaxa.scheduler.uplink;

import io.loaxa.scheduler.config.StationConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Puts a health snapshot in the outbox at start, every five minutes, and as soon as a board, the
 * sound card or clock trust changes. {@link #tick} is called by the daemon's supervision loop; it
 * reads the station's own supervision (the switchboard, the incidents, the clock judgement) and
 * only writes to the outbox, so it never waits for the link.
 */
public final class HealthReporter {
  public static final Duration EVERY = Duration.ofMinutes(5);

  private final Outbox outbox;
  private final Supplier<HealthSnapshot> source;
  private final Clock clock;
  private final String stationFields;
  private final Runnable nudge;
  private Optional<HealthSnapshot> last = Optional.empty();
  private Instant lastAt = Instant.MIN;

  /**
   * @param version the station software's version
   */
  public HealthReporter(Outbox outbox, Supplier<HealthSnapshot> source, Clock clock, StationConfig config, String version,
      Runnable nudge) {
    this.outbox = outbox;
    this.source = source;
    this.clock = clock;
    this.nudge = nudge;
    StringBuilder zones = new StringBuilder("[");
    for (StationConfig.Zone z : config.zones()) {
      zones.append(zones.length() > 1 ? "," : "").append(new Json.Obj().put("key", z.key().value()).put("name", z.name()));
    }
    String name = config.name();
    this.stationFields = new Json.Obj().put("name", name).put("commune", commune(name)).put("version", version)
        .raw("zones", zones.append(']').toString()).toString();
  }

  /** "Đài truyền thanh xã Tân Hưng" → "Tân Hưng": the commune's name from the station's. */
  static String commune(String stationName) {
    String n = stationName.strip();
    for (String lead : List.of("Đài truyền thanh xã ", "Đài truyền thanh phường ", "Đài truyền thanh thị trấn ",
        "Đài xã ", "Đài phường ")) {
      if (n.startsWith(lead)) {
        return n.substring(lead.length()).replaceAll("\\s*\\(.*\\)$", "").strip();
      }
    }
    return n;
  }

  /** Writes a snapshot when one is due (first call, five minutes since the last, a device changed). */
  public synchronized boolean tick() {
    Instant now = clock.instant();
    HealthSnapshot now1 = source.get();
    boolean due = last.isEmpty() || !now1.sameDevices(last.get()) || !now.isBefore(lastAt.plus(EVERY))
        || now.isBefore(lastAt); // the clock went back: send rather than wait for it to catch up
    if (!due) {
      return false;
    }
    outbox.add(OutboxRow.Kind.HEALTH, body(now1, now));
    last = Optional.of(now1);
    lastAt = now;
    nudge.run();
    return true;
  }

  private String body(HealthSnapshot h, Instant at) {
    StringBuilder boards = new StringBuilder("[");
    for (HealthSnapshot.Device b : h.boards()) {
      boards.append(boards.length() > 1 ? "," : "").append(device(b));
    }
    String fields = new Json.Obj().raw("boards", boards.append(']').toString()).raw("soundCard", device(h.soundCard()))
        .put("clockTrusted", h.clockTrusted()).put("diskFreeMb", h.diskFreeMb()).put("openIncidents", h.openIncidents())
        .put("at", HubBodies.instant(at)).toString();
    return stationFields.substring(0, stationFields.length() - 1) + "," + fields.substring(1);
  }

  private static String device(HealthSnapshot.Device d) {
    return new Json.Obj().put("name", d.name()).put("ok", d.ok()).put("detail", d.detail()).toString();
  }
}
