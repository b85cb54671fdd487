package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.AirRequest;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.StationControl;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loaxa air}: air something now, through the same runner as a scheduled airing. */
@Command(name = "air", mixinStandardHelpOptions = true, subcommands = AirCancelCommand.class,
    description = {"Phát ngay — air a file, a text or a programme now, switched and logged like a scheduled airing.",
        "Emergencies (--priority emergency) cut off whatever airs and can repeat (--repeat-every 30m --count 4).",
        "Goes through the running daemon when one runs on the data folder; in this process otherwise."})
final class AirCommand implements Callable<Integer> {
  @Mixin
  StationOptions options;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  static final class What {
    @Option(names = "--file", paramLabel = "AUDIO", description = "An audio file (WAV, MP3, Ogg Vorbis or FLAC).")
    Optional<String> file = Optional.empty();

    @Option(names = "--text", paramLabel = "TEXT",
        description = "Thông báo — words to read aloud with the station's speech (Vietnamese).")
    Optional<String> text = Optional.empty();

    @Option(names = "--programme", paramLabel = "KEY", description = "A programme of the schedule.")
    Optional<String> programme = Optional.empty();

    @Option(names = "--rebroadcast", paramLabel = "URL",
        description = "Tiếp âm — relay an HTTP/Icecast MP3 stream live for --length.")
    Optional<String> rebroadcast = Optional.empty();
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  What what;

  @Option(names = "--repeat-every", paramLabel = "D",
      description = "Lặp lại — air again every D (30m, 1h); with --count N (airings in all) or --until HH:MM; "
          + "neither: until 'loaxa air cancel', at most 48 h.")
  Optional<String> every = Optional.empty();

  @Option(names = "--count", paramLabel = "N", description = "With --repeat-every: how many airings in all.")
  Optional<String> count = Optional.empty();

  @Option(names = "--until", paramLabel = "HH:MM|DATE-TIME",
      description = "With --repeat-every: the last airing at or before this time (today, or 2026-11-22T06:00).")
  Optional<String> until = Optional.empty();

  @Option(names = "--zones", paramLabel = "K,K|all", defaultValue = "all",
      description = "Hamlets to switch: 'all' or zone keys separated by commas (default: ${DEFAULT-VALUE}).")
  String zones;

  @Option(names = "--length", paramLabel = "D", description = "How long a rebroadcast airs: 30m, 90s, 1h30m or PT30M.")
  Optional<String> length = Optional.empty();

  @Option(names = "--at", paramLabel = "HH:MM[:SS]",
      description = "Air at this time today (station time) instead of now; the first sample is heard on that second.")
  Optional<String> at = Optional.empty();

  @Option(names = "--priority", paramLabel = "P", defaultValue = "normal",
      description = "normal, priority or emergency (default: ${DEFAULT-VALUE}).")
  String priority;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (what == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "say what to air: --file, --text, --programme or --rebroadcast (or: loaxa air cancel KEY)");
    }
    AirRequest request = new AirRequest(
        what.file.map(f -> java.nio.file.Path.of(f).toAbsolutePath().toString()), what.programme, zones, priority, at,
        what.rebroadcast, length, what.text, every, count, until);
    StationControl control = Station.control(options::stationConfig, options.dataDir());
    control.daemonPid().ifPresent(pid -> {
      out.println("Gửi tới đài đang chạy (pid " + pid + ") — airing through the running daemon…");
      out.flush();
    });
    String outcome = control.air(request, line -> {
      out.println(line);
      out.flush();
    });
    out.println("Kết quả — outcome: " + outcome);
    return outcome.endsWith(" COMPLETED") || outcome.endsWith(" PARTIAL") ? 0 : Loaxa.INTERNAL_ERROR;
  }
}
