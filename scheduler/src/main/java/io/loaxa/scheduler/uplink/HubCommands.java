package io.loaxa.scheduler.uplink;

import io.loaxa.scheduler.AirRequest;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.accounts.AuditLog;
import io.loaxa.scheduler.airing.AiringRunner;
import io.loaxa.scheduler.airing.EmergencyAnnouncements;
import io.loaxa.scheduler.airing.ManualAiring;
import io.loaxa.scheduler.config.HubConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the station does with a command from the hub. On the link's thread: checks it
 * ({@link CommandVerifier}), then stores it with its {@code received} ack, or audits the refusal
 * (actor {@code hub}) and stores it with its {@code refused} ack — so the broker's ack to the hub
 * only goes once the station has written down what it got. Then, on its own thread, acts: an
 * emergency is planned and aired through the station's own {@link ManualAiring} and
 * {@link AiringRunner}, as {@code POST /api/emergency} does (same priorities, same pre-emption, same
 * repeats); its runs end in the airing log, which writes their aired/failed acks. A bulletin is held
 * for the operator ({@code hub.bulletins: review}) or planned at once ({@code accept}). A cancel
 * stops an emergency's repeats or removes a bulletin not yet aired.
 */
public final class HubCommands implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HubCommands.class);
  public static final String ACTOR = "hub";

  /**
   * The station parts a command acts through.
   *
   * @param refreshTriggers hands newly planned airings (an emergency's repeats, a bulletin) to the triggers now
   * @param contentDir where a recording sent with a command is kept ({@code hub/} inside it)
   * @param address where the commands come from, for the audit log (the broker)
   */
  public record Parts(CommandVerifier verifier, HubCommandStore store, AuditLog audit, ManualAiring manual,
      AiringRunner runner, Runnable refreshTriggers, Path contentDir, HubConfig.Bulletins bulletins, Clock clock,
      ZoneId timeZone, String address, Runnable outboxNudge) {}

  private final Parts parts;
  private final AtomicLong refused = new AtomicLong();
  private final java.util.Map<String, Instant> lastLogged = new java.util.HashMap<>();
  private final ExecutorService act = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "hub-commands");
    t.setDaemon(true);
    return t;
  });
  private final EmergencyAnnouncements emergencies;

  public HubCommands(Parts parts) {
    this.parts = parts;
    this.emergencies = new EmergencyAnnouncements(parts.manual(), parts.runner(), parts.refreshTriggers(), "hub-emergency");
  }

  /** Commands refused since start. */
  public long refused() {
    return refused.get();
  }

  /** One envelope from the command topic; returns once it is stored (accepted or refused). */
  public void receive(byte[] envelope) {
    Instant now = parts.clock().instant();
    CommandVerifier.Verdict verdict = parts.verifier().check(envelope,
        () -> parts.store().highestAccepted().orElse(-1));
    if (verdict instanceof CommandVerifier.Refused r) {
      refuse(r.reason(), r.id(), r.seq(), r.type(), now);
      return;
    }
    HubCommand command = ((CommandVerifier.Accepted) verdict).command();
    String ack = HubBodies.ack(Optional.of(command.id()), OptionalLong.of(command.seq()), "received", Optional.empty(),
        Optional.empty(), "", now);
    if (!parts.store().accept(command.id(), command.seq(), command.type().wire(), command.payload(), now, ack)) {
      refuse("lệnh cũ hoặc bị gửi lại (số " + command.seq() + ") / a replayed or old command (seq " + command.seq() + ")",
          Optional.of(command.id()), OptionalLong.of(command.seq()), Optional.of(command.type().wire()), now);
      return;
    }
    parts.audit().record(ACTOR, parts.address(), "hub." + command.type().wire(), "", summary(command), true);
    parts.outboxNudge().run();
    carryOut(command);
  }

  /** Acts on {@code command} on the commands' own thread; a failure of the station's is acked as failed. */
  private void carryOut(HubCommand command) {
    act.execute(() -> {
      try {
        act(command);
      } catch (RuntimeException e) {
        LOG.error("hub command {} could not be carried out: {}", command.id(), e.getMessage(), e);
        failed(command, "lỗi của đài khi thực hiện lệnh / the station failed carrying it out: " + e.getMessage());
      }
    });
  }

  /**
   * Carries out the commands stored as received that the station never got to (stopped or killed
   * between storing a command and planning it): an emergency still valid airs now, an expired one
   * is reported failed, a bulletin goes to review or the schedule as it would have. Returns how many.
   */
  public int resume() {
    int n = 0;
    for (HubCommandStore.Stored stored : parts.store().unacted()) {
      CommandVerifier.Verdict verdict = parts.verifier().reread(stored.payload());
      if (verdict instanceof CommandVerifier.Refused r) {
        LOG.warn("hub command {} stored before the restart can no longer be carried out: {}", stored.id(), r.reason());
        parts.store().state(stored.id(), "failed", Optional.empty(), r.reason(), Optional.of(ack(stored.id(),
            r.seq(), "failed", r.reason())));
        parts.outboxNudge().run();
        continue;
      }
      HubCommand command = ((CommandVerifier.Accepted) verdict).command();
      LOG.info("carrying out hub command {} ({}), received before the restart", command.id(), command.type().wire());
      carryOut(command);
      n++;
    }
    return n;
  }

  private void refuse(String reason, Optional<String> id, OptionalLong seq, Optional<String> type, Instant now) {
    refused.incrementAndGet();
    logRefusal(id, reason);
    parts.audit().record(ACTOR, parts.address(), "hub." + type.orElse("command") + id.map(i -> " " + i).orElse(""), "",
        reason, false);
    parts.store().refuse(id, seq, type, reason, now, HubBodies.ack(id, seq, "refused", Optional.empty(), Optional.empty(),
        reason, now));
    parts.outboxNudge().run();
  }

  /** Logs a refusal, the same kind at most once an hour: a broken or hostile sender must not fill the log. */
  private void logRefusal(Optional<String> id, String reason) {
    String kind = reason.length() > 24 ? reason.substring(0, 24) : reason;
    Instant now = parts.clock().instant();
    synchronized (lastLogged) {
      Instant last = lastLogged.get(kind);
      if (last != null && now.isBefore(last.plus(java.time.Duration.ofHours(1))) && !now.isBefore(last)) {
        return;
      }
      lastLogged.put(kind, now);
    }
    LOG.warn("refused a hub command{} (the same refusal is logged at most once an hour; every one is audited): {}",
        id.map(i -> " " + i).orElse(""), reason);
  }

  private static String summary(HubCommand c) {
    return c.type().wire() + " " + c.id() + " seq " + c.seq() + " '" + c.title() + "' to "
        + (c.allZones() ? "all zones" : String.join(",", c.zones()));
  }

  private void act(HubCommand command) {
    switch (command.type()) {
      case EMERGENCY -> emergency(command);
      case BULLETIN -> bulletin(command);
      case CANCEL -> cancel(command);
    }
  }

  private void emergency(HubCommand command) {
    request(command).ifPresent(request -> {
      try {
        emergencies.announce(request, series -> parts.store().state(command.id(), "received",
            Optional.of(series.ruleKey()), "", Optional.empty()));
      } catch (UserError e) {
        refusedAfterAll(command, "đài không phát được lệnh này / the station cannot air it: " + e.getMessage());
      }
    });
  }

  /**
   * A command that passed the checks but whose content the station cannot air (audio that does not
   * decode, a text the speech cannot read): refused and audited as the checks' refusals are; it
   * stays stored as failed, so its seq still counts against a replay.
   */
  private void refusedAfterAll(HubCommand command, String reason) {
    refused.incrementAndGet();
    logRefusal(Optional.of(command.id()), reason);
    parts.audit().record(ACTOR, parts.address(), "hub." + command.type().wire() + " " + command.id(), "", reason, false);
    parts.store().state(command.id(), "failed", Optional.empty(), reason, Optional.of(HubBodies.ack(Optional.of(command.id()),
        OptionalLong.of(command.seq()), "refused", Optional.empty(), Optional.empty(), reason, parts.clock().instant())));
    parts.outboxNudge().run();
  }

  private void bulletin(HubCommand command) {
    if (parts.bulletins() == HubConfig.Bulletins.REVIEW) {
      ack(command, "held", Optional.empty(), "chờ cán bộ đài duyệt / waiting for the station's operator");
      return;
    }
    request(command).ifPresent(request -> {
      ManualAiring.Series series;
      try {
        series = parts.manual().planSeries(request);
      } catch (UserError e) {
        refusedAfterAll(command, "đài không lên lịch được bản tin này / the station cannot plan it: " + e.getMessage());
        return;
      }
      parts.store().state(command.id(), "accepted", Optional.of(series.ruleKey()), "", Optional.of(
          ack(command.id(), OptionalLong.of(command.seq()), "accepted", "đã lên lịch / planned")));
      parts.outboxNudge().run();
      parts.refreshTriggers().run();
      LOG.info("hub bulletin {} planned as {}", command.id(), series.ruleKey());
    });
  }

  private void cancel(HubCommand command) {
    String target = command.cancels().orElseThrow();
    Optional<String> rule = parts.store().ruleOf(target);
    if (rule.isEmpty()) {
      Optional<String> state = parts.store().stateOf(target);
      if (state.isPresent() && state.get().equals("held")) {
        parts.store().state(target, "cancelled", Optional.empty(), "hủy bởi tỉnh / cancelled by the hub", Optional.of(
            ack(target, OptionalLong.empty(), "failed", "hủy bởi tỉnh / cancelled by the hub")));
        ack(command, "accepted", Optional.empty(), "đã hủy bản tin chờ duyệt / the held bulletin is cancelled");
        return;
      }
      ack(command, "failed", Optional.empty(), "không có lệnh " + target + " để hủy / no command " + target + " to cancel");
      return;
    }
    int cancelled = parts.runner().cancel(rule.get(), "cancelled by the hub (" + command.id() + ")");
    ack(command, cancelled > 0 ? "accepted" : "failed", Optional.empty(), cancelled > 0
        ? "đã hủy " + cancelled + " lượt phát / " + cancelled + " airings cancelled"
        : "không còn lượt phát nào để hủy / nothing of it is planned or on air any more");
  }

  /** What the operator would have typed for this command: its audio stored in the content folder, its times in station time. */
  private Optional<AirRequest> request(HubCommand command) {
    Instant now = parts.clock().instant();
    if (!command.expiresAt().isAfter(now)) {
      failed(command, "lệnh hết hạn trước khi phát / the command expired before it could air");
      return Optional.empty();
    }
    Optional<String> file = Optional.empty();
    if (command.audio().isPresent()) {
      try {
        Path dir = Files.createDirectories(parts.contentDir().resolve("hub"));
        Path target = dir.resolve(command.id() + "-" + command.audio().get().name());
        Files.write(target, command.audio().get().data());
        file = Optional.of(target.toAbsolutePath().toString());
      } catch (IOException e) {
        failed(command, "không lưu được tệp âm thanh / cannot store the audio: " + e.getMessage());
        return Optional.empty();
      }
    }
    Optional<String> at = command.at().filter(a -> a.isAfter(now.plusSeconds(1)))
        .map(a -> LocalDateTime.ofInstant(a, parts.timeZone()).toLocalTime().truncatedTo(ChronoUnit.SECONDS).toString());
    if (command.at().filter(a -> a.isAfter(now.plusSeconds(1))).isPresent()
        && !LocalDateTime.ofInstant(command.at().get(), parts.timeZone()).toLocalDate()
            .equals(LocalDateTime.ofInstant(now, parts.timeZone()).toLocalDate())) {
      failed(command, "giờ phát phải trong hôm nay (giờ đài) / 'at' must be today, station time");
      return Optional.empty();
    }
    Optional<String> until = command.until()
        .map(u -> LocalDateTime.ofInstant(u, parts.timeZone()).truncatedTo(ChronoUnit.MINUTES).toString());
    return Optional.of(new AirRequest(file, Optional.empty(), command.allZones() ? "all" : String.join(",", command.zones()),
        command.priority().toLowerCase(java.util.Locale.ROOT), at, Optional.empty(), Optional.empty(), command.text(),
        command.repeatEveryMinutes().map(m -> m + "m"), Optional.empty(), command.repeatEveryMinutes().isPresent()
            ? until.or(() -> Optional.of(LocalDateTime.ofInstant(command.expiresAt(), parts.timeZone())
                .truncatedTo(ChronoUnit.MINUTES).toString()))
            : Optional.empty()));
  }

  private void failed(HubCommand command, String reason) {
    LOG.warn("hub command {} failed: {}", command.id(), reason);
    parts.store().state(command.id(), "failed", Optional.empty(), reason,
        Optional.of(ack(command.id(), OptionalLong.of(command.seq()), "failed", reason)));
    parts.outboxNudge().run();
  }

  private void ack(HubCommand command, String state, Optional<String> rule, String reason) {
    parts.store().state(command.id(), state, rule, reason,
        Optional.of(ack(command.id(), OptionalLong.of(command.seq()), state, reason)));
    parts.outboxNudge().run();
  }

  private String ack(String id, OptionalLong seq, String state, String reason) {
    return HubBodies.ack(Optional.of(id), seq, state, Optional.empty(), Optional.empty(), reason, parts.clock().instant());
  }

  /** A bulletin from the hub held for the station's operator, and when it came. */
  public record HeldBulletin(HubCommand command, Instant receivedAt) {}

  /**
   * The bulletins held for the operator ({@code hub.bulletins: review}), oldest first. One that
   * expired while it waited is failed now, acked to the hub with the reason, and not listed.
   */
  public java.util.List<HeldBulletin> held() {
    return onCommandThread(() -> {
      java.util.List<HeldBulletin> out = new java.util.ArrayList<>();
      for (HubCommandStore.Held h : parts.store().held()) {
        Optional<HubCommand> command = parts.verifier().reread(h.payload(), h.seq());
        if (command.isPresent()) {
          out.add(new HeldBulletin(command.get(), h.receivedAt()));
        } else {
          parts.store().state(h.id(), "failed", Optional.empty(), EXPIRED_WAITING, Optional.of(
              ack(h.id(), OptionalLong.of(h.seq()), "failed", EXPIRED_WAITING)));
          parts.outboxNudge().run();
        }
      }
      return out;
    });
  }

  private static final String EXPIRED_WAITING = "bản tin hết hạn khi chờ cán bộ đài duyệt / the bulletin expired"
      + " waiting for the station's operator";

  /**
   * The operator {@code who} accepts the held bulletin {@code id}: it is planned as the hub sent it
   * (its zones, time and repeats) and acked {@code accepted}.
   *
   * @return the rule key of the planned series
   * @throws UserError when no such bulletin is held, it expired, or the station cannot plan it (it stays held)
   */
  public String accept(String id, String who) {
    return onCommandThread(() -> {
      HeldBulletin h = heldOne(id);
      Optional<AirRequest> request = request(h.command());
      if (request.isEmpty()) {
        throw new UserError("bản tin " + id + " không phát được nữa (hết hạn) / the bulletin " + id
            + " cannot air any more (it expired)");
      }
      ManualAiring.Series series = parts.manual().planSeries(request.get());
      parts.store().state(id, "accepted", Optional.of(series.ruleKey()), "", Optional.of(ack(id,
          OptionalLong.of(h.command().seq()), "accepted", "cán bộ đài " + who + " đã duyệt, đã lên lịch / accepted by the"
              + " station's operator " + who + ", planned")));
      parts.outboxNudge().run();
      parts.refreshTriggers().run();
      LOG.info("hub bulletin {} accepted by {} and planned as {}", id, who, series.ruleKey());
      return series.ruleKey();
    });
  }

  /** The operator {@code who} rejects the held bulletin {@code id} with {@code reason}; the hub is acked {@code rejected}. */
  public void reject(String id, String who, String reason) {
    onCommandThread(() -> {
      HeldBulletin h = heldOne(id);
      String why = "cán bộ đài " + who + " từ chối / rejected by the station's operator " + who + ": " + reason;
      parts.store().state(id, "rejected", Optional.empty(), why, Optional.of(ack(id, OptionalLong.of(h.command().seq()),
          "rejected", why)));
      parts.outboxNudge().run();
      LOG.info("hub bulletin {} rejected by {}: {}", id, who, reason);
      return null;
    });
  }

  private HeldBulletin heldOne(String id) {
    if (!parts.store().stateOf(id).map("held"::equals).orElse(false)) {
      throw new UserError("không có bản tin " + id + " đang chờ duyệt / no bulletin " + id + " is waiting");
    }
    return held().stream().filter(b -> b.command().id().equals(id)).findFirst().orElseThrow(() -> new UserError(
        "bản tin " + id + " đã hết hạn / the bulletin " + id + " has expired"));
  }

  // on the thread that carries out the hub's commands: an operator's decision and the hub's cancel never cross
  private <T> T onCommandThread(java.util.concurrent.Callable<T> work) {
    if (Thread.currentThread().getName().equals("hub-commands")) {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      return act.submit(work).get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the hub commands' thread", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the hub commands' thread is busy for more than 30 s", e);
    }
  }

  /** Waits for commands being carried out to be handed on (not for their airings). */
  public boolean idle(long millis) throws InterruptedException {
    java.util.concurrent.Future<?> done = act.submit(() -> { });
    try {
      done.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  @Override
  public void close() {
    act.shutdownNow();
    emergencies.close();
  }
}
