package io.loaxa.scheduler.cli;

/**
 * Log lines: one line per event on stdout for the daemon (systemd's journal keeps them); only
 * warnings, on stderr, for one-shot commands whose stdout is their answer.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean daemon) {
    String prefix = "org.slf4j.simpleLogger.";
    setIfAbsent(prefix + "logFile", daemon ? "System.out" : "System.err");
    setIfAbsent(prefix + "defaultLogLevel", daemon ? "info" : "warn");
    setIfAbsent(prefix + "showDateTime", "true");
    setIfAbsent(prefix + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    setIfAbsent(prefix + "showThreadName", "false");
    setIfAbsent(prefix + "showShortLogName", "true");
    setIfAbsent(prefix + "levelInBrackets", "false");
    setIfAbsent(prefix + "log.org.quartz", "warn");
    setIfAbsent(prefix + "log.org.flywaydb", "warn");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
