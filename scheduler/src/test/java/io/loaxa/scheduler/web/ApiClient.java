package io.loaxa.scheduler.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

/** A browser's side of the API over real HTTP on loopback: logins with their cookie and CSRF token. */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "mat-khau-dai-1";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final IntSupplier port;

  ApiClient(IntSupplier port) {
    this.port = port;
  }

  /** A logged-in client: its cookie and CSRF token. */
  record Login(String cookie, String csrf) {}

  /** What one request carries besides its path. */
  record Request(String method, String path, byte[] body, String contentType, Optional<Login> login, boolean csrf,
      Optional<String> ifMatch, Optional<String> language) {
    Request as(Login l) {
      return new Request(method, path, body, contentType, Optional.of(l), true, ifMatch, language);
    }

    Request withoutCsrf() {
      return new Request(method, path, body, contentType, login, false, ifMatch, language);
    }

    Request ifMatch(String version) {
      return new Request(method, path, body, contentType, login, csrf, Optional.of(version), language);
    }

    /** Asks for the answer's words in {@code acceptLanguage} ({@code en}, {@code vi}). */
    Request inLanguage(String acceptLanguage) {
      return new Request(method, path, body, contentType, login, csrf, ifMatch, Optional.of(acceptLanguage));
    }
  }

  static Request request(String method, String path, String body, String contentType) {
    return new Request(method, path, body.getBytes(StandardCharsets.UTF_8), contentType, Optional.empty(), false, Optional.empty(),
        Optional.empty());
  }

  static Request bytes(String method, String path, byte[] body, String contentType) {
    return new Request(method, path, body, contentType, Optional.empty(), false, Optional.empty(), Optional.empty());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port.getAsInt() + path);
  }

  <T> HttpResponse<T> send(Request r, HttpResponse.BodyHandler<T> handler) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(r.path()))
        .method(r.method(), r.body().length == 0 && r.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(r.body()));
    if (r.contentType() != null) {
      b.header("Content-Type", r.contentType());
    }
    r.login().ifPresent(l -> b.header("Cookie", l.cookie()));
    if (r.csrf()) {
      r.login().ifPresent(l -> b.header(ApiServer.CSRF_HEADER, l.csrf()));
    }
    r.ifMatch().ifPresent(v -> b.header("If-Match", "\"" + v + "\""));
    r.language().ifPresent(l -> b.header("Accept-Language", l));
    return http.send(b.build(), handler);
  }

  HttpResponse<String> send(Request r) throws Exception {
    return send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, Login login) throws Exception {
    return send(request("GET", path, "", null).as(login));
  }

  HttpResponse<String> json(String method, String path, String body, Login login) throws Exception {
    return send(request(method, path, body, "application/json").as(login));
  }

  Login login(String name) throws Exception {
    HttpResponse<String> r = send(request("POST", "/api/login", "{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}",
        "application/json"));
    assertEquals(200, r.statusCode(), r.body());
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return new Login(setCookie.substring(0, setCookie.indexOf(';')), JSON.readTree(r.body()).path("csrf").asText());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }
}
