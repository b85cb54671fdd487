package io.loaxa.scheduler.cli;

import io.loaxa.devices.Switchboard;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.station.SystemPause;
import io.loaxa.scheduler.airing.ZoneControl;
import io.loaxa.scheduler.web.DaemonClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loaxa zones}: hamlet lines by hand. Through the running daemon when one runs on the data
 * folder (it owns the serial ports), directly on the boards otherwise.
 */
@Command(name = "zones", mixinStandardHelpOptions = true,
    description = {"Loa các thôn — see and switch hamlet lines by hand (the installer's line test).",
        "Goes through the running daemon when one runs on the data folder; directly to the boards otherwise."},
    subcommands = {ZonesCommand.Status.class, ZonesCommand.On.class, ZonesCommand.Off.class, ZonesCommand.AllOff.class})
final class ZonesCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs one action through the daemon's control API or on a switchboard opened here. */
  abstract static class Action implements Callable<Integer> {
    @Mixin
    StationOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The control API call: GET path when form is empty, else POST /api/zones. */
    abstract Map<String, String> form();

    abstract String direct(ZoneControl control);

    /** Whether the lines this command switched must stay as they are when it exits. */
    boolean leaveAsItIs() {
      return true;
    }

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Optional<DaemonClient> daemon = DaemonClient.forRunning(options.dataDir());
      String answer;
      if (daemon.isPresent()) {
        out.println("Qua đài đang chạy (pid " + daemon.get().pid() + ") — through the running daemon");
        Map<String, String> form = form();
        answer = form.isEmpty() ? daemon.get().get("/api/zones/status")
            : daemon.get().post("/api/zones", form, Duration.ofMinutes(2));
      } else {
        answer = onBoards(this::direct);
      }
      out.print(answer);
      out.flush();
      return 0;
    }

    private String onBoards(Function<ZoneControl, String> action) throws Exception {
      StationConfig config = options.stationConfig();
      Clock clock = Clock.systemUTC();
      Switchboard switchboard = Station.switchboard(config, clock, new SystemPause(clock));
      try {
        return action.apply(new ZoneControl(switchboard, config));
      } finally {
        if (leaveAsItIs()) {
          switchboard.detach();
        } else {
          switchboard.close();
        }
      }
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "What each board reports for every hamlet line and the amplifier; switches nothing.")
  static final class Status extends Action {
    @Override
    Map<String, String> form() {
      return Map.of();
    }

    @Override
    String direct(ZoneControl control) {
      return control.status();
    }
  }

  @Command(name = "on", mixinStandardHelpOptions = true,
      description = {"Amplifier and these hamlet lines on, and left on after the command returns (a line test),",
          "until 'zones off', 'zones all-off' or the daemon's next start. 'all' for every zone."})
  static final class On extends Action {
    @Parameters(paramLabel = "ZONE", arity = "1..*", description = "Zone keys, or 'all'.")
    List<String> zones;

    @Override
    Map<String, String> form() {
      return Map.of("action", "on", "zones", String.join(",", zones));
    }

    @Override
    String direct(ZoneControl control) {
      return control.on(zones);
    }
  }

  @Command(name = "off", mixinStandardHelpOptions = true,
      description = "These hamlet lines off; the amplifier too once no zone is on. 'all' for every zone.")
  static final class Off extends Action {
    @Parameters(paramLabel = "ZONE", arity = "1..*", description = "Zone keys, or 'all'.")
    List<String> zones;

    @Override
    Map<String, String> form() {
      return Map.of("action", "off", "zones", String.join(",", zones));
    }

    @Override
    String direct(ZoneControl control) {
      return control.off(zones);
    }
  }

  @Command(name = "all-off", mixinStandardHelpOptions = true,
      description = "Every relay on every board released, the amplifier last.")
  static final class AllOff extends Action {
    @Override
    Map<String, String> form() {
      return Map.of("action", "all-off");
    }

    @Override
    String direct(ZoneControl control) {
      return control.allOff();
    }

    @Override
    boolean leaveAsItIs() {
      return false;
    }
  }
}
