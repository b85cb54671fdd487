package io.loaxa.scheduler.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.supervision.AlertException;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.Tools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E-mail alerts against a real SMTP server on loopback (aiosmtpd), which decodes what arrived. */
@Integration
class SmtpAlertChannelTest {
  private static final String SUBJECT = "[Đài truyền thanh xã Tân Hưng] Sự cố: Mất tiếng trên loa khi đang phát (ấp 1)";
  private static final String BODY = "Sự cố: Mất tiếng trên loa khi đang phát – ấp 1\nBắt đầu: 18:15:04 07/12/2026\n"
      + "Bản tin CCHC không được nghe ở thôn Đông";
  @TempDir
  Path dir;
  private Process server;
  private int port;

  private Path start(String... args) throws Exception {
    return startWith(List.of(), args);
  }

  private Path startWith(List<String> tls, String... login) throws Exception {
    Tools.requirePython("aiosmtpd");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path script = dir.resolve("smtp_sink.py");
    try (var in = getClass().getResourceAsStream("smtp_sink.py")) {
      Files.write(script, in.readAllBytes());
    }
    Path out = dir.resolve("mail.jsonl");
    List<String> cmd = new ArrayList<>(List.of(Tools.PYTHON, script.toString()));
    cmd.addAll(tls);
    cmd.addAll(List.of(Integer.toString(port), out.toString()));
    cmd.addAll(List.of(login));
    server = new ProcessBuilder(cmd).redirectError(dir.resolve("smtp.log").toFile()).start();
    BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", r.readLine(), "the SMTP server did not start: " + Files.readString(dir.resolve("smtp.log")));
    return out;
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.getOutputStream().close();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private SmtpAlertChannel channel(Optional<String> user, Optional<String> password) {
    return new SmtpAlertChannel(new SmtpAlertChannel.Settings("127.0.0.1", port, user, password, "dai@tanhung.gov.vn",
        SmtpAlertChannel.Tls.NONE, Duration.ofSeconds(5)), Clock.systemUTC());
  }

  @Test
  void anAlertArrivesWithItsVietnameseSubjectAndBodyWhole() throws Exception {
    Path out = start("dai", "mật-khẩu");
    String reply = channel(Optional.of("dai"), Optional.of("mật-khẩu")).send(List.of("vhxh@tanhung.gov.vn", "ct@tanhung.gov.vn"), SUBJECT, BODY);
    assertTrue(reply.startsWith("250"), reply);
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(1, lines.size());
    String m = lines.get(0);
    assertTrue(m.contains("\"subject\": \"" + SUBJECT + "\""), m);
    assertTrue(m.contains("Bản tin CCHC không được nghe ở thôn Đông"), m);
    assertTrue(m.contains("\"to\": [\"vhxh@tanhung.gov.vn\", \"ct@tanhung.gov.vn\"]"), m);
    assertTrue(m.contains("\"from\": \"dai@tanhung.gov.vn\""), m);
    assertTrue(m.contains("\"login\": true"), m);
  }

  @Test
  void aRefusedLoginIsAnAlertExceptionAndNothingIsDelivered() throws Exception {
    Path out = start("dai", "đúng");
    AlertException e = assertThrows(AlertException.class,
        () -> channel(Optional.of("dai"), Optional.of("sai")).send(List.of("vhxh@tanhung.gov.vn"), SUBJECT, BODY));
    assertTrue(e.getMessage().startsWith("SMTP 127.0.0.1:" + port), e.getMessage());
    assertTrue(Files.notExists(out), "nothing delivered");
  }

  @Test
  void noServerListeningIsAnAlertExceptionNamingTheServer() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    AlertException e = assertThrows(AlertException.class,
        () -> channel(Optional.empty(), Optional.empty()).send(List.of("vhxh@tanhung.gov.vn"), SUBJECT, BODY));
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
  }

  /** Runs openssl in {@code dir}; fails the test with its words when it refuses. */
  private void openssl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "openssl " + String.join(" ", args) + ": " + said);
  }

  /** A certificate authority of the test's own: {@code NAME.pem} and {@code NAME.key}. */
  private Path authority(String name) throws Exception {
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".pem", "-days", "2",
        "-subj", "/CN=" + name, "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    return dir.resolve(name + ".pem");
  }

  /** A server certificate for {@code names} (subjectAltName entries) signed by {@code ca}: {@code NAME.pem}, {@code NAME.key}. */
  private List<String> server(String name, String ca, String names) throws Exception {
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
    Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + names + "\nextendedKeyUsage=serverAuth\n");
    openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial",
        "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    return List.of(dir.resolve(name + ".pem").toString(), dir.resolve(name + ".key").toString());
  }

  private SmtpAlertChannel tlsChannel(SmtpAlertChannel.Tls tls, Path ca) {
    return new SmtpAlertChannel(new SmtpAlertChannel.Settings("127.0.0.1", port, Optional.of("dai"), Optional.of("mật-khẩu"),
        "dai@tanhung.gov.vn", tls, Duration.ofSeconds(5), Optional.of(ca)), Clock.systemUTC());
  }

  private static List<String> with(String flag, List<String> certAndKey) {
    List<String> out = new ArrayList<>(List.of(flag));
    out.addAll(certAndKey);
    return out;
  }

  @Test
  void overStartTlsTheServerCertificateIsCheckedAgainstTheConfiguredAuthorityAndTheAlertArrivesEncrypted() throws Exception {
    Tools.require("openssl");
    Path ca = authority("ca-xa");
    Path out = startWith(with("--starttls", server("smtp", "ca-xa", "IP:127.0.0.1,DNS:localhost")), "dai", "mật-khẩu");
    String reply = tlsChannel(SmtpAlertChannel.Tls.STARTTLS, ca).send(List.of("vhxh@tanhung.gov.vn"), SUBJECT, BODY);
    assertTrue(reply.startsWith("250"), reply);
    String m = Files.readAllLines(out, StandardCharsets.UTF_8).get(0);
    assertTrue(m.contains("\"tls\": true") && m.contains("\"login\": true"), m);
    assertTrue(m.contains("\"subject\": \"" + SUBJECT + "\""), m);
  }

  @Test
  void overSslFromTheFirstByteTheAlertArrivesEncrypted() throws Exception {
    Tools.require("openssl");
    Path ca = authority("ca-xa");
    Path out = startWith(with("--ssl", server("smtp", "ca-xa", "IP:127.0.0.1")), "dai", "mật-khẩu");
    String reply = tlsChannel(SmtpAlertChannel.Tls.SSL, ca).send(List.of("vhxh@tanhung.gov.vn"), SUBJECT, BODY);
    assertTrue(reply.startsWith("250"), reply);
    assertTrue(Files.readAllLines(out, StandardCharsets.UTF_8).get(0).contains("\"tls\": true"));
  }

  @Test
  void aCertificateFromAnotherAuthorityIsRefusedInWordsAndNothingIsSent() throws Exception {
    Tools.require("openssl");
    authority("ca-la");
    Path ours = authority("ca-xa");
    for (SmtpAlertChannel.Tls tls : List.of(SmtpAlertChannel.Tls.STARTTLS, SmtpAlertChannel.Tls.SSL)) {
      Path out = startWith(with(tls == SmtpAlertChannel.Tls.SSL ? "--ssl" : "--starttls",
          server("smtp-la", "ca-la", "IP:127.0.0.1")), "dai", "mật-khẩu");
      AlertException e = assertThrows(AlertException.class,
          () -> tlsChannel(tls, ours).send(List.of("vhxh@tanhung.gov.vn"), SUBJECT, BODY));
      assertTrue(e.getMessage().contains("the mail server's certificate is not trusted, nothing was sent: it is not signed by"
          + " the certificate authority in " + ours), tls + ": " + e.getMessage());
      assertTrue(e.getMessage().startsWith("SMTP 127.0.0.1:" + port + ": chứng chỉ của máy chủ thư không được tin cậy"),
          e.getMessage());
      assertTrue(Files.notExists(out), "nothing delivered");
      stop();
      server = null;
    }
  }

  @Test
  void aCertificateOfTheRightAuthorityForAnotherHostIsRefused() throws Exception {
    Tools.require("openssl");
    Path ca = authority("ca-xa");
    Path out = startWith(with("--starttls", server("smtp-khac", "ca-xa", "DNS:mail.other.example")), "dai", "mật-khẩu");
    AlertException e = assertThrows(AlertException.class,
        () -> tlsChannel(SmtpAlertChannel.Tls.STARTTLS, ca).send(List.of("vhxh@tanhung.gov.vn"), SUBJECT, BODY));
    assertTrue(e.getMessage().contains("certificate is not trusted"), e.getMessage());
    assertTrue(Files.notExists(out), "nothing delivered");
  }
}
