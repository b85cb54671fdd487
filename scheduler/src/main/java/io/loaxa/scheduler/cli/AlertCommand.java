package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.station.Station;
import io.loaxa.schedules.source.SourceException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code loaxa alert test}: a test message on every configured alert channel, and what each answered. */
@Command(name = "alert", mixinStandardHelpOptions = true,
    description = "Cảnh báo — the station's alert channels (SMS, e-mail).",
    subcommands = AlertCommand.Test.class)
final class AlertCommand {
  @Command(name = "test", mixinStandardHelpOptions = true,
      description = {"Gửi tin thử trên mọi kênh cảnh báo — sends a test message on every channel of the alerts: block",
          "to its recipients (those saved on the alerts page, if any) and says per channel what happened. Exit 1 if a channel failed or none is configured."})
  static final class Test implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StationOptions options;

    @Override
    public Integer call() throws SourceException {
      StationConfig config = options.stationConfig();
      Map<String, Station.AlertTest> results = Station.testAlerts(config, options.dataDir());
      if (results.isEmpty()) {
        throw new UserError("chưa cấu hình kênh cảnh báo nào (alerts: sms hoặc email) / no alert channel is configured "
            + "(write an alerts: block with sms: or email:)");
      }
      PrintWriter out = spec.commandLine().getOut();
      boolean allSent = true;
      for (Map.Entry<String, Station.AlertTest> r : results.entrySet()) {
        out.println(r.getKey() + ": " + (r.getValue().sent() ? "OK " : "LỖI / FAILED ") + r.getValue().what());
        allSent &= r.getValue().sent();
      }
      out.flush();
      return allSent ? 0 : 1;
    }
  }
}
