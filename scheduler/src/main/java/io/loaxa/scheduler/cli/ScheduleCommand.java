package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.planning.SchedulePlanner;
import io.loaxa.scheduler.station.StationStore;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.UserError;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.CheckOptions;
import io.loaxa.schedules.Expansion;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Preview;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ical.IcsWriter;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.source.TextFiles;
import io.loaxa.schedules.source.UnreadableFileException;
import io.loaxa.schedules.yaml.ScheduleFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loaxa schedule}: the programme grid — check, import, export, preview, iCalendar. */
@Command(name = "schedule", mixinStandardHelpOptions = true, description = "Lịch phát — the programme grid.",
    subcommands = {ScheduleCommand.Check.class, ScheduleCommand.Import.class, ScheduleCommand.Export.class,
        ScheduleCommand.PreviewCommand.class, ScheduleCommand.Ics.class})
final class ScheduleCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static String read(Path file) throws SourceException {
    try {
      return TextFiles.read(file, file.toString());
    } catch (UnreadableFileException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  private static LocalDate today(StationConfig config) {
    return LocalDate.now(Clock.system(config.timeZone()));
  }

  /** Writes {@code text} to {@code out} whole or not at all: a temporary file moved into place. */
  private static void writeAtomically(Path out, String text) throws IOException {
    Path target = out.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new UserError("--out " + out + " là một thư mục: hãy cho tên tệp — " + out + " is a folder: give a file name");
    }
    Path tmp;
    try {
      tmp = Files.createTempFile(target.getParent(), ".loaxa-", ".tmp");
    } catch (IOException e) {
      throw WriteRefusal.of(out, e);
    }
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw WriteRefusal.of(out, e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The planner on the station database alone: no relay board is opened, so this works beside a running daemon. */
  private static <T> T withPlanner(StationOptions options, PlannerAction<T> action) throws Exception {
    try (StationStore store = StationStore.open(options.stationConfig(), options.dataDir())) {
      return action.apply(store.planner());
    }
  }

  @FunctionalInterface
  private interface PlannerAction<T> {
    T apply(SchedulePlanner planner) throws Exception;
  }

  /** {@code --out FILE}: where a subcommand writes its file, whole or not at all; standard output without it. */
  static final class Destination {
    @Spec(Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: standard output).")
    Optional<Path> out = Optional.empty();

    /** Writes {@code text}; {@code whatVi} and {@code what} name it in the note on standard error. */
    void write(String text, String whatVi, String what) throws IOException {
      if (out.isPresent()) {
        writeAtomically(out.get(), text);
        spec.commandLine().getErr().println(Bilingual.of("đã ghi " + whatVi + " vào " + out.get(), what + " written to " + out.get()));
      } else {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      }
    }
  }

  private static Schedule stored(SchedulePlanner planner) {
    return planner.current().orElseThrow(() -> new UserError(Bilingual.of("chưa nhập lịch nào: loaxa schedule import FILE",
        "no schedule imported yet: loaxa schedule import FILE")));
  }

  /** {@code loaxa schedule check FILE}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Kiểm tra lịch — report every problem of a schedule file as FILE:LINE:COL: message (exit 1 if any).",
          "Checks zones, programmes, times, weekdays, monthly rules, rules that never fire, overlaps on a hamlet at the same",
          "priority over the coming year, the monthly CCHC airing, content files (in the data folder's content folder, or",
          "--content DIR) and the station's airtime policy. Warnings (a lunar day 30 some years lack, a holiday without the",
          "coming year's days) are printed as FILE:LINE:COL: warning: … and do not fail the check."})
  static final class Check implements Callable<Integer> {
    @Mixin
    StationOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The schedule file (YAML).")
    Path file;

    @Option(names = "--content", paramLabel = "DIR", description = "Where segment files are looked for.")
    Optional<Path> content = Optional.empty();

    @Override
    public Integer call() throws Exception {
      StationConfig config = options.stationConfig();
      CheckOptions checks = SchedulePlanner.checkOptions(config, options.dataDir(), today(config));
      if (content.isPresent()) {
        Path dir = content.get();
        checks = checks.withContent(path -> Files.isRegularFile(dir.resolve(path)));
      }
      List<Problem> problems;
      try {
        problems = ScheduleFile.check(read(file), file.toString(), SchedulePlanner.facts(config), checks);
      } catch (SourceException e) {
        problems = e.problems(); // not UTF-8 or too large: printed like every other problem
      }
      PrintWriter out = spec.commandLine().getOut();
      long errors = problems.stream().filter(p -> !p.warning()).count();
      long warnings = problems.size() - errors;
      problems.forEach(out::println);
      if (errors == 0) {
        out.println(file + ": OK — " + Bilingual.of("không có lỗi" + (warnings == 0 ? "" : ", " + warnings + " cảnh báo"),
            "no problems" + (warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s"))));
        out.flush();
        return 0;
      }
      out.flush();
      spec.commandLine().getErr().println(Bilingual.of(file + " có " + errors + " lỗi" + (warnings == 0 ? "" : " và " + warnings + " cảnh báo"),
          errors + " problem" + (errors == 1 ? "" : "s") + " in " + file
          + (warnings == 0 ? "" : " and " + warnings + " warning" + (warnings == 1 ? "" : "s"))));
      return 1;
    }
  }

  /** {@code loaxa schedule import FILE}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Nhập lịch — check a schedule file and make it the station's schedule, all or nothing: on any problem",
          "the old schedule and its planned airings stay. A running daemon picks the new plan up within a minute."})
  static final class Import implements Callable<Integer> {
    @Mixin
    StationOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The schedule file (YAML).")
    Path file;

    @Override
    public Integer call() throws Exception {
      String text = read(file);
      SchedulePlanner.Imported done = withPlanner(options, planner -> planner.importText(text, file.toString()));
      PrintWriter out = spec.commandLine().getOut();
      out.println(Bilingual.of(String.format("đã nhập %s: %d chương trình, %d quy tắc phát; đã lên lịch %d buổi phát cho %d ngày tới",
          file, done.programmes(), done.rules(), done.planned(), SchedulePlanner.DAYS_AHEAD),
          String.format("imported %s: %d programmes, %d airing rules; %d airings planned for the next %d days", file,
          done.programmes(), done.rules(), done.planned(), SchedulePlanner.DAYS_AHEAD)));
      out.flush();
      // warnings do not stop an import, but the operator hears of them here as well as from check
      StationConfig config = options.stationConfig();
      List<Problem> warnings = ScheduleFile.check(text, file.toString(), SchedulePlanner.facts(config),
          SchedulePlanner.checkOptions(config, options.dataDir(), today(config))).stream().filter(Problem::warning).toList();
      warnings.forEach(spec.commandLine().getErr()::println);
      spec.commandLine().getErr().flush();
      return 0;
    }
  }

  /** {@code loaxa schedule export}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Xuất lịch — write the station's schedule as a schedule file (import reads it back to the same schedule).")
  static final class Export implements Callable<Integer> {
    @Mixin
    StationOptions options;

    @Mixin
    Destination destination;

    @Override
    public Integer call() throws Exception {
      destination.write(withPlanner(options, planner -> ScheduleFile.write(stored(planner))), "lịch", "schedule");
      return 0;
    }
  }

  /** {@code loaxa schedule preview}. */
  @Command(name = "preview", mixinStandardHelpOptions = true,
      description = "Xem trước — the planned airings of some days in station time, from a schedule file or the station's schedule.")
  static final class PreviewCommand implements Callable<Integer> {
    @Mixin
    StationOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A schedule file (default: the imported schedule).")
    Optional<Path> file = Optional.empty();

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day.")
    String from;

    @Option(names = "--days", defaultValue = "7", paramLabel = "N", description = "How many days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|csv", description = "text (default) or csv.")
    String format;

    @Override
    public Integer call() throws Exception {
      LocalDate first;
      try {
        first = LocalDate.parse(from);
      } catch (DateTimeParseException e) {
        throw new UserError(Bilingual.of("--from '" + from + "' không phải ngày YYYY-MM-DD",
            "--from '" + from + "' is not a date YYYY-MM-DD"), e);
      }
      if (days < 1 || days > 3660) {
        throw new UserError(Bilingual.of("--days phải từ 1 đến 3660, không phải " + days, "--days must be 1..3660, not " + days));
      }
      if (!format.equals("text") && !format.equals("csv")) {
        throw new UserError(Bilingual.of("--format là text hoặc csv, không phải '" + format + "'",
            "--format is text or csv, not '" + format + "'"));
      }
      StationConfig config = options.stationConfig();
      StationFacts facts = SchedulePlanner.facts(config);
      Schedule schedule;
      if (file.isPresent()) {
        schedule = ScheduleFile.read(read(file.get()), file.get().toString(), facts,
            SchedulePlanner.checkOptions(config, options.dataDir(), first));
      } else {
        schedule = withPlanner(options, ScheduleCommand::stored);
      }
      List<PlannedAiring> airings = Expansion.plan(schedule, facts, first, first.plusDays(days));
      PrintWriter out = spec.commandLine().getOut();
      out.print(format.equals("csv") ? Preview.csv(airings, facts.timeZone(), schedule) : Preview.text(airings, facts.timeZone(), schedule));
      out.flush();
      return 0;
    }
  }

  /** {@code loaxa schedule ics}. */
  @Command(name = "ics", mixinStandardHelpOptions = true,
      description = "Lịch iCalendar — the station's schedule as an .ics file that calendar programs import.")
  static final class Ics implements Callable<Integer> {
    @Mixin
    StationOptions options;

    @Mixin
    Destination destination;

    @Override
    public Integer call() throws Exception {
      StationConfig config = options.stationConfig();
      Schedule schedule = withPlanner(options, ScheduleCommand::stored);
      destination.write(IcsWriter.write(schedule, SchedulePlanner.facts(config), today(config), Clock.systemUTC().instant()),
          "lịch dạng ICS", "calendar");
      return 0;
    }
  }
}
