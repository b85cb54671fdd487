package io.loaxa.scheduler.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator about incidents (cảnh báo): once when one starts, once when it ends and, while
 * it stays unresolved, again every {@link Settings#repeat}. Each recipient gets the kinds their
 * route names. Alerts are queued and sent by {@link #tick} on the caller's thread (the daemon's
 * supervision loop), so a detector or the monitor's thread never waits for a modem; a channel that
 * fails is tried again {@link Settings#retryGap} later, up to {@link Settings#attempts} times, each
 * failure logged with the channel's words. Time comes from the injected clock.
 */
public final class AlertDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

  /**
   * Who hears of which incidents on which channel.
   *
   * @param channel {@link AlertChannel#name()}: {@code sms}, {@code email}
   * @param recipient a phone number ({@code +84…}) or an e-mail address
   * @param kinds the kinds this recipient is told of; empty: every kind
   */
  public record Route(String channel, String recipient, Set<IncidentKind> kinds) {
    public Route {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(recipient, "recipient");
      kinds = Set.copyOf(kinds);
    }

    public boolean wants(IncidentKind kind) {
      return kinds.isEmpty() || kinds.contains(kind);
    }
  }

  /**
   * @param repeat how often an unresolved incident is alerted again; empty: never
   * @param retryGap how long after a failed send it is tried again
   * @param attempts tries per alert and recipient before it is given up (logged)
   */
  public record Settings(Optional<Duration> repeat, Duration retryGap, int attempts) {
    public static final Settings DEFAULT = new Settings(Optional.empty(), Duration.ofMinutes(1), 10);

    public Settings {
      Objects.requireNonNull(repeat, "repeat");
      Objects.requireNonNull(retryGap, "retryGap");
      if (attempts < 1 || repeat.map(r -> r.isNegative() || r.isZero()).orElse(false)) {
        throw new IllegalArgumentException("attempts must be at least 1 and repeat positive");
      }
    }
  }

  /** What one channel did with the test message: sent, and the far end's answer or the error. */
  public record TestResult(boolean sent, String what) {}

  /** Which alert of an incident. */
  public enum Phase { START, REPEAT, END }

  /** One alert to one recipient, waiting to go out. */
  private static final class Delivery {
    final Incident incident;
    final Phase phase;
    final Route route;
    final String subject;
    final String body;
    int attempts;
    Instant due;

    Delivery(Incident incident, Phase phase, Route route, String subject, String body, Instant due) {
      this.incident = incident;
      this.phase = phase;
      this.route = route;
      this.subject = subject;
      this.body = body;
      this.due = due;
    }
  }

  private final String stationName;
  private final ZoneId timeZone;
  private final Map<String, AlertChannel> channels = new LinkedHashMap<>();
  private List<Route> routes;
  private Optional<Duration> repeat;
  private final Settings settings;
  private final IncidentLog log;
  private final Clock clock;
  private final List<Delivery> pending = new ArrayList<>();
  private final Map<IncidentKey, Instant> nextRepeat = new HashMap<>();
  private final Map<IncidentKey, Incident> open = new HashMap<>();
  private final Object sending = new Object();
  private long queued;

  public AlertDispatcher(String stationName, ZoneId timeZone, List<AlertChannel> channels, List<Route> routes,
      Settings settings, IncidentLog log, Clock clock) {
    this.stationName = Objects.requireNonNull(stationName, "stationName");
    this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
    channels.forEach(c -> this.channels.put(c.name(), c));
    this.routes = List.copyOf(routes);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.repeat = settings.repeat();
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
    checkChannels(this.routes);
  }

  private void checkChannels(List<Route> routes) {
    for (Route r : routes) {
      if (!this.channels.containsKey(r.channel())) {
        throw new IllegalArgumentException("route to " + r.recipient() + " names no configured channel " + r.channel());
      }
    }
  }

  /** A dispatcher with no channel: incidents are logged, nobody is told. */
  public static AlertDispatcher none(String stationName, ZoneId timeZone, IncidentLog log, Clock clock) {
    return new AlertDispatcher(stationName, timeZone, List.of(), List.of(), Settings.DEFAULT, log, clock);
  }

  public List<AlertChannel> channels() {
    return List.copyOf(channels.values());
  }

  public synchronized List<Route> routes() {
    return routes;
  }

  /** How often an unresolved incident is alerted again now; empty: never. */
  public synchronized Optional<Duration> repeat() {
    return repeat;
  }

  /**
   * From now on alerts go to {@code routes}, and unresolved incidents are told again every
   * {@code repeat}: the next alert queued follows them; alerts already queued keep their recipient.
   * An incident open now is next told {@code repeat} from now.
   */
  public synchronized void reroute(List<Route> routes, Optional<Duration> repeat) {
    List<Route> copy = List.copyOf(routes);
    checkChannels(copy);
    if (repeat.map(r -> r.isNegative() || r.isZero()).orElse(false)) {
      throw new IllegalArgumentException("repeat must be positive");
    }
    this.routes = copy;
    if (!repeat.equals(this.repeat)) {
      this.repeat = repeat;
      nextRepeat.clear();
      Instant now = clock.instant();
      repeat.ifPresent(r -> open.keySet().forEach(k -> nextRepeat.put(k, now.plus(r))));
    }
  }

  /** Queues the start alert of {@code incident}. */
  public synchronized void started(Incident incident) {
    open.put(incident.key(), incident);
    repeat.ifPresent(r -> nextRepeat.put(incident.key(), incident.start().plus(r)));
    enqueue(incident, Phase.START);
  }

  /** Queues the end alert of {@code incident}; its repeats stop. */
  public synchronized void ended(Incident incident) {
    open.remove(incident.key());
    nextRepeat.remove(incident.key());
    enqueue(incident, Phase.END);
  }

  /** Alerts waiting to go out (first tries and retries). */
  public synchronized int pending() {
    return pending.size();
  }

  /** Alerts queued since the dispatcher was built, one per phase and recipient (start, repeats, end). */
  public synchronized long queued() {
    return queued;
  }

  private void enqueue(Incident incident, Phase phase) {
    String subject = subject(incident, phase);
    String body = body(incident, phase);
    for (Route route : routes) {
      if (route.wants(incident.kind())) {
        pending.add(new Delivery(incident, phase, route, subject, body, Instant.MIN));
        queued++;
      }
    }
  }

  /**
   * Queues the repeats that are due and sends every alert due at {@code now}. Blocks for as long
   * as the channels take; never throws.
   */
  public void tick(Instant now) {
    synchronized (sending) {
      List<Delivery> due = new ArrayList<>();
      synchronized (this) {
        for (Map.Entry<IncidentKey, Instant> e : nextRepeat.entrySet()) {
          if (!e.getValue().isAfter(now)) {
            Incident incident = open.get(e.getKey());
            enqueue(incident, Phase.REPEAT);
            e.setValue(now.plus(repeat.orElseThrow()));
          }
        }
        for (Delivery d : pending) {
          if (!d.due.isAfter(now)) {
            due.add(d);
          }
        }
        pending.removeAll(due);
      }
      for (Delivery d : due) {
        deliver(d);
      }
    }
  }

  private void deliver(Delivery d) {
    AlertChannel channel = channels.get(d.route.channel());
    d.attempts++;
    try {
      String answer = channel.send(List.of(d.route.recipient()), d.subject, d.body);
      LOG.info("alert {} of incident {} sent by {} to {}: {}", d.phase, d.incident.key(), channel.name(),
          d.route.recipient(), answer);
      try {
        log.alerted(d.incident, channel.name(), d.route.recipient());
      } catch (RuntimeException e) {
        LOG.error("alert of {} sent but not written to the incident log: {}", d.incident.key(), e.getMessage(), e);
      }
    } catch (AlertException | RuntimeException e) {
      if (e instanceof AlertException a && a.permanent()) {
        LOG.error("alert {} of incident {} by {} to {} given up: {}", d.phase, d.incident.key(), channel.name(),
            d.route.recipient(), e.getMessage());
        failed(d, channel, e, true);
        return;
      }
      if (d.attempts >= settings.attempts()) {
        LOG.error("alert {} of incident {} by {} to {} given up after {} attempts: {}", d.phase, d.incident.key(),
            channel.name(), d.route.recipient(), d.attempts, e.getMessage());
        failed(d, channel, e, true);
        return;
      }
      failed(d, channel, e, false);
      LOG.warn("alert {} of incident {} by {} to {} failed (attempt {} of {}), trying again in {} s: {}", d.phase,
          d.incident.key(), channel.name(), d.route.recipient(), d.attempts, settings.attempts(),
          settings.retryGap().toSeconds(), e.getMessage());
      d.due = clock.instant().plus(settings.retryGap());
      synchronized (this) {
        pending.add(d);
      }
    }
  }

  private void failed(Delivery d, AlertChannel channel, Exception e, boolean givenUp) {
    try {
      log.alertFailed(d.incident, channel.name(), d.route.recipient(), String.valueOf(e.getMessage()), givenUp);
    } catch (RuntimeException stored) {
      LOG.error("a failed alert of {} not written to the incident log: {}", d.incident.key(), stored.getMessage(), stored);
    }
  }

  /**
   * Sends a test message on every configured channel to its recipients, now.
   *
   * @return per channel name, what happened in the operator's words
   */
  public Map<String, TestResult> test() {
    Map<String, TestResult> result = new LinkedHashMap<>();
    String when = WHEN.format(clock.instant().atZone(timeZone));
    for (AlertChannel channel : channels.values()) {
      List<String> to = routes().stream().filter(r -> r.channel().equals(channel.name())).map(Route::recipient)
          .distinct().toList();
      if (to.isEmpty()) {
        result.put(channel.name(), new TestResult(false, "không có người nhận / no recipients"));
        continue;
      }
      try {
        String answer = channel.send(to, stationName + ": Thử cảnh báo / Alert test",
            "Tin thử từ " + stationName + " lúc " + when + ". Kênh " + channel.name() + " hoạt động.");
        result.put(channel.name(), new TestResult(true, "đã gửi tới / sent to " + String.join(", ", to) + ": " + answer));
      } catch (AlertException | RuntimeException e) {
        result.put(channel.name(), new TestResult(false, e.getMessage()));
      }
    }
    return result;
  }

  /** Closes the channels that hold a device open (the GSM modem's serial port). Idempotent. */
  public void close() {
    for (AlertChannel c : channels.values()) {
      if (c instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.warn("closing alert channel {}: {}", c.name(), e.getMessage());
        }
      }
    }
  }

  String subject(Incident incident, Phase phase) {
    String what = switch (phase) {
      case START -> "Sự cố";
      case REPEAT -> "Chưa khắc phục";
      case END -> "Đã hết sự cố";
    };
    // no brackets or dashes: GSM 7-bit modems send only the basic character set
    return stationName + ": " + what + ": " + incident.kind().title(false) + " (" + incident.subject() + ")";
  }

  String body(Incident incident, Phase phase) {
    StringBuilder b = new StringBuilder();
    b.append(switch (phase) {
      case START -> "Sự cố: ";
      case REPEAT -> "Vẫn chưa khắc phục: ";
      case END -> "Đã hết: ";
    }).append(incident.kind().title(false)).append(" - ").append(incident.subject()).append('\n');
    b.append("Bắt đầu: ").append(WHEN.format(incident.start().atZone(timeZone))).append('\n');
    incident.end().ifPresent(end -> b.append("Kết thúc: ").append(WHEN.format(end.atZone(timeZone)))
        .append(" (").append(minutes(Duration.between(incident.start(), end))).append(")\n"));
    if (!incident.detail().isEmpty()) {
      b.append(incident.detail()).append('\n');
    }
    incident.evidence().ifPresent(p -> b.append("Bằng chứng: ").append(p).append('\n'));
    b.append(stationName);
    return b.toString();
  }

  private static String minutes(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + " giây" : (s / 60) + " phút";
  }
}
