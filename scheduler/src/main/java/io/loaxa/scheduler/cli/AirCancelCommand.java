package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.station.Station;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loaxa air cancel KEY}: stops an announcement on air and cancels its repeats. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = {"Hủy — stop an announcement on air now and cancel its repeats; each is logged SKIPPED.",
        "KEY is what 'loaxa air' printed, e.g. khan-20261121-173000-1a2b."})
final class AirCancelCommand implements Callable<Integer> {
  @Mixin
  StationOptions options;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "KEY", description = "The announcement's key (the part before @).")
  String rule;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String key = rule.contains("@") ? rule.substring(0, rule.indexOf('@')) : rule;
    out.println(Station.control(options::stationConfig, options.dataDir()).cancel(key));
    return 0;
  }
}
