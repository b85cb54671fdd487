package io.loaxa.scheduler.cli;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SoundOutput;
import io.loaxa.scheduler.planning.Daemon;
import io.loaxa.scheduler.station.DemoStation;
import io.loaxa.scheduler.planning.SchedulePlanner;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.quartz.QuartzAiringTriggers;
import io.loaxa.scheduler.web.ControlFile;
import io.loaxa.scheduler.web.ControlServer;
import io.loaxa.schedules.PlannedAiring;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.loaxa.scheduler.ServiceSupervisor;
import io.loaxa.scheduler.systemd.SystemdNotify;
import io.loaxa.scheduler.systemd.TimedatectlSync;
import io.loaxa.scheduler.planning.ClockTrust;
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
    var running = ControlFile.running(options.dataDir());
    if (running.isPresent()) {
      throw new UserError("a loaxa daemon already runs on " + options.dataDir() + " (pid " + running.get().pid() + ")");
    }
    Station station = Station.assemble(config, options.dataDir());
    Daemon daemon = new Daemon(station, new QuartzAiringTriggers(station.runner(), config.name()),
        new ClockTrust(station.log()::latest, new TimedatectlSync(), false));
    CountDownLatch stopped = new CountDownLatch(1);
    ControlServer[] control = new ControlServer[1];
    ServiceSupervisor supervisor = SystemdNotify.fromEnvironment(System.getenv()).orElse(ServiceSupervisor.NONE);
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "watchdog");
      t.setDaemon(true);
      return t;
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      supervisor.stopping();
      watchdog.shutdownNow();
      if (control[0] != null) {
        control[0].close();
      }
      daemon.close();
      station.close();
      stopped.countDown();
    }, "shutdown"));
    LOG.info("starting {} with data in {}", config.name(), options.dataDir());
    checkSound(station);
    if (config.builtInDemo()) {
      DemoStation.seed(station);
    }
    daemon.planFrom(new SchedulePlanner(station));
    daemon.start();
    control[0] = ControlServer.start(station, daemon);
    printUpcoming(daemon.upcoming(5), config);
    boolean[] unhealthy = {false};
    SystemdNotify.watchdogInterval(System.getenv()).ifPresent(every -> watchdog.scheduleAtFixedRate(() -> {
      if (daemon.healthy()) {
        if (unhealthy[0]) {
          unhealthy[0] = false;
          LOG.info("the scheduler is healthy again; watchdog pings resume");
        }
        supervisor.alive();
      } else if (!unhealthy[0]) {
        unhealthy[0] = true;
        LOG.error("the scheduler is not healthy; withholding the watchdog ping so systemd restarts the station");
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS));
    supervisor.ready("on air: " + config.name());
    long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    LOG.info("ready in {} ms", readyMillis);
    stopped.await();
    return 0;
  }

  private void checkSound(Station station) {
    try (SoundOutput.OpenLine line = station.sound().open(PcmFormat.STATION)) {
      LOG.info("sound output '{}' is usable", station.sound().name());
    } catch (AudioException e) {
      LOG.error("{} — airings will be logged FAILED until a sound device is present", e.getMessage());
    }
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
