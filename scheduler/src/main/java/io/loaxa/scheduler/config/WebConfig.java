package io.loaxa.scheduler.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the HTTP API listens ({@code web: { listen: "0.0.0.0:8080", tls: { keystore: …, password: … } }}).
 * Without a {@code web:} block it listens on an ephemeral loopback port only, for the local CLI.
 *
 * @param host the address to bind, as written
 * @param port 0 for an ephemeral port
 * @param tls the keystore (PKCS#12 or JKS) when served over HTTPS
 */
public record WebConfig(String host, int port, Optional<Tls> tls) {
  public static final WebConfig LOCAL_ONLY = new WebConfig("127.0.0.1", 0, Optional.empty());

  /** A keystore path (relative to the data folder when not absolute) and its password. */
  public record Tls(String keystore, String password) {
    public Tls {
      Objects.requireNonNull(keystore, "keystore");
      Objects.requireNonNull(password, "password");
    }
  }

  public WebConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tls, "tls");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Whether {@link #host} is a loopback address only (127.0.0.0/8, ::1, localhost). */
  public boolean loopbackOnly() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
