package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.StationConfig;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.report.CsvAiringLogExport;
import io.loaxa.scheduler.sqlite.Database;
import io.loaxa.scheduler.sqlite.SqliteAiringLog;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loaxa log}: the airing log. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Nhật ký phát sóng — the airing log.",
    subcommands = LogCommand.Export.class)
final class LogCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code loaxa log export}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Xuất nhật ký — export every airing run planned between two dates (inclusive, station time).",
          "Works while the daemon runs."})
  static final class Export implements Callable<Integer> {
    @Mixin
    StationOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    String to;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv", description = "csv (default).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
      if (!format.equals("csv")) {
        throw new UserError("--format " + format + ": only csv is available");
      }
      LocalDate first = date("--from", from);
      LocalDate last = date("--to", to);
      if (last.isBefore(first)) {
        throw new UserError("--to " + to + " is before --from " + from);
      }
      StationConfig config = options.stationConfig();
      Instant start = first.atStartOfDay(config.timeZone()).toInstant();
      Instant end = last.plusDays(1).atStartOfDay(config.timeZone()).toInstant();
      Path target = out.toAbsolutePath();
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".loaxa-export-", ".tmp");
      long rows;
      try (Database db = Database.open(options.dataDir());
          Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        rows = new CsvAiringLogExport(config.timeZone()).write(new SqliteAiringLog(db, Clock.systemUTC()), start, end, w);
      } catch (Exception e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      spec.commandLine().getOut().printf("Đã xuất %d lượt phát — exported %d airing runs to %s%n", rows, rows, target);
      return 0;
    }

    private static LocalDate date(String option, String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new UserError(option + " " + text + ": expected a date YYYY-MM-DD");
      }
    }
  }
}
