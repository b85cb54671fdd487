package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.station.StationStore;
import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.report.ReportPeriod;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
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

    @Option(names = "--format", paramLabel = "csv|xlsx|pdf",
        description = "csv, xlsx or pdf (default: from the --out file's extension, else csv).")
    Optional<String> format = Optional.empty();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write.")
    Path out;

    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en",
        description = "Headings in Vietnamese (default) or English.")
    String lang;

    @Override
    public Integer call() throws Exception {
      String fmt = ReportFiles.format(format, out, List.of("csv", "xlsx", "pdf"), Optional.of("csv"));
      Language language = Language.parse(lang);
      LocalDate first = date("--from", from);
      LocalDate last = date("--to", to);
      if (last.isBefore(first)) {
        throw new UserError("--to " + to + " is before --from " + from);
      }
      long rows;
      try (StationStore store = StationStore.open(options.stationConfig(), options.dataDir())) {
        rows = ReportFiles.writeAtomically(out, os -> store.exportLog(ReportPeriod.range(first, last), fmt, language, os));
      }
      spec.commandLine().getOut().printf("Đã xuất %d lượt phát — exported %d airing runs to %s%n", rows, rows,
          out.toAbsolutePath());
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
