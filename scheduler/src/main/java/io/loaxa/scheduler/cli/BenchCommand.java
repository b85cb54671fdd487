package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.bench.StartBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loaxa bench}: the station's benchmarks, printed as figures and ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Đo hiệu năng — benchmarks.",
    subcommands = {BenchCommand.Start.class, SpeechBenchCommand.class})
final class BenchCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code loaxa bench start}. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {"Start error of scheduled airings on the default sound device (first sample written to the line",
          "minus the planned instant), daemon time-to-ready, idle RSS and time to stop."})
  static final class Start implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--airings", defaultValue = "20", description = "How many scheduled airings (default ${DEFAULT-VALUE}).")
    int airings;

    @Override
    public Integer call() throws Exception {
      new StartBench(airings).run(spec.commandLine().getOut());
      return 0;
    }
  }
}
