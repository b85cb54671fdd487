package io.loaxa.bench;

import io.loaxa.scheduler.UserError;
import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code loaxa bench …}: the launcher hands these command lines to the bench jar. */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    int code;
    try {
      code = execute(args);
    } catch (Throwable t) {
      System.err.println("loaxa bench: internal error: " + t);
      t.printStackTrace();
      code = 2;
    }
    System.exit(code);
  }

  /** Runs one benchmark command line; returns the exit code (0 ran, 1 a user error, 2 an internal error). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setCommandName("loaxa bench");
    cli.setParameterExceptionHandler((e, a) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("loaxa bench: " + e.getMessage());
      err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return 1;
    });
    cli.setExecutionExceptionHandler((e, c, parsed) -> {
      PrintWriter err = c.getErr();
      if (e instanceof UserError) {
        err.println("loaxa bench: " + e.getMessage());
        return 1;
      }
      err.println("loaxa bench: internal error: " + e);
      e.printStackTrace(err);
      return 2;
    });
    return cli.execute(args);
  }
}
