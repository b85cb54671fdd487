package io.loaxa.scheduler.web;

import io.loaxa.scheduler.AiringLog;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.LogFilter;
import io.loaxa.scheduler.OnAir;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.RunEnd;
import io.loaxa.scheduler.RunStart;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.ReportPeriod;
import io.loaxa.schedules.PlannedAiringKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One question to the airing log as the API is asked it ({@code from}, {@code to}, {@code category},
 * {@code zone}, {@code outcome}, {@code page}, {@code size}): days in the station's calendar, both
 * inclusive, and the runs of those days that match every filter given.
 *
 * @param outcomes empty: any run, on air or ended; otherwise only ended runs with one of these outcomes
 */
record LogQuery(LocalDate from, LocalDate to, Optional<String> category, Optional<String> zone, Set<Outcome> outcomes,
    int page, int size) {
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 200;
  static final int MAX_PAGE = 1_000_000;
  /** Days shown when no {@code from} is given: the week up to {@code to}. */
  static final int DEFAULT_DAYS = 7;
  /** The longest span one question may cover: ten years of a station's log. */
  static final long MAX_DAYS = 3660;
  static final Set<String> PARAMETERS = Set.of("from", "to", "category", "zone", "outcome", "page", "size");
  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

  /**
   * Reads the query parameters.
   *
   * @param params every query parameter as the request gave it
   * @param known the parameters the route takes ({@link #PARAMETERS} and the route's own)
   * @param today the station's date now, for the defaults
   * @param zones the station's zone keys; a {@code zone} must be one of them
   * @throws ApiException 400 naming the parameter at fault
   */
  static LogQuery parse(Map<String, List<String>> params, Set<String> known, LocalDate today, Set<String> zones) {
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new ApiException(400, "tham số không biết '" + clip(e.getKey()) + "' (unknown parameter)", clip(e.getKey()));
      }
      if (e.getValue().size() > 1) {
        throw new ApiException(400, "tham số '" + e.getKey() + "' có nhiều lần (given more than once)", e.getKey());
      }
    }
    Optional<LocalDate> toGiven = one(params, "to").map(t -> day(t, "to"));
    Optional<LocalDate> fromGiven = one(params, "from").map(t -> day(t, "from"));
    LocalDate to = toGiven.orElseGet(() -> fromGiven.filter(f -> f.isAfter(today)).orElse(today));
    LocalDate from = fromGiven.orElseGet(() -> to.minusDays(DEFAULT_DAYS - 1L));
    if (to.isBefore(from)) {
      throw new ApiException(400, "'to' " + to + " trước 'from' " + from + " (to is before from)", "to");
    }
    if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_DAYS) {
      throw new ApiException(400, "khoảng ngày quá dài: tối đa " + MAX_DAYS + " ngày (at most " + MAX_DAYS + " days)", "from");
    }
    Optional<String> category = one(params, "category").map(c -> {
      if (!CATEGORY.matcher(c).matches()) {
        throw new ApiException(400, "'category' phải là mã chuyên mục như cchc, thoi-su (a category key such as cchc)",
            "category");
      }
      return c;
    });
    Optional<String> zone = one(params, "zone").map(z -> {
      if (!zones.contains(z)) {
        throw new ApiException(400, "không có khu vực '" + clip(z) + "'; chọn một trong " + new java.util.TreeSet<>(zones)
            + " (no such zone)", "zone");
      }
      return z;
    });
    Set<Outcome> outcomes = one(params, "outcome").map(LogQuery::outcomes).orElse(Set.of());
    int page = one(params, "page").map(p -> number(p, "page", 1, MAX_PAGE)).orElse(1);
    int size = one(params, "size").map(s -> number(s, "size", 1, MAX_SIZE)).orElse(DEFAULT_SIZE);
    return new LogQuery(from, to, category, zone, outcomes, page, size);
  }

  /** The days as a report period, for the exports. */
  ReportPeriod period() {
    return ReportPeriod.range(from, to);
  }

  /** How many runs to pass over before the page begins. */
  long skip() {
    return (long) (page - 1) * size;
  }

  /** The filters of the question, as the log takes them. */
  LogFilter filter() {
    return new LogFilter(category, zone, outcomes);
  }

  /** True when the run answers every filter. */
  boolean matches(AiringRunRecord r) {
    return filter().matches(r);
  }

  /** The log as this question sees it: only the matching runs, read only. */
  AiringLog view(AiringLog log) {
    return new Filtered(log, this);
  }

  /** The export language: {@code lang}, else English when the client asks for it, else Vietnamese. */
  static Language language(Optional<String> lang, String acceptLanguage) {
    if (lang.isPresent()) {
      return switch (lang.get().strip().toLowerCase(Locale.ROOT)) {
        case "vi" -> Language.VI;
        case "en" -> Language.EN;
        default -> throw new ApiException(400, "'lang' phải là vi hoặc en (lang must be vi or en)", "lang");
      };
    }
    boolean en = acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en");
    return en ? Language.EN : Language.VI;
  }

  /** The value of a parameter given once, when it is given and not blank. */
  static Optional<String> one(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(values.get(0).strip());
  }

  static LocalDate day(String text, String field) {
    LocalDate d;
    try {
      d = text.length() == 10 ? LocalDate.parse(text) : null;
    } catch (DateTimeParseException e) {
      d = null;
    }
    if (d == null || d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY)) {
      throw new ApiException(400, "'" + field + "' không phải ngày như 2026-12-01 (not a date YYYY-MM-DD)", field);
    }
    return d;
  }

  static int number(String text, String field, int min, int max) {
    int n;
    try {
      n = text.length() > 9 ? -1 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < min || n > max) {
      throw new ApiException(400, "'" + field + "' phải là số từ " + min + " đến " + max + " (a number from " + min
          + " to " + max + ")", field);
    }
    return n;
  }

  private static Set<Outcome> outcomes(String text) {
    Set<Outcome> set = EnumSet.noneOf(Outcome.class);
    List<String> names = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      names.add(o.name());
    }
    for (String part : text.split(",", 16)) {
      String name = part.strip().toUpperCase(Locale.ROOT);
      if (!names.contains(name)) {
        throw new ApiException(400, "'outcome' phải là một hoặc vài trong " + names + ", cách nhau bằng dấu phẩy"
            + " (one or more of " + names + ", comma-separated)", "outcome");
      }
      set.add(Outcome.valueOf(name));
    }
    return set;
  }

  /** A name from the request, cut short before it goes into a message. */
  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** The log seen through a question: reads pass the matching runs; it is never written through. */
  private record Filtered(AiringLog log, LogQuery query) implements AiringLog {
    @Override
    public void forEachRun(Instant from, Instant to, Consumer<AiringRunRecord> sink) {
      log.forEachRun(from, to, r -> {
        if (query.matches(r)) {
          sink.accept(r);
        }
      });
    }

    @Override
    public Optional<Instant> latest() {
      return log.latest();
    }

    @Override
    public boolean hasRun(PlannedAiringKey plannedKey) {
      return log.hasRun(plannedKey);
    }

    @Override
    public long begin(RunStart start) {
      throw new IllegalStateException("the log is read only here");
    }

    @Override
    public void end(long id, RunEnd end) {
      throw new IllegalStateException("the log is read only here");
    }

    @Override
    public long record(RunStart start, RunEnd end) {
      throw new IllegalStateException("the log is read only here");
    }

    @Override
    public void onAir(long id, OnAir journal) {
      throw new IllegalStateException("the log is read only here");
    }

    @Override
    public int closeInterrupted(Instant now) {
      throw new IllegalStateException("the log is read only here");
    }
  }
}
