package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.StoreException;
import io.loaxa.schedules.source.SourceException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code loaxa}: broadcast automation for a commune radio station. */
@Command(
    name = "loaxa",
    mixinStandardHelpOptions = true,
    versionProvider = Loaxa.Version.class,
    description = {"Tự động phát thanh cho đài truyền thanh xã — broadcast automation for a commune radio station.",
        "Global options: --config STATION.yaml (default: the built-in demo station), --data DIR or LOAXA_DATA (default ./data).",
        "Benchmarks (đo hiệu năng) run from a checkout: ./loaxa bench --help."},
    subcommands = {
        CommandLine.HelpCommand.class,
        RunCommand.class,
        AirCommand.class,
        ZonesCommand.class,
        RelayCommand.class,
        LogCommand.class,
        ReportCommand.class,
        DoctorCommand.class,
        ScheduleCommand.class,
        TtsCommand.class,
        CalendarCommand.class,
        UserCommand.class,
        AuditCommand.class,
        AlertCommand.class,
        SetupCommand.class,
    })
public final class Loaxa implements Runnable {
  public static final int USER_ERROR = 1;
  public static final int INTERNAL_ERROR = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    Logging.configure(args.length > 0 && args[0].equals("run"));
    int code;
    try {
      code = execute(args);
    } catch (Throwable t) {
      // an Error escapes picocli's handlers; exit anyway so no background thread keeps a broken process alive
      System.err.println(FaultLog.line(FaultLog.record(t, java.util.Optional.empty())));
      code = INTERNAL_ERROR;
    }
    System.exit(code);
  }

  /** Runs one command line; returns the exit code. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Loaxa());
    cli.setParameterExceptionHandler((e, a) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("loaxa: " + e.getMessage());
      err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return USER_ERROR;
    });
    cli.setExecutionExceptionHandler((e, c, parsed) -> {
      PrintWriter err = c.getErr();
      if (e instanceof UserError || e instanceof SourceException) {
        err.println("loaxa: " + e.getMessage());
        return USER_ERROR;
      }
      if (e instanceof StoreException) {
        err.println("loaxa: " + e.getMessage());
        return INTERNAL_ERROR;
      }
      err.println(FaultLog.line(FaultLog.record(e, java.util.Optional.ofNullable(parsed))));
      return INTERNAL_ERROR;
    });
    return cli.execute(args);
  }

  /** The version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Loaxa.class.getPackage().getImplementationVersion();
      return new String[] {"loaxa " + (v == null ? "(development build)" : v)};
    }
  }
}
