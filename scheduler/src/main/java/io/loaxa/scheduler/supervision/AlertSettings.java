package io.loaxa.scheduler.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is told of which incidents and how often an unresolved one is told again: the station
 * config's {@code alerts:} recipients and {@code repeat} as the defaults, replaced as a whole by what
 * an admin saved on the alerts page (kept in the station database). A change reaches the
 * {@link AlertDispatcher} at once: the next alert queued goes to the new recipients. Thread-safe.
 */
public final class AlertSettings {
  private static final Logger LOG = LoggerFactory.getLogger(AlertSettings.class);
  /** The shortest and longest repeat the page accepts, in minutes. */
  public static final int LEAST_REPEAT_MINUTES = 5;
  public static final int MOST_REPEAT_MINUTES = 24 * 60;
  public static final int MOST_RECIPIENTS = 30;
  public static final int MOST_NAME_CHARS = 60;
  // Vietnamese mobile numbers: 03x, 05x, 07x, 08x, 09x and nine digits after the 0 (or after +84)
  private static final Pattern MOBILE = Pattern.compile("(?:\\+84|84|0)([35789][0-9]{8})");
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

  /**
   * One person told of incidents.
   *
   * @param phone a Vietnamese mobile number in the {@code +84…} form; empty: no SMS
   * @param email empty: no e-mail
   * @param kinds what they are told of; empty: every kind
   */
  public record Recipient(String name, Optional<String> phone, Optional<String> email, Set<IncidentKind> kinds) {
    public Recipient {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(email, "email");
      kinds = Set.copyOf(kinds);
    }

    /** The recipient in one line for the audit log: name, phone, address, kinds. */
    String line() {
      return name + " " + phone.orElse("-") + " " + email.orElse("-") + " ["
          + (kinds.isEmpty() ? "every kind" : kinds.stream().map(IncidentKind::configName).sorted()
              .collect(Collectors.joining(","))) + "]";
    }
  }

  /**
   * Recipients and repeat together, as the config gives them or an admin saved them.
   *
   * @param repeat how often an unresolved incident is told again; empty: never
   */
  public record Choice(List<Recipient> recipients, Optional<Duration> repeat) {
    public Choice {
      recipients = List.copyOf(recipients);
      Objects.requireNonNull(repeat, "repeat");
    }

    /** The choice in words for the audit log's before and after. */
    public String describe() {
      return "repeat " + repeat.map(r -> r.toMinutes() + " min").orElse("never") + "; "
          + (recipients.isEmpty() ? "nobody" : recipients.stream().map(Recipient::line).collect(Collectors.joining("; ")));
    }
  }

  /** A choice saved from the page: by whom and when. */
  public record Saved(Choice choice, String by, Instant at) {
    public Saved {
      Objects.requireNonNull(choice, "choice");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Where the saved choice is kept (the station database). Failures are unchecked ({@code StoreException}). */
  public interface Store {
    Optional<Saved> read();

    /** Keeps {@code saved} in place of whatever was saved before, all or nothing. */
    void save(Saved saved);

    /** Forgets the saved choice: the config's defaults decide again. */
    void clear();
  }

  /** A refusal of a recipient's field, in the admin's words. */
  public static final class Refusal extends Exception {
    private final String field;

    public Refusal(String field, String message) {
      super(message);
      this.field = field;
    }

    /** The field at fault, as the page names it: {@code recipients[2].phone}, {@code repeatMinutes}. */
    public String field() {
      return field;
    }
  }

  private final Choice defaults;
  private final Store store;
  private final AlertDispatcher dispatcher;
  private final Clock clock;

  /**
   * Builds the settings and hands the dispatcher the saved choice, if there is one.
   *
   * @param defaults the config's recipients and repeat
   */
  public AlertSettings(Choice defaults, Store store, AlertDispatcher dispatcher, Clock clock) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.store = Objects.requireNonNull(store, "store");
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.clock = Objects.requireNonNull(clock, "clock");
    store.read().ifPresent(s -> apply(s.choice()));
  }

  public Choice defaults() {
    return defaults;
  }

  public Optional<Saved> saved() {
    return store.read();
  }

  /** What decides now: the saved choice, else the config's. */
  public Choice current() {
    return saved().map(Saved::choice).orElse(defaults);
  }

  /** Whether the dispatcher has the channel an SMS ({@code sms}) or e-mail ({@code email}) recipient needs. */
  public boolean hasChannel(String name) {
    return dispatcher.channels().stream().anyMatch(c -> c.name().equals(name));
  }

  /**
   * Checks {@code choice} against the channels this station has; the recipients' phone numbers come
   * back in the {@code +84…} form.
   *
   * @throws Refusal naming the first field at fault
   */
  public Choice checked(Choice choice) throws Refusal {
    if (choice.recipients().size() > MOST_RECIPIENTS) {
      throw new Refusal("recipients", "tối đa " + MOST_RECIPIENTS + " người nhận (at most " + MOST_RECIPIENTS
          + " recipients)");
    }
    List<Recipient> out = new ArrayList<>();
    for (int i = 0; i < choice.recipients().size(); i++) {
      Recipient r = choice.recipients().get(i);
      String at = "recipients[" + i + "].";
      String name = r.name().strip();
      if (name.isEmpty() || name.length() > MOST_NAME_CHARS || name.chars().anyMatch(Character::isISOControl)) {
        throw new Refusal(at + "name", "ghi tên người nhận, tối đa " + MOST_NAME_CHARS + " ký tự, ví dụ Chị Lan"
            + " (write the recipient's name, at most " + MOST_NAME_CHARS + " characters, e.g. Chị Lan)");
      }
      Optional<String> phone = r.phone().map(String::strip).filter(p -> !p.isEmpty());
      Optional<String> email = r.email().map(String::strip).filter(e -> !e.isEmpty());
      if (phone.isEmpty() && email.isEmpty()) {
        throw new Refusal(at + "phone", "'" + name + "' cần số điện thoại hoặc e-mail ('" + name
            + "' needs a phone number or an e-mail address)");
      }
      if (phone.isPresent()) {
        Optional<String> mobile = mobile(phone.get());
        if (mobile.isEmpty()) {
          throw new Refusal(at + "phone", "'" + phone.get() + "' không phải số di động Việt Nam như +84912345678 hoặc"
              + " 0912345678 ('" + phone.get() + "' is not a Vietnamese mobile number such as +84912345678 or 0912345678)");
        }
        if (!hasChannel("sms")) {
          throw new Refusal(at + "phone", "đài chưa có modem SMS (alerts.sms) để nhắn tin (the station has no SMS modem"
              + " configured in alerts.sms)");
        }
        phone = mobile;
      }
      if (email.isPresent()) {
        if (email.get().length() > 254 || !ADDRESS.matcher(email.get()).matches()) {
          throw new Refusal(at + "email", "'" + email.get() + "' không phải địa chỉ e-mail như vhxh@example.vn ('"
              + email.get() + "' is not an e-mail address such as vhxh@example.vn)");
        }
        if (!hasChannel("email")) {
          throw new Refusal(at + "email", "đài chưa có máy chủ thư (alerts.email) để gửi e-mail (the station has no mail"
              + " server configured in alerts.email)");
        }
      }
      out.add(new Recipient(name, phone, email, r.kinds()));
    }
    if (choice.repeat().isPresent()) {
      long minutes = choice.repeat().get().toMinutes();
      if (minutes < LEAST_REPEAT_MINUTES || minutes > MOST_REPEAT_MINUTES
          || !choice.repeat().get().equals(Duration.ofMinutes(minutes))) {
        throw new Refusal("repeatMinutes", "nhắc lại sau " + LEAST_REPEAT_MINUTES + " đến " + MOST_REPEAT_MINUTES
            + " phút, hoặc để trống để không nhắc lại (repeat after " + LEAST_REPEAT_MINUTES + " to "
            + MOST_REPEAT_MINUTES + " whole minutes, or leave it empty for never)");
      }
    }
    return new Choice(out, choice.repeat());
  }

  /** A Vietnamese mobile number in the {@code +84…} form, blanks, dots and dashes between digits allowed. */
  public static Optional<String> mobile(String text) {
    String compact = text.replaceAll("[\\s.\\-()]", "");
    var m = MOBILE.matcher(compact);
    return m.matches() ? Optional.of("+84" + m.group(1)) : Optional.empty();
  }

  /**
   * Saves {@code choice} (checked) as {@code by}'s and hands it to the dispatcher.
   *
   * @return the choice before and the one saved
   */
  public synchronized Choice[] change(Choice choice, String by) throws Refusal {
    Choice before = current();
    Choice after = checked(choice);
    store.save(new Saved(after, by, clock.instant()));
    apply(after);
    return new Choice[] {before, after};
  }

  /** Forgets the saved choice: the config's recipients and repeat decide again. Returns the choice before. */
  public synchronized Choice reset() {
    Choice before = current();
    store.clear();
    apply(defaults);
    return before;
  }

  private void apply(Choice choice) {
    List<AlertDispatcher.Route> routes = new ArrayList<>();
    for (Recipient r : choice.recipients()) {
      r.phone().ifPresent(p -> route(routes, "sms", p, r));
      r.email().ifPresent(e -> route(routes, "email", e, r));
    }
    dispatcher.reroute(routes, choice.repeat());
  }

  private void route(List<AlertDispatcher.Route> routes, String channel, String to, Recipient r) {
    if (hasChannel(channel)) {
      routes.add(new AlertDispatcher.Route(channel, to, r.kinds()));
    } else {
      // the config lost the channel after the page saved this recipient: the others are still told
      LOG.warn("alerts: {} ({}) is not told by {}: the station config has no {} channel now", r.name(), to, channel,
          channel);
    }
  }

  /** The kinds by their config names ({@code dead-air}, …), or the first unknown name. */
  public static Set<IncidentKind> kinds(List<String> names, String field) throws Refusal {
    Set<IncidentKind> out = new TreeSet<>();
    for (String n : names) {
      String name = n.strip().toLowerCase(Locale.ROOT);
      Optional<IncidentKind> kind = Arrays.stream(IncidentKind.values()).filter(k -> k.configName().equals(name))
          .findFirst();
      if (kind.isEmpty()) {
        throw new Refusal(field, "không có loại sự cố '" + n + "' (no incident kind '" + n + "'; the kinds are "
            + Arrays.stream(IncidentKind.values()).map(IncidentKind::configName).collect(Collectors.joining(", ")) + ")");
      }
      out.add(kind.get());
    }
    return out;
  }
}
