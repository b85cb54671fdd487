package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loaxa.scheduler.supervision.Incident;
import io.loaxa.scheduler.supervision.IncidentLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The station's incidents (sự cố) over the API: {@code GET /api/incidents} lists those open now and
 * those that started in the last {@code days} (default 7), newest first, each with its start, end,
 * detail, evidence file and the alerts sent about it. Any logged-in account may read them, as the
 * "on air now" page shows the open ones to everyone.
 */
public final class IncidentRoutes implements RouteGroup {
  static final int DEFAULT_DAYS = 7;
  static final int MAX_DAYS = 92;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

  private final Supplier<List<Incident>> open;
  private final IncidentLog log;
  private final Clock clock;
  private final ZoneId timeZone;

  /**
   * @param open the incidents open now, oldest first (the station's incident stream)
   * @param log the incidents as kept in the station database
   */
  public IncidentRoutes(Supplier<List<Incident>> open, IncidentLog log, Clock clock, ZoneId timeZone) {
    this.open = open;
    this.log = log;
    this.clock = clock;
    this.timeZone = timeZone;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/incidents", Routes.ANY, (ctx, who) -> {
      for (String p : ctx.queryParamMap().keySet()) {
        if (!Set.of("days").contains(p)) {
          throw new ApiException(400, "tham số không hợp lệ '" + p + "' (unknown parameter; use days)", p);
        }
      }
      int days = DEFAULT_DAYS;
      String d = ctx.queryParam("days");
      if (d != null) {
        try {
          days = Integer.parseInt(d.strip());
        } catch (NumberFormatException e) {
          days = -1;
        }
        if (days < 1 || days > MAX_DAYS) {
          throw new ApiException(400, "days phải là số ngày từ 1 đến " + MAX_DAYS + ", ví dụ 7 (days: a whole number of days"
              + " from 1 to " + MAX_DAYS + ", e.g. 7)", "days");
        }
      }
      return read(days);
    });
    routes.get("/api/incidents/evidence/{name}", Routes.ANY, (ctx, who) -> evidence(ctx.pathParam("name")));
  }

  /**
   * The evidence recording of an incident of the last {@link #MAX_DAYS} days, found by its file
   * name among the incidents' own paths: nothing of the request reaches the file system.
   */
  Routes.Download evidence(String name) throws java.io.IOException {
    Instant now = clock.instant();
    List<Incident> known = new ArrayList<>(open.get());
    log.between(now.minus(Duration.ofDays(MAX_DAYS)), now.plusSeconds(1)).forEach(k -> known.add(k.incident()));
    java.nio.file.Path file = known.stream().flatMap(i -> i.evidence().stream())
        .filter(p -> p.getFileName().toString().equals(name)).findFirst()
        .orElseThrow(() -> new ApiException(404, "không có bản ghi bằng chứng '" + name + "' (no such evidence)", "name"));
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new ApiException(404, "bản ghi bằng chứng '" + name + "' đã bị xóa (the evidence file is gone)", "name");
    }
    return new Routes.Download("audio/wav", file.getFileName().toString(), java.nio.file.Files.readAllBytes(file));
  }

  ObjectNode read(int days) {
    Instant now = clock.instant();
    ObjectNode out = JSON.createObjectNode();
    out.put("at", now.toString());
    ArrayNode openNow = out.putArray("open");
    for (Incident i : open.get()) {
      openNow.add(json(i, timeZone));
    }
    List<IncidentLog.LoggedIncident> kept = new ArrayList<>(log.between(now.minus(Duration.ofDays(days)), now.plusSeconds(1)));
    Collections.reverse(kept);
    ArrayNode all = out.putArray("incidents");
    for (IncidentLog.LoggedIncident k : kept) {
      ObjectNode o = json(k.incident(), timeZone);
      ArrayNode alerts = o.putArray("alertsSent");
      k.alertsSent().forEach(alerts::add);
      all.add(o);
    }
    return out;
  }

  /** One incident as the pages read it: kind, its title in both languages, subject, times, detail, evidence. */
  static ObjectNode json(Incident i, ZoneId timeZone) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", i.kind().configName());
    o.put("title", i.kind().title(false));
    o.put("titleEn", i.kind().title(true));
    o.put("subject", i.subject());
    o.put("open", i.open());
    o.put("start", i.start().toString());
    o.put("startLocal", LOCAL.format(i.start().atZone(timeZone)));
    if (i.end().isPresent()) {
      o.put("end", i.end().get().toString());
      o.put("endLocal", LOCAL.format(i.end().get().atZone(timeZone)));
    } else {
      o.putNull("end");
    }
    o.put("detail", i.detail());
    // the file's name only: where the data folder lives is nobody's business on a page
    i.evidence().ifPresentOrElse(p -> o.put("evidence", p.getFileName().toString()), () -> o.putNull("evidence"));
    return o;
  }
}
