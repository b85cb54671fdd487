package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.ApiRig.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.testkit.MutableClock;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over HTTPS from the station config's keystore: the session cookie then carries the Secure flag. */
class WebTlsTest {
  private static final String STORE_PASSWORD = "kho-khoa-thu";

  @TempDir
  Path data;

  /** A self-signed PKCS#12 keystore for 127.0.0.1 made by the JDK's keytool, as the README tells a station to. */
  private Path keystore() throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Path store = data.resolve("web.p12");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "loaxa", "-keyalg", "EC", "-groupname",
        "secp256r1", "-validity", "30", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD)
        .redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), said);
    return store;
  }

  private static HttpClient trusting(Path store) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void overTlsTheSessionCookieIsSecureAndPlainHttpIsNotAnswered() throws Exception {
    Path store = keystore();
    WebConfig web = new WebConfig("127.0.0.1", 0, Optional.of(new WebConfig.Tls("web.p12", STORE_PASSWORD)));
    try (ApiRig rig = new ApiRig(data, new MutableClock(Instant.parse("2026-12-07T01:00:00Z")), web, trusting(store))) {
      assertTrue(rig.uri("/").getScheme().equals("https"));
      ApiRig.Login officer = rig.login("officer");
      assertTrue(officer.setCookie().contains("Secure"), officer.setCookie());
      assertTrue(officer.setCookie().contains("HttpOnly"), officer.setCookie());
      assertTrue(officer.setCookie().contains("SameSite=Strict"), officer.setCookie());
      HttpResponse<String> status = rig.get("/api/status", officer);
      assertEquals(200, status.statusCode());
      assertEquals("Thử", json(status).path("station").asText());
      assertEquals(200, rig.get("/api/log", officer).statusCode());
      int port = rig.api.port().orElseThrow();
      assertTrue(port != rig.api.localPort(), "the TLS connector is its own, beside the local one");
      HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status")).GET().build();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      int refusedOrBad = 0;
      try {
        refusedOrBad = http.send(plain, HttpResponse.BodyHandlers.ofString()).statusCode();
      } catch (java.io.IOException e) {
        refusedOrBad = -1;
      }
      assertTrue(refusedOrBad == -1 || refusedOrBad == 400, "plain HTTP on the TLS port gets no API answer: " + refusedOrBad);
      HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> untrusting.send(
          HttpRequest.newBuilder(rig.uri("/api/status")).GET().build(), HttpResponse.BodyHandlers.ofString()),
          "a client that does not trust the station's certificate stops at the handshake");
    }
  }
}
