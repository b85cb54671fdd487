package io.loaxa.scheduler.uplink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** The hub's signing as the protocol says it (JDK Ed25519), with commands written the way the hub writes them. */
public final class HubSigner {
  private final KeyPair keys;

  public HubSigner() throws GeneralSecurityException {
    keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  /** The public key as the station config's hub.hubKey file holds it. */
  public String publicPem() {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
  }

  public Path writePublic(Path file) throws java.io.IOException {
    Files.writeString(file, publicPem());
    return file;
  }

  public java.security.PublicKey publicKey() {
    return keys.getPublic();
  }

  /** {"payload": …, "sig": …} over the exact bytes of {@code payload}. */
  public byte[] envelope(String payload) throws GeneralSecurityException {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(keys.getPrivate());
    s.update(bytes);
    return envelope(bytes, s.sign());
  }

  static byte[] envelope(byte[] payload, byte[] sig) {
    return ("{\"payload\":\"" + Base64.getEncoder().encodeToString(payload) + "\",\"sig\":\""
        + Base64.getEncoder().encodeToString(sig) + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  public static String sha256(byte[] data) throws GeneralSecurityException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  /** A command the hub would send: {@code extra} are further fields, already JSON ({@code "text":"…"}). */
  public static String command(String station, long seq, String type, Instant issuedAt, Instant expiresAt, String zones,
      String extra) {
    return "{\"v\":1,\"id\":\"" + UUID.randomUUID() + "\",\"seq\":" + seq + ",\"station\":\"" + station + "\","
        + "\"issuedAt\":\"" + issuedAt + "\",\"expiresAt\":\"" + expiresAt + "\",\"type\":\"" + type + "\","
        + "\"priority\":\"" + (type.equals("emergency") ? "EMERGENCY" : "NORMAL") + "\",\"title\":\"Cảnh báo bão số 9\","
        + "\"category\":\"khan-cap\",\"zones\":" + zones + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  /** A short tone as a 16-bit mono WAV file's bytes. */
  public static byte[] wav(double seconds) {
    int rate = 22050;
    int samples = (int) (seconds * rate);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
        .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
    }
    return b.array();
  }
}
