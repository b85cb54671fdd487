package io.loaxa.scheduler.cli;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceContext;
import io.loaxa.devices.Driver;
import io.loaxa.devices.ProbeReport;
import io.loaxa.devices.RelayBoards;
import io.loaxa.scheduler.UserError;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loaxa relay}: relay boards on the bench, before they go in the station config. */
@Command(name = "relay", mixinStandardHelpOptions = true, description = "Bo rơ-le — relay boards on the bench.",
    subcommands = RelayCommand.Probe.class)
final class RelayCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The driver names picocli lists in the help. */
  static final class DriverNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Driver.names().iterator();
    }
  }

  /** {@code loaxa relay probe}: does the board answer, how many channels, can it read back. */
  @Command(name = "probe", mixinStandardHelpOptions = true,
      description = {"Does the board answer, how many channels does it have, can it read its relays back?",
          "Reads only: no relay is switched. Stop the daemon first if it uses this port."})
  static final class Probe implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--driver", required = true, paramLabel = "NAME", completionCandidates = DriverNames.class,
        description = "One of ${COMPLETION-CANDIDATES}.")
    String driver;

    @Option(names = "--port", paramLabel = "PATH", description = "The serial port, e.g. /dev/serial/by-id/usb-….")
    Optional<String> port = Optional.empty();

    @Option(names = "--unit", paramLabel = "N", description = "Modbus unit id (default 1).")
    Optional<Integer> unit = Optional.empty();

    @Option(names = "--baud", paramLabel = "B", description = "Baud rate (default 9600).")
    Optional<Integer> baud = Optional.empty();

    @Option(names = "--channels", paramLabel = "N", defaultValue = "8",
        description = "Channels the board should have (default ${DEFAULT-VALUE}; 2 for dtr-rts).")
    int channels;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "Any other driver option, e.g. parity=even.")
    Map<String, String> more = new LinkedHashMap<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Driver kind = Driver.named(driver).orElseThrow(() ->
          new UserError("unknown driver '" + driver + "'; known: " + String.join(", ", Driver.names())));
      Map<String, String> options = new LinkedHashMap<>(more);
      unit.ifPresent(u -> options.put("unit", Integer.toString(u)));
      baud.ifPresent(b -> options.put("baud", Integer.toString(b)));
      int count = kind == Driver.DTR_RTS && channels == 8 ? 2 : channels;
      BoardSpec spec;
      try {
        spec = new BoardSpec("probe", driver, port, count, options);
        RelayBoards.validate(spec);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage().replace("board probe: ", ""), e);
      }
      out.println("Bo rơ-le — relay board: " + driver + port.map(p -> " on " + p).orElse("")
          + (!kind.needsPort() ? "" : " (" + spec.serialSettings() + ")"));
      ProbeReport report = RelayBoards.probe(spec, DeviceContext.real(Clock.systemUTC()));
      boolean silentByDesign = !kind.replies();
      out.println("trả lời — answers:       " + (report.answered() ? "yes" : silentByDesign ? "never (this board has no replies)" : "NO"));
      out.println("số kênh — channels found: " + report.channelsFound().map(String::valueOf)
          .orElse("cannot be asked (configured " + count + ")"));
      out.println("đọc lại — read-back:     " + (report.readBack() ? "yes: switching is confirmed" : "no: switching is commanded, not confirmed"));
      out.println(report.detail());
      out.flush();
      if (!report.answered() && !silentByDesign) {
        throw new UserError("the board did not answer: check the port, wiring (A/B on RS-485), baud rate and unit id");
      }
      return 0;
    }
  }
}
