package io.loaxa.scheduler.uplink;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The hub's Ed25519 public key as the station config's {@code hub.hubKey} file holds it (X.509 PEM). */
public final class HubKey {
  private HubKey() {}

  /**
   * Reads {@code -----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----}.
   *
   * @throws IllegalArgumentException naming what is wrong, for the installer
   */
  public static PublicKey fromPem(String pem) {
    String begin = "-----BEGIN PUBLIC KEY-----";
    String end = "-----END PUBLIC KEY-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("not a PEM public key (" + begin + " … " + end + ")");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM public key is not base64", e);
    }
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    }
  }
}
