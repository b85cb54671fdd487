package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.config.AlertsConfig;
import io.loaxa.testkit.Tools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The web UI's test station with alert channels: e-mail to a local SMTP server (aiosmtpd, which
 * wants the login dai / {@link #SMTP_PASSWORD} and writes what arrives to {@link #mail}), and an SMS
 * modem on a port nobody answers on; Chị Lan (lan@xathu.vn) told of every kind, repeat 2 h.
 */
final class AlertStation implements AutoCloseable {
  static final String SMTP_PASSWORD = "bi-mat-thu-1";
  final WebUiStation station;
  final Path mail;
  final Path modemPort;
  private final Process smtp;

  AlertStation(Path data, Path dir, String... accounts) throws Exception {
    Tools.requirePython("aiosmtpd");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path script = dir.resolve("smtp_sink.py");
    try (var in = AlertStation.class.getResourceAsStream("/io/loaxa/scheduler/mail/smtp_sink.py")) {
      Files.write(script, in.readAllBytes());
    }
    mail = dir.resolve("mail.jsonl");
    modemPort = dir.resolve("no-modem");
    smtp = new ProcessBuilder(Tools.PYTHON, script.toString(), Integer.toString(port), mail.toString(), "dai",
        SMTP_PASSWORD).redirectError(dir.resolve("smtp.log").toFile()).start();
    BufferedReader r = new BufferedReader(new InputStreamReader(smtp.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", r.readLine(), "the SMTP server did not start: " + Files.readString(dir.resolve("smtp.log")));
    AlertsConfig alerts = new AlertsConfig(
        Optional.of(new AlertsConfig.Sms(modemPort.toString(), 115_200, Optional.empty(), false)),
        Optional.of(new AlertsConfig.Email("127.0.0.1", port, Optional.of("dai"), Optional.of(SMTP_PASSWORD),
            "dai@xathu.vn", AlertsConfig.Tls.NONE, Optional.empty())),
        List.of(new AlertsConfig.Recipient("Chị Lan", Optional.empty(), Optional.of("lan@xathu.vn"), Set.of())),
        Optional.of(Duration.ofHours(2)), AlertsConfig.DEFAULT_CCHC_BY_DAY, AlertsConfig.DEFAULT_DISK_MIN_FREE_MB);
    station = new WebUiStation(data, TestStations.config(Duration.ZERO).withAlerts(alerts), accounts);
  }

  /** The messages the SMTP server took, one JSON line each. */
  List<String> mails() throws Exception {
    return Files.exists(mail) ? Files.readAllLines(mail, StandardCharsets.UTF_8) : List.of();
  }

  @Override
  public void close() throws Exception {
    try {
      station.close();
    } finally {
      smtp.getOutputStream().close();
      if (!smtp.waitFor(10, TimeUnit.SECONDS)) {
        smtp.destroyForcibly();
      }
    }
  }
}
