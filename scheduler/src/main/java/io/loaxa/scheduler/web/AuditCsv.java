package io.loaxa.scheduler.web;

import io.loaxa.scheduler.accounts.AuditEntry;
import java.util.List;

/** The audit log as CSV (RFC 4180, a header row), for export. */
final class AuditCsv {
  private AuditCsv() {}

  static String write(List<AuditEntry> entries) {
    StringBuilder out = new StringBuilder("id,at,who,address,action,before,after,allowed\r\n");
    for (AuditEntry e : entries) {
      out.append(e.id()).append(',').append(e.at()).append(',').append(q(e.who())).append(',').append(q(e.address()))
          .append(',').append(q(e.action())).append(',').append(q(e.before())).append(',').append(q(e.after()))
          .append(',').append(e.allowed()).append("\r\n");
    }
    return out.toString();
  }

  private static String q(String s) {
    // a leading = + - @ would be a formula in a spreadsheet
    String t = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return "\"" + t.replace("\"", "\"\"") + "\"";
  }
}
