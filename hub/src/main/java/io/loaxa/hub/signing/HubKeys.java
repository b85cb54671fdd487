package io.loaxa.hub.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The hub's Ed25519 key pair as PEM files: {@value #PRIVATE} (mode 0600) and {@value #PUBLIC}. */
public final class HubKeys {
  public static final String PRIVATE = "hub.key";
  public static final String PUBLIC = "hub.pub";
  private static final String ALGORITHM = "Ed25519";

  private HubKeys() {}

  /**
   * Makes a new key pair in {@code dir}; never overwrites one.
   *
   * @throws FileAlreadyExistsException when a key is already there
   */
  public static KeyPair generate(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path priv = dir.resolve(PRIVATE);
    Path pub = dir.resolve(PUBLIC);
    if (Files.exists(priv) || Files.exists(pub)) {
      throw new FileAlreadyExistsException(Files.exists(priv) ? priv.toString() : pub.toString());
    }
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
    Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
    Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    return pair;
  }

  /** Reads a PKCS#8 PEM private key. */
  public static PrivateKey readPrivate(Path file) throws IOException {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(file, "PRIVATE KEY")));
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " is not an Ed25519 private key (PKCS#8 PEM)", e);
    }
  }

  /** Reads an X.509 SubjectPublicKeyInfo PEM public key. */
  public static PublicKey readPublic(Path file) throws IOException {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(file, "PUBLIC KEY")));
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " is not an Ed25519 public key (X.509 PEM)", e);
    }
  }

  /** Ed25519 over exactly these bytes. */
  public static byte[] sign(PrivateKey key, byte[] payload) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(key);
      s.update(payload);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  /** Whether {@code sig} is the key's signature over exactly these bytes. */
  public static boolean verify(PublicKey key, byte[] payload, byte[] sig) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(payload);
      return s.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  private static byte[] der(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IOException(file + " has no '" + begin + "' block");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": the PEM block is not base64", e);
    }
  }
}
