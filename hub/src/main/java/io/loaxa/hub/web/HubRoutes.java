package io.loaxa.hub.web;

import io.javalin.http.Context;
import io.loaxa.hub.Command;
import io.loaxa.hub.HubStore;
import io.loaxa.hub.Push;
import io.loaxa.hub.StationStatus;
import io.loaxa.hub.json.HubJson;
import io.loaxa.hub.postgres.PostgresProvinceReport;
import io.loaxa.hub.push.Pushes;
import io.loaxa.hub.report.ProvinceReport;
import io.loaxa.hub.report.xlsx.XlsxProvinceReport;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.scheduler.report.ReportPeriod;
import io.loaxa.scheduler.web.RouteGroup;
import io.loaxa.scheduler.web.Routes;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /api/hub/…}: what the province officer and operator work with. */
public final class HubRoutes implements RouteGroup {
  /** A station not heard from for this long is shown offline, even without the broker's will. */
  public static final Duration SILENT = Duration.ofMinutes(15);

  private final HubStore store;
  private final Pushes pushes;
  private final PostgresProvinceReport reports;
  private final ZoneId zone;
  private final PeakWindows peaks;
  private final Clock clock;

  public HubRoutes(HubStore store, Pushes pushes, PostgresProvinceReport reports, ZoneId zone, PeakWindows peaks, Clock clock) {
    this.store = store;
    this.pushes = pushes;
    this.reports = reports;
    this.zone = zone;
    this.peaks = peaks;
    this.clock = clock;
  }

  @Override
  public void register(Routes r) {
    r.get("/api/hub/stations", Routes.ANY, (ctx, who) -> Map.of("stations", store.stations().stream().map(this::station).toList()));
    r.post("/api/hub/pushes", Routes.OPERATE, (ctx, who) -> {
      Push p = pushes.push(HubJson.readPush(ctx.bodyAsBytes()), who.name());
      r.audit(ctx, who, "hub.push", "", p.type().wire() + " " + p.id() + " '" + p.title() + "'", true);
      return status(p);
    });
    r.get("/api/hub/pushes", Routes.ANY, (ctx, who) -> Map.of("pushes", store.pushes(100).stream().map(this::summary).toList()));
    r.get("/api/hub/pushes/{push}", Routes.ANY, (ctx, who) -> status(find(ctx)));
    r.post("/api/hub/pushes/{push}/cancel", Routes.OPERATE, (ctx, who) -> {
      Push original = find(ctx);
      Push cancel = pushes.cancel(original.id(), who.name());
      r.audit(ctx, who, "hub.cancel", original.id(), cancel.id(), true);
      return status(cancel);
    });
    r.get("/api/hub/report", Routes.READ_LOG, (ctx, who) -> report(ctx));
  }

  private Push find(Context ctx) throws Exception {
    String id = ctx.pathParam("push");
    return store.push(id).orElseThrow(() -> new UserError("không có lượt gửi " + id + " (no such push)"));
  }

  private Object report(Context ctx) throws Exception {
    String text = Optional.ofNullable(ctx.queryParam("period")).orElseThrow(
        () -> new UserError("thiếu 'period', ví dụ 2026-12, 2026-Q4, 2026-H2, 2026 (period is required)"));
    ReportPeriod period = ReportPeriod.parse(text);
    ProvinceReport report = reports.report(period, zone, peaks);
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
    switch (format) {
      case "json":
        return report.json();
      case "xlsx":
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxProvinceReport().write(report, out);
        return new Routes.Download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "bao-cao-tinh-" + period.code() + ".xlsx", out.toByteArray());
      default:
        throw new UserError("định dạng '" + format + "' không có; dùng json hoặc xlsx (format is json or xlsx)");
    }
  }

  private Map<String, Object> station(StationStatus s) {
    Instant now = clock.instant();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("station", s.station().value());
    m.put("name", s.name());
    m.put("commune", s.commune());
    m.put("version", s.version());
    m.put("zones", s.zones().stream().map(z -> Map.of("key", z.key(), "name", z.name())).toList());
    m.put("lastSeen", s.lastSeen().toString());
    Optional<Instant> offlineSince = s.online().filter(o -> !o).flatMap(o -> s.onlineAt());
    if (offlineSince.isEmpty() && s.lastSeen().plus(SILENT).isBefore(now)) {
      offlineSince = Optional.of(s.lastSeen());
    }
    m.put("online", offlineSince.isEmpty());
    m.put("offlineSince", offlineSince.map(Instant::toString).orElse(null));
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("at", s.healthAt().map(Instant::toString).orElse(null));
    health.put("boardsOk", s.boardsOk().orElse(null));
    health.put("soundCardOk", s.soundCardOk().orElse(null));
    health.put("clockTrusted", s.clockTrusted().orElse(null));
    health.put("diskFreeMb", s.diskFreeMb().orElse(null));
    health.put("openIncidents", s.openIncidents().orElse(null));
    m.put("health", health);
    return m;
  }

  private Map<String, Object> summary(Push p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("push", p.id());
    m.put("type", p.type().wire());
    m.put("priority", p.priority());
    m.put("title", p.title());
    m.put("category", p.category());
    m.put("issuedAt", p.issuedAt().toString());
    m.put("expiresAt", p.expiresAt().toString());
    m.put("issuedBy", p.issuedBy());
    m.put("cancelledAt", p.cancelledAt().map(Instant::toString).orElse(null));
    return m;
  }

  private Map<String, Object> status(Push p) throws Exception {
    Map<String, Object> m = summary(p);
    List<Command> commands = store.commands(p.id());
    Map<String, Long> counts = new LinkedHashMap<>();
    commands.forEach(c -> counts.merge(c.state().wire(), 1L, Long::sum));
    m.put("counts", counts);
    m.put("stations", commands.stream().map(c -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("station", c.station().value());
      s.put("command", c.id());
      s.put("seq", c.seq());
      s.put("zones", c.zones());
      s.put("state", c.state().wire());
      s.put("sentAt", c.sentAt().map(Instant::toString).orElse(null));
      s.put("receivedAt", c.receivedAt().map(Instant::toString).orElse(null));
      s.put("airedAt", c.airedAt().map(Instant::toString).orElse(null));
      s.put("runId", c.runId().orElse(null));
      s.put("outcome", c.outcome().orElse(null));
      s.put("reason", c.reason());
      return s;
    }).toList());
    return m;
  }
}
