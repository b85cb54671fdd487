package io.loaxa.scheduler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.Integration;
import io.loaxa.testkit.PeerOnPty;
import io.loaxa.testkit.Tools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loaxa alert test} against the scripted GSM modem and a local SMTP server. */
@Integration
class AlertTestCommandTest {
  @TempDir
  Path dir;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Path config(String modemPort, int smtpPort) throws Exception {
    return config(modemPort, smtpPort, "");
  }

  private Path config(String modemPort, int smtpPort, String login) throws Exception {
    Path file = dir.resolve("station.yaml");
    Files.writeString(file, """
        station: { name: "Đài xã Thử", timeZone: Asia/Ho_Chi_Minh }
        boards: [ { key: tu-chinh, driver: simulated, channels: 8 } ]
        zones:
          - { key: ap-1, name: "Ấp 1", board: tu-chinh, channel: 1 }
        alerts:
          sms: { port: "%s", baud: 115200 }
          email: { host: 127.0.0.1, port: %d, from: dai@xathu.vn, tls: none%s }
          recipients:
            - { name: "Chị Lan", phone: "+84912345678", email: lan@xathu.vn }
        """.formatted(modemPort, smtpPort, login));
    return file;
  }

  @Test
  void aTestMessageGoesOutOnEveryChannelAndEachSaysWhatHappened() throws Exception {
    Tools.requirePython("aiosmtpd");
    Path script = dir.resolve("smtp_sink.py");
    try (var in = getClass().getResourceAsStream("/io/loaxa/scheduler/mail/smtp_sink.py")) {
      Files.write(script, in.readAllBytes());
    }
    int port = freePort();
    Path mail = dir.resolve("mail.jsonl");
    Process server = new ProcessBuilder(Tools.PYTHON, script.toString(), Integer.toString(port), mail.toString())
        .redirectError(dir.resolve("smtp.log").toFile()).start();
    try (PeerOnPty modem = PeerOnPty.gsmModem()) {
      BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", r.readLine());
      CliRun run = CliRun.loaxa("alert", "test", "--config", config(modem.port(), port).toString(), "--data",
          dir.resolve("data").toString());
      assertEquals(0, run.code(), run.out() + run.err());
      assertTrue(run.out().contains("sms: OK đã gửi tới / sent to +84912345678"), run.out());
      assertTrue(run.out().contains("email: OK đã gửi tới / sent to lan@xathu.vn: 250"), run.out());
      assertEquals("sent 1", modem.ask("sent").strip());
      assertTrue(Files.readString(mail).contains("Thử cảnh báo"), Files.readString(mail));
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /** Runs {@code loaxa alert test} against a local SMTP server that wants the login dai / mật-khẩu. */
  private CliRun testWithLogin(String login, Path mail) throws Exception {
    Tools.requirePython("aiosmtpd");
    Path script = dir.resolve("smtp_sink.py");
    try (var in = getClass().getResourceAsStream("/io/loaxa/scheduler/mail/smtp_sink.py")) {
      Files.write(script, in.readAllBytes());
    }
    int port = freePort();
    Process server = new ProcessBuilder(Tools.PYTHON, script.toString(), Integer.toString(port), mail.toString(),
        "dai", "mật-khẩu").redirectError(dir.resolve("smtp.log").toFile()).start();
    try (PeerOnPty modem = PeerOnPty.gsmModem()) {
      BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", r.readLine());
      return CliRun.loaxa("alert", "test", "--config", config(modem.port(), port, login).toString(), "--data",
          dir.resolve("data").toString());
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void theMailServerLoginTakesItsPasswordFromTheOwnerOnlyPasswordFile() throws Exception {
    Path secret = Files.writeString(dir.resolve("smtp-password"), "mật-khẩu\n");
    Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Path mail = dir.resolve("mail.jsonl");
    CliRun run = testWithLogin(", user: dai, passwordFile: " + secret, mail);
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("email: OK đã gửi tới / sent to lan@xathu.vn: 250"), run.out());
    assertTrue(Files.readString(mail).contains("\"login\": true"), Files.readString(mail));
    assertTrue(!run.err().contains("alerts.email.password:"), "no warning for a password in its file: " + run.err());
    assertTrue(!(run.out() + run.err()).contains("mật-khẩu"), "the password is never printed");
  }

  @Test
  void aWrongPasswordInTheFileIsTheServersRefusalAndNothingIsDelivered() throws Exception {
    Path secret = Files.writeString(dir.resolve("smtp-password"), "sai\n");
    Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Path mail = dir.resolve("mail.jsonl");
    CliRun run = testWithLogin(", user: dai, passwordFile: " + secret, mail);
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("email: LỖI / FAILED SMTP 127.0.0.1:"), run.out());
    assertTrue(Files.notExists(mail), "nothing delivered");
  }

  @Test
  void anInlinePasswordStillLogsInAndIsWarnedAboutInTheLog() throws Exception {
    Path mail = dir.resolve("mail.jsonl");
    CliRun run = testWithLogin(", user: dai, password: \"mật-khẩu\"", mail);
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(Files.readString(mail).contains("\"login\": true"), Files.readString(mail));
    assertTrue(run.err().contains("WARN") && run.err().contains("alerts.email.password: the SMTP password is written"
        + " in the station config"), run.err());
    assertTrue(run.err().contains("passwordFile: /etc/loaxa/smtp-password"), run.err());
  }

  @Test
  void aPasswordFileOthersCanReadStopsTheCommandWithTheFileAndField() throws Exception {
    Path secret = Files.writeString(dir.resolve("smtp-password"), "mật-khẩu\n");
    Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    try (PeerOnPty modem = PeerOnPty.gsmModem()) {
      Path config = config(modem.port(), freePort(), ", user: dai, passwordFile: " + secret);
      CliRun run = CliRun.loaxa("alert", "test", "--config", config.toString());
      assertEquals(1, run.code(), run.out() + run.err());
      assertTrue((run.out() + run.err()).contains(config + ":7:"), run.out() + run.err());
      assertTrue((run.out() + run.err()).contains("alerts.email.passwordFile: " + secret
          + " để tài khoản khác đọc được (quyền rw-r--r--); hãy để chỉ loaxa đọc nó: chmod 600 " + secret
          + " (alerts.email.passwordFile: " + secret + " may be read by other accounts [mode rw-r--r--]; let only loaxa read"
          + " it: chmod 600"), run.out() + run.err());
      assertTrue(!(run.out() + run.err()).contains("mật-khẩu"), "the password is never printed");
    }
  }

  @Test
  void theTestGoesToTheRecipientsSavedOnTheAlertsPage() throws Exception {
    try (io.loaxa.scheduler.sqlite.Database db = io.loaxa.scheduler.sqlite.Database.open(dir.resolve("data"))) {
      new io.loaxa.scheduler.sqlite.SqliteAlertSettings(db).save(new io.loaxa.scheduler.supervision.AlertSettings.Saved(
          new io.loaxa.scheduler.supervision.AlertSettings.Choice(List.of(new io.loaxa.scheduler.supervision.AlertSettings
              .Recipient("Anh Tâm", java.util.Optional.empty(), java.util.Optional.of("tam@xathu.vn"), java.util.Set.of())),
              java.util.Optional.empty()), "admin", java.time.Instant.parse("2026-12-07T09:00:00Z")));
    }
    Path mail = dir.resolve("mail.jsonl");
    CliRun run = testWithLogin(", user: dai, password: \"mật-khẩu\"", mail);
    assertEquals(1, run.code(), "no SMS recipient is left: " + run.out() + run.err());
    assertTrue(run.out().contains("email: OK đã gửi tới / sent to tam@xathu.vn: 250"), run.out());
    assertTrue(Files.readString(mail).contains("\"to\": [\"tam@xathu.vn\"]"), Files.readString(mail));
  }

  @Test
  void aChannelThatFailsIsNamedWithItsErrorAndTheCommandExitsOne() throws Exception {
    try (PeerOnPty modem = PeerOnPty.gsmModem()) {
      int port = freePort();
      CliRun run = CliRun.loaxa("alert", "test", "--config", config(modem.port(), port).toString());
      assertEquals(1, run.code(), run.out() + run.err());
      assertTrue(run.out().contains("sms: OK"), run.out());
      assertTrue(run.out().contains("email: LỖI / FAILED SMTP 127.0.0.1:" + port), run.out());
    }
  }
}
