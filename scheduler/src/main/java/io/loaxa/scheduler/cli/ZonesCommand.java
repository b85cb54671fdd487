package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.StationControl;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
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

    abstract String ask(StationControl control) throws Exception;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      StationControl control = Station.control(options::stationConfig, options.dataDir());
      control.daemonPid().ifPresent(pid -> out.println("Qua đài đang chạy (pid " + pid + ") — through the running daemon"));
      out.print(ask(control));
      out.flush();
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "What each board reports for every hamlet line and the amplifier; switches nothing.")
  static final class Status extends Action {
    @Override
    String ask(StationControl control) throws Exception {
      return control.zonesStatus();
    }
  }

  @Command(name = "on", mixinStandardHelpOptions = true,
      description = {"Amplifier and these hamlet lines on, and left on after the command returns (a line test),",
          "until 'zones off', 'zones all-off' or the daemon's next start. 'all' for every zone."})
  static final class On extends Action {
    @Parameters(paramLabel = "ZONE", arity = "1..*", description = "Zone keys, or 'all'.")
    List<String> zones;

    @Override
    String ask(StationControl control) throws Exception {
      return control.zonesOn(zones);
    }
  }

  @Command(name = "off", mixinStandardHelpOptions = true,
      description = "These hamlet lines off; the amplifier too once no zone is on. 'all' for every zone.")
  static final class Off extends Action {
    @Parameters(paramLabel = "ZONE", arity = "1..*", description = "Zone keys, or 'all'.")
    List<String> zones;

    @Override
    String ask(StationControl control) throws Exception {
      return control.zonesOff(zones);
    }
  }

  @Command(name = "all-off", mixinStandardHelpOptions = true,
      description = "Every relay on every board released, the amplifier last.")
  static final class AllOff extends Action {
    @Override
    String ask(StationControl control) throws Exception {
      return control.allOff();
    }
  }
}
