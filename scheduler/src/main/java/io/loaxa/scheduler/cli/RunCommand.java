package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.station.StationDaemon;
import io.loaxa.schedules.PlannedAiring;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code loaxa run}: the station daemon. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Chạy đài — run the station daemon until Ctrl-C or SIGTERM.",
        "Without --config: the built-in demo station (simulated relay board, 4 hamlets, a greeting within the first minute)."})
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Mixin
  StationOptions options;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    StationConfig config = options.stationConfig();
    StationDaemon daemon = StationDaemon.assemble(config, options.dataDir());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      daemon.close();
      stopped.countDown();
    }, "shutdown"));
    daemon.start();
    printUpcoming(daemon.upcoming(5), config);
    daemon.ready();
    long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    LOG.info("ready in {} ms", readyMillis);
    stopped.await();
    return 0;
  }

  private void printUpcoming(List<PlannedAiring> upcoming, StationConfig config) {
    PrintWriter out = spec.commandLine().getOut();
    if (upcoming.isEmpty()) {
      out.println("Lịch phát: nothing planned in the next " + Daemon.HORIZON.toHours() + " h.");
    } else {
      out.println("Lịch phát sắp tới — next planned airings (" + config.timeZone() + "):");
      for (PlannedAiring a : upcoming) {
        out.printf("  %s  %-24s zones %s  %s%n", LOCAL.format(LocalDateTime.ofInstant(a.startsAt(), config.timeZone())),
            a.programme(), a.zones(), a.priority());
      }
    }
    out.println("Ctrl-C stops the station (every relay off).");
    out.flush();
  }

}
