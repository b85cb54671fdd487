package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.report.Language;
import io.loaxa.scheduler.station.StationStore;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.scheduler.report.PeriodReport;
import io.loaxa.scheduler.report.ReportPeriod;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loaxa report}: the period report officers attach, and the paragraph of figures they paste. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Báo cáo định kỳ — period report: airings and airtime by category (CCHC first), hamlet and title,",
        "runs not completed, CCHC compliance per month and hamlet, a monthly chart, and a paragraph of figures",
        "to paste into the periodic report (also printed here). Works while the daemon runs."})
final class ReportCommand implements Callable<Integer> {
  @Mixin
  StationOptions options;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--period", required = true, paramLabel = "PERIOD",
      description = {"2024-03 (month), 2024-Q1 (quarter), 2024-H1 (01/01–30/06) or 2024-H2 (01/07–31/12),",
          "2024 (year), or 2024-03-15..2024-04-14 (any days, inclusive)."})
  String period;

  @Option(names = "--format", paramLabel = "xlsx|pdf",
      description = "xlsx or pdf (default: from the --out file's extension).")
  Optional<String> format = Optional.empty();

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write.")
  Path out;

  @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en",
      description = "Vietnamese (default) or English.")
  String lang;

  @Option(names = "--peak", paramLabel = "HH:MM-HH:MM,…", defaultValue = "05:00-07:00,17:00-19:30",
      description = "CCHC peak hours, station time (default ${DEFAULT-VALUE}).")
  String peak;

  @Override
  public Integer call() throws Exception {
    ReportPeriod reportPeriod = ReportPeriod.parse(period);
    String fmt = ReportFiles.format(format, out, List.of("xlsx", "pdf"), Optional.empty());
    Language language = Language.parse(lang);
    PeakWindows peaks = PeakWindows.parse(peak);
    PeriodReport report;
    try (StationStore store = StationStore.open(options.stationConfig(), options.dataDir())) {
      report = store.report(reportPeriod, peaks, language);
    }
    ReportFiles.writeAtomically(out, os -> {
      StationStore.writeReport(report, fmt, os);
      return 0;
    });
    PrintWriter o = spec.commandLine().getOut();
    o.println(language.pick("Báo cáo " + reportPeriod.label(language) + ": " + report.totals().aired() + " lượt phát, "
            + report.totals().notCompleted() + " lượt không hoàn thành — " + out.toAbsolutePath(),
        "Report for " + reportPeriod.label(language) + ": " + report.totals().aired() + " airings, "
            + report.totals().notCompleted() + " not completed — " + out.toAbsolutePath()));
    o.println();
    o.println(report.summary());
    o.flush();
    return 0;
  }
}
