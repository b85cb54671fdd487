package io.loaxa.bench;

import io.loaxa.bench.audio.RebroadcastBench;
import io.loaxa.bench.audio.StartAccuracyBench;
import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.bench.devices.SwitchingBench;
import io.loaxa.scheduler.UserError;
import io.loaxa.bench.station.ApiBench;
import io.loaxa.bench.station.ReportBench;
import io.loaxa.bench.station.StartBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loaxa bench}: the station's benchmarks, printed as figures and ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Đo hiệu năng — benchmarks.",
    subcommands = {BenchCommand.Start.class, BenchCommand.Preempt.class, BenchCommand.Relays.class, BenchCommand.ScheduleBench.class,
        BenchCommand.Report.class, SpeechBenchCommand.class, BenchCommand.Rebroadcast.class,
        BenchCommand.Supervision.class, BenchCommand.Api.class, BenchCommand.Hub.class})
final class BenchCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** One benchmark: runs and prints its figures on standard output; exit code 0 when it ran. */
  abstract static class Bench implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    abstract void run(PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
      run(spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code loaxa bench supervision}. */
  @Command(name = "supervision", mixinStandardHelpOptions = true,
      description = {"The on-air monitor on the PulseAudio null sinks: dead-air and outside-the-schedule detection delay",
          "against the configured times, and the monitor's CPU against the station idle without it; then the false",
          "alarms of a healthy station over two hours on a stepped clock, beside two control faults."})
  static final class Supervision extends Bench {
    @Option(names = "--rounds", defaultValue = "5", description = "Rounds of each detection (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--dead-air", defaultValue = "2", description = "Configured dead-air time, s (default ${DEFAULT-VALUE}).")
    int deadAir;

    @Option(names = "--outside", defaultValue = "5", description = "Configured outside-the-schedule time, s (default ${DEFAULT-VALUE}).")
    int outside;

    @Option(names = "--cpu-seconds", defaultValue = "30", description = "CPU measuring window, s (default ${DEFAULT-VALUE}).")
    int cpuSeconds;

    @Option(names = "--false-alarm-minutes", defaultValue = "120",
        description = "Station time of the healthy run counting false alarms, min (default ${DEFAULT-VALUE}).")
    int falseAlarmMinutes;

    @Option(names = "--false-alarms-only", description = "Only the healthy run on the stepped clock (no PulseAudio needed).")
    boolean falseAlarmsOnly;

    @Override
    void run(PrintWriter out) throws Exception {
      if (!falseAlarmsOnly) {
        new io.loaxa.bench.station.SupervisionBench(rounds, java.time.Duration.ofSeconds(deadAir),
            java.time.Duration.ofSeconds(outside), java.time.Duration.ofSeconds(cpuSeconds)).run(out);
      }
      io.loaxa.bench.station.FalseAlarmRun.print(new io.loaxa.bench.station.FalseAlarmRun(
          java.time.Duration.ofMinutes(falseAlarmMinutes), java.time.Duration.ofSeconds(deadAir),
          java.time.Duration.ofSeconds(outside)).run(), out);
    }
  }

  /** {@code loaxa bench schedule}. */
  @Command(name = "schedule", mixinStandardHelpOptions = true,
      description = {"Expand and conflict-check one year of a large commune's grid (60 hamlets, 300 rules by default):",
          "time, CPU time and peak heap, against lib-recur iterating the same rules."})
  static final class ScheduleBench extends Bench {
    @Option(names = "--zones", defaultValue = "60", description = "Hamlets (default ${DEFAULT-VALUE}).")
    int zones;

    @Option(names = "--rules", defaultValue = "300", description = "Airing rules (default ${DEFAULT-VALUE}).")
    int rules;

    @Option(names = "--rounds", defaultValue = "7", description = "Measured rounds; the median is shown (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    void run(PrintWriter out) {
      io.loaxa.bench.schedules.ExpansionBench.run(zones, rules, rounds, out);
    }
  }

  /** {@code loaxa bench start}. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {"Start error of scheduled airings on the default sound device (first sample written to the line",
          "minus the planned instant), daemon time-to-ready, idle RSS and time to stop; then the start error as",
          "heard on the sink's monitor against a sleep-then-paplay baseline, idle and with both cores busy."})
  static final class Start extends Bench {
    @Option(names = "--airings", defaultValue = "20", description = "How many scheduled airings (default ${DEFAULT-VALUE}).")
    int airings;

    @Option(names = "--monitor", defaultValue = "@DEFAULT_MONITOR@",
        description = "PulseAudio source that hears the output (default ${DEFAULT-VALUE}).")
    String monitor;

    @Override
    void run(PrintWriter out) throws Exception {
      new StartBench(airings).run(out);
      new StartAccuracyBench(airings, monitor, JavaSoundOutput.DEFAULT).run(out);
    }
  }

  /** {@code loaxa bench preempt}. */
  @Command(name = "preempt", mixinStandardHelpOptions = true,
      description = {"Emergency pre-emption latency as heard on the sink's monitor (asked for -> first emergency sample),",
          "against killing paplay and starting paplay on the emergency, idle and with both cores busy."})
  static final class Preempt extends Bench {
    @Option(names = "--trials", defaultValue = "10", description = "Pre-emptions per method and condition (default ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--monitor", defaultValue = "@DEFAULT_MONITOR@",
        description = "PulseAudio source that hears the output (default ${DEFAULT-VALUE}).")
    String monitor;

    @Override
    void run(PrintWriter out) throws Exception {
      new io.loaxa.bench.station.PreemptionBench(trials, monitor).run(out);
    }
  }

  /** {@code loaxa bench rebroadcast}. */
  @Command(name = "rebroadcast", mixinStandardHelpOptions = true,
      description = "CPU, memory and underruns of a long MP3 rebroadcast from a local stream, both cores busy.")
  static final class Rebroadcast extends Bench {
    @Option(names = "--minutes", defaultValue = "10", description = "Length of the rebroadcast (default ${DEFAULT-VALUE}).")
    long minutes;

    @Option(names = "--idle", description = "Leave the cores idle instead of keeping both busy.")
    boolean idle;

    @Override
    void run(PrintWriter out) throws Exception {
      new RebroadcastBench(java.time.Duration.ofMinutes(minutes), JavaSoundOutput.DEFAULT, !idle).run(out);
    }
  }

  /** {@code loaxa bench relays}. */
  @Command(name = "relays", mixinStandardHelpOptions = true,
      description = {"Time to switch and confirm 1, 8 and 16 zones on modbus-rtu at 9600 baud over a pty against a",
          "pymodbus slave, against the wire time of the same frames (needs socat and python3-pymodbus)."})
  static final class Relays extends Bench {
    @Option(names = "--rounds", defaultValue = "30", description = "Timed switch-ons per row (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    void run(PrintWriter out) throws Exception {
      try {
        SwitchingBench.run(out, rounds);
      } catch (IllegalStateException e) {
        throw new UserError(e.getMessage(), e);
      }
    }
  }

  /** {@code loaxa bench report}. */
  @Command(name = "report", mixinStandardHelpOptions = true,
      description = {"Time, peak heap and peak RSS of the log exports (csv, xlsx, pdf) and the year report (xlsx, pdf)",
          "over a generated year of a busy station, against the CSV export of the same rows."})
  static final class Report extends Bench {
    @Option(names = "--runs", defaultValue = "200000", description = "Airing runs in the year (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--heap", defaultValue = "128m", description = "Each phase's -Xmx (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep the files written, in DIR.")
    Optional<Path> keep = Optional.empty();

    @Option(names = "--warm", paramLabel = "N", defaultValue = "0",
        description = "Only the year report: one warm-up then N timed repetitions in the same JVM, median printed"
            + " beside the first (cold) one (default ${DEFAULT-VALUE}: every phase once, each in a fresh JVM).")
    int warm;

    @Option(names = "--data", paramLabel = "DIR",
        description = "A data directory to reuse: its year is generated there once and read again on later runs.")
    Optional<Path> data = Optional.empty();

    @Override
    void run(PrintWriter out) throws Exception {
      if (warm < 0 || warm > 1000) {
        throw new UserError("--warm: 0..1000, not " + warm);
      }
      new ReportBench(runs, heap, keep, warm, data).run(out);
    }
  }

  /** {@code loaxa bench hub}. */
  @Command(name = "hub", mixinStandardHelpOptions = true,
      description = {"The province hub on a private PostgreSQL and Mosquitto with simulated stations (one JVM): runs",
          "ingested per second, an emergency fanned out to every station (received and aired p50/p99), the year report",
          "over many runs against a hand-written psql aggregate, PostgreSQL size per million runs, the JVM's RSS."})
  static final class Hub extends Bench {
    @Option(names = "--stations", defaultValue = "200", description = "Simulated stations (default ${DEFAULT-VALUE}).")
    int stations;

    @Option(names = "--runs", defaultValue = "100", description = "Runs each station publishes (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--year-runs", defaultValue = "1500000", description = "Runs of the report's year (default ${DEFAULT-VALUE}).")
    int yearRuns;

    @Option(names = "--airing-ms", defaultValue = "2000", description = "Simulated airing of the emergency, ms (default ${DEFAULT-VALUE}).")
    int airingMs;

    @Override
    void run(PrintWriter out) throws Exception {
      if (stations < 1 || stations > 999 || runs < 1 || yearRuns < 1000) {
        throw new UserError("--stations 1..999, --runs at least 1, --year-runs at least 1000");
      }
      new io.loaxa.bench.hub.HubBench(stations, runs, yearRuns, java.time.Duration.ofMillis(airingMs)).run(out);
    }
  }

  /** {@code loaxa bench api}. */
  @Command(name = "api", mixinStandardHelpOptions = true,
      description = {"The HTTP API under load while the station airs: logged-in clients polling status and the log on",
          "loopback (requests/s, p50/p95/p99) and the start error heard on the sink's monitor of airings every 5 s, against",
          "the same airings with no clients; the year report as JSON, XLSX and PDF against the sqlite3 shell's scan; the",
          "RSS of an idle daemon with its API up."})
  static final class Api extends Bench {
    @Option(names = "--runs", defaultValue = "200000", description = "Airing runs in the year (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--clients", defaultValue = "50", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "How long they poll (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--monitor", defaultValue = "@DEFAULT_MONITOR@",
        description = "PulseAudio source that hears the output (default ${DEFAULT-VALUE}).")
    String monitor;

    @Override
    void run(PrintWriter out) throws Exception {
      try {
        new ApiBench(runs, clients, java.time.Duration.ofSeconds(seconds), monitor).run(out);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage(), e);
      }
    }
  }
}
