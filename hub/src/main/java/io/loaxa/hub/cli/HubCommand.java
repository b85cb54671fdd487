package io.loaxa.hub.cli;

import io.loaxa.devices.Pause;
import io.loaxa.hub.HubDaemon;
import io.loaxa.hub.config.HubConfig;
import io.loaxa.hub.config.HubConfigReader;
import io.loaxa.hub.signing.HubKeys;
import io.loaxa.scheduler.UserError;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.source.UnreadableFileException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loaxa hub}: the province hub's commands. */
@Command(name = "hub", mixinStandardHelpOptions = true,
    description = "Hệ thống nguồn thông tin cấp tỉnh — the province hub (PostgreSQL + MQTT).",
    subcommands = {HubCommand.Run.class, HubCommand.Keys.class})
public final class HubCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new HubCommand());
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof UserError) {
        line.getErr().println("loaxa hub: " + e.getMessage());
        return 1;
      }
      line.getErr().println("loaxa hub: lỗi bên trong (internal error): " + e);
      e.printStackTrace(line.getErr());
      return 2;
    });
    return cli.execute(args);
  }

  /** {@code loaxa hub run --config HUB.yaml}. */
  @Command(name = "run", mixinStandardHelpOptions = true, description = "Chạy hệ thống cấp tỉnh — run the province hub.")
  static final class Run implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "HUB.yaml", description = "the hub's configuration file")
    Path config;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      HubConfig c;
      try {
        c = HubConfigReader.read(config);
      } catch (UnreadableFileException e) {
        throw new UserError(e.getMessage());
      } catch (SourceException e) {
        for (Problem p : e.problems()) {
          err.println(p);
        }
        return 1;
      }
      HubDaemon hub = HubDaemon.start(c, Clock.systemUTC(), Pause.sleeping());
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        hub.close();
        stopped.countDown();
      }, "hub-stop"));
      stopped.await();
      return 0;
    }
  }

  /** {@code loaxa hub keys --out DIR}. */
  @Command(name = "keys", mixinStandardHelpOptions = true,
      description = "Tạo cặp khóa Ed25519 của hệ thống tỉnh — make the hub's Ed25519 key pair (hub.key, hub.pub).")
  static final class Keys implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for hub.key (0600) and hub.pub")
    Path out;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try {
        HubKeys.generate(out);
      } catch (FileAlreadyExistsException e) {
        throw new UserError("đã có khóa " + e.getFile() + "; không ghi đè (a key is already there; not overwritten)");
      }
      PrintWriter o = spec.commandLine().getOut();
      o.println("khóa riêng (private key, stays at the hub): " + out.resolve(HubKeys.PRIVATE));
      o.println("khóa công khai (public key, for every station's hub.hubKey): " + out.resolve(HubKeys.PUBLIC));
      return 0;
    }
  }
}
