package io.loaxa.scheduler.cli;

import io.loaxa.audio.bench.RebroadcastBench;
import io.loaxa.audio.bench.StartAccuracyBench;
import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.scheduler.bench.StartBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loaxa bench}: the station's benchmarks, printed as figures and ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Đo hiệu năng — benchmarks.",
    subcommands = {BenchCommand.Start.class, BenchCommand.Rebroadcast.class})
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
          "minus the planned instant), daemon time-to-ready, idle RSS and time to stop; then the start error as",
          "heard on the sink's monitor against a sleep-then-paplay baseline, idle and with both cores busy."})
  static final class Start implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--airings", defaultValue = "20", description = "How many scheduled airings (default ${DEFAULT-VALUE}).")
    int airings;

    @Option(names = "--monitor", defaultValue = "@DEFAULT_MONITOR@",
        description = "PulseAudio source that hears the output (default ${DEFAULT-VALUE}).")
    String monitor;

    @Override
    public Integer call() throws Exception {
      new StartBench(airings).run(spec.commandLine().getOut());
      new StartAccuracyBench(airings, monitor, JavaSoundOutput.DEFAULT).run(spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code loaxa bench rebroadcast}. */
  @Command(name = "rebroadcast", mixinStandardHelpOptions = true,
      description = "CPU, memory and underruns of a long MP3 rebroadcast from a local stream, both cores busy.")
  static final class Rebroadcast implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "10", description = "Length of the rebroadcast (default ${DEFAULT-VALUE}).")
    long minutes;

    @Option(names = "--idle", description = "Leave the cores idle instead of keeping both busy.")
    boolean idle;

    @Override
    public Integer call() throws Exception {
      new RebroadcastBench(java.time.Duration.ofMinutes(minutes), JavaSoundOutput.DEFAULT, !idle)
          .run(spec.commandLine().getOut());
      return 0;
    }
  }
}
