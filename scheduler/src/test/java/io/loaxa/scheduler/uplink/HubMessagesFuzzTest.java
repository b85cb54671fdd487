package io.loaxa.scheduler.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the hub sends a station, any bytes: a command envelope is verified (signed by the hub's key
 * over exactly the payload that was signed) or refused in the operator's words, Vietnamese then
 * English, on one line; a command changed in any way after signing — payload or signature flipped,
 * grown or cut — is never accepted; a filed ack is its list of positive seqs (written back, it reads
 * the same) or refused with a reason, in bounded time.
 *
 * <p>The hub's key is fixed here so seeds may hold envelopes it signed.
 */
class HubMessagesFuzzTest {
  static final String STATION = "tan-hung";
  static final Instant NOW = Instant.parse("2026-12-07T01:30:00Z");
  private static final PrivateKey HUB_PRIVATE;
  static final PublicKey HUB_PUBLIC;

  static {
    try {
      KeyFactory keys = KeyFactory.getInstance("Ed25519");
      HUB_PRIVATE = keys.generatePrivate(new PKCS8EncodedKeySpec(
          Base64.getDecoder().decode("MC4CAQAwBQYDK2VwBCIEIFPUSPzIlBaHu6myO59hnLO674IBUTku66IilHmmfc+l")));
      HUB_PUBLIC = keys.generatePublic(new X509EncodedKeySpec(
          Base64.getDecoder().decode("MCowBQYDK2VwAyEAwvWuHPR46URcTV7sWTCQQdEPncmGoA0TFWQTxzxAvng=")));
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final CommandVerifier VERIFIER = new CommandVerifier(HUB_PUBLIC, STATION, Set.of("ap-1", "ap-2"),
      Clock.fixed(NOW, ZoneOffset.UTC), Optional::empty);

  /** Commands as the hub writes them, for the mutation target; each verifies as it is. */
  static final List<String> COMMANDS = List.of(
      command(11, "emergency", "[\"*\"]", "\"text\":\"Bão số 9 đổ bộ, bà con vào nơi an toàn\",\"repeatEveryMinutes\":30"),
      command(12, "bulletin", "[\"ap-1\",\"ap-2\"]", "\"text\":\"Lịch tiêm phòng tuần này\",\"at\":\"2026-12-07T10:00:00Z\""),
      command(13, "cancel", "null", "\"cancels\":\"c-11\""),
      command(14, "emergency", "[\"ap-2\"]", audio()));

  @FuzzTest(maxDuration = "2h")
  void anyEnvelopeIsVerifiedOverTheSignedBytesOrRefusedInWords(byte[] envelope) {
    long start = System.nanoTime();
    CommandVerifier.Verdict v = VERIFIER.check(envelope, () -> 10);
    bounded(start);
    if (v instanceof CommandVerifier.Refused r) {
      inWords(r.reason());
      return;
    }
    HubCommand c = assertInstanceOf(CommandVerifier.Accepted.class, v).command();
    byte[][] parts = parts(envelope).orElseThrow(() -> new AssertionError("accepted what does not read as an envelope"));
    assertTrue(signedByTheHub(parts[0], parts[1]), "accepted without the hub's signature");
    assertEquals(new String(parts[0], StandardCharsets.UTF_8), c.payload());
    assertTrue(c.seq() > 10 && c.expiresAt().isAfter(NOW));
  }

  @FuzzTest(maxDuration = "2h")
  void aSignedCommandChangedInAnyWayIsNeverAccepted(FuzzedDataProvider data) {
    String command = COMMANDS.get(data.consumeInt(0, COMMANDS.size() - 1));
    byte[] payload = command.getBytes(StandardCharsets.UTF_8);
    byte[] sig = sign(payload);
    byte[] envelope = HubSigner.envelope(payload, sig);
    int target = data.consumeInt(0, 2);
    int edits = data.consumeInt(1, 8);
    byte[] changed = switch (target) {
      case 0 -> mutate(payload, edits, data);
      case 1 -> mutate(sig, edits, data);
      default -> mutate(envelope, edits, data);
    };
    byte[] sent = switch (target) {
      case 0 -> HubSigner.envelope(changed, sig);
      case 1 -> HubSigner.envelope(payload, changed);
      default -> changed;
    };
    long start = System.nanoTime();
    CommandVerifier.Verdict v = VERIFIER.check(sent, () -> 10);
    bounded(start);
    Optional<byte[][]> read = parts(sent);
    boolean same = read.isPresent() && java.util.Arrays.equals(read.get()[0], payload)
        && java.util.Arrays.equals(read.get()[1], sig);
    if (same) {
      assertEquals(command, assertInstanceOf(CommandVerifier.Accepted.class, v, "the command as signed").command().payload());
      return;
    }
    CommandVerifier.Refused r = assertInstanceOf(CommandVerifier.Refused.class, v, () -> "accepted a changed command: "
        + new String(sent, StandardCharsets.UTF_8));
    inWords(r.reason());
    if (target == 0) {
      assertTrue(r.reason().startsWith("chữ ký không đúng"), r.reason());
    }
  }

  @FuzzTest(maxDuration = "2h")
  void anyFiledAckIsItsPositiveSeqsOrRefused(byte[] body) {
    long start = System.nanoTime();
    List<Long> seqs;
    try {
      seqs = HubBodies.filedSeqs(body);
    } catch (IllegalArgumentException e) {
      bounded(start);
      String m = e.getMessage();
      assertTrue(m != null && !m.isBlank());
      assertTrue(m.length() <= 200, "a reason of " + m.length() + " characters");
      assertFalse(m.chars().anyMatch(Character::isISOControl), "a control character in: " + m);
      return;
    }
    bounded(start);
    assertTrue(seqs.stream().allMatch(s -> s > 0), seqs::toString);
    String again = "{\"v\":1,\"seqs\":" + seqs.toString().replace(" ", "") + ",\"at\":\"" + NOW + "\"}";
    assertEquals(seqs, HubBodies.filedSeqs(again.getBytes(StandardCharsets.UTF_8)));
  }

  static void inWords(String reason) {
    assertTrue(reason != null && !reason.isBlank());
    assertTrue(reason.contains(" / "), "Vietnamese, then English: " + reason);
    assertTrue(reason.length() <= 400, "a reason of " + reason.length() + " characters");
    assertFalse(reason.chars().anyMatch(Character::isISOControl), "a control character in: " + reason);
    // what the peer wrote is quoted and may say anything; the words around it are ours
    String ours = reason.replaceAll("'[^']*'", "''");
    assertFalse(ours.matches("(?s).*(Exception|java\\.|Illegal|Index \\d+ out of bounds).*"), "Java's words: " + reason);
  }

  private static void bounded(long start) {
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms < 2_000, "took " + ms + " ms");
  }

  /** The payload and signature an envelope carries, as the protocol reads them; empty when it carries none. */
  private static Optional<byte[][]> parts(byte[] envelope) {
    try {
      Map<String, Object> o = Json.object(new String(envelope, StandardCharsets.UTF_8));
      if (!(o.get("payload") instanceof String p) || !(o.get("sig") instanceof String s)) {
        return Optional.empty();
      }
      return Optional.of(new byte[][] {Base64.getDecoder().decode(p), Base64.getDecoder().decode(s)});
    } catch (Json.MalformedException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] mutate(byte[] bytes, int edits, FuzzedDataProvider data) {
    byte[] out = bytes;
    for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
      int op = data.consumeInt(0, 2);
      int at = data.consumeInt(0, out.length);
      ByteArrayOutputStream b = new ByteArrayOutputStream(out.length + 1);
      b.write(out, 0, Math.min(at, out.length));
      if (op == 0 && at < out.length) {
        b.write(out[at] ^ (1 << data.consumeInt(0, 7)));
        b.write(out, at + 1, out.length - at - 1);
      } else if (op == 1) {
        b.write(data.consumeByte());
        b.write(out, at, out.length - at);
      } else if (at < out.length) {
        b.write(out, at + 1, out.length - at - 1);
      }
      out = b.toByteArray();
    }
    return out;
  }

  static boolean signedByTheHub(byte[] payload, byte[] sig) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(HUB_PUBLIC);
      s.update(payload);
      return s.verify(sig);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  static byte[] sign(byte[] payload) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(HUB_PRIVATE);
      s.update(payload);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String command(long seq, String type, String zones, String extra) {
    return "{\"v\":1,\"id\":\"c-" + seq + "\",\"seq\":" + seq + ",\"station\":\"" + STATION + "\",\"issuedAt\":\""
        + NOW.minusSeconds(60) + "\",\"expiresAt\":\"" + NOW.plusSeconds(5400) + "\",\"type\":\"" + type + "\","
        + "\"priority\":\"" + (type.equals("emergency") ? "EMERGENCY" : "NORMAL") + "\",\"title\":\"Tin tỉnh\","
        + "\"category\":\"khan-cap\",\"zones\":" + zones + "," + extra + "}";
  }

  private static String audio() {
    byte[] wav = HubSigner.wav(0.01);
    try {
      return "\"audio\":{\"name\":\"bao.wav\",\"sha256\":\"" + HubSigner.sha256(wav) + "\",\"data\":\""
          + Base64.getEncoder().encodeToString(wav) + "\"}";
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
