package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.accounts.AuditEntry;
import io.loaxa.scheduler.station.StationStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loaxa audit}: the audit log as CSV on standard output. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Nhật ký thao tác — every change, refusal and failed login, as CSV.")
final class AuditCommand implements Callable<Integer> {
  @Mixin
  StationOptions options;
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;
  @Option(names = "--from", description = "from this instant, e.g. 2026-12-01T00:00:00Z")
  Instant from = Instant.EPOCH;
  @Option(names = "--to", description = "up to this instant (default now)")
  Instant to;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Instant until = to == null ? Instant.now().plusSeconds(1) : to;
    try (StationStore store = StationStore.open(options.stationConfig(), options.dataDir())) {
      out.print("id,at,who,address,action,before,after,allowed\r\n");
      for (AuditEntry e : store.accounts().audit().between(from, until)) {
        out.print(e.id() + "," + e.at() + "," + q(e.who()) + "," + q(e.address()) + "," + q(e.action()) + ","
            + q(e.before()) + "," + q(e.after()) + "," + e.allowed() + "\r\n");
      }
    }
    out.flush();
    return 0;
  }

  private static String q(String s) {
    String t = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return "\"" + t.replace("\"", "\"\"") + "\"";
  }
}
