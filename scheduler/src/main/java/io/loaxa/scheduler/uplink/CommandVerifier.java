package io.loaxa.scheduler.uplink;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks a command envelope from the hub before anything of it is believed (docs/hub-protocol.md):
 * its size, the Ed25519 signature over the exact payload bytes with the hub's public key from the
 * station config, the version, that it is for this station, not expired and not issued more than
 * ten minutes ahead of the station's clock, a seq above the highest accepted (no replay), zones the
 * station has, and content that is what it says. Refusals carry the station operator's words,
 * Vietnamese then English. Pure: no I/O, the clock and the highest seq are given.
 */
public final class CommandVerifier {
  /** The largest command envelope: one carrying audio. */
  public static final int MOST_BYTES = 16 * 1024 * 1024;
  /** The largest command envelope without audio. */
  public static final int MOST_PLAIN_BYTES = 64 * 1024;
  static final Duration MOST_AHEAD = Duration.ofMinutes(10);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern AUDIO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}\\.(wav|mp3|flac|ogg)",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> PRIORITIES = Set.of("EMERGENCY", "PRIORITY", "NORMAL");
  private static final int MOST_TEXT = 20_000;

  private final PublicKey hubKey;
  private final String stationId;
  private final Set<String> zones;
  private final Clock clock;
  private final Supplier<Optional<String>> clockDoubt;

  /**
   * @param zones the station's zone keys
   * @param clockDoubt why the station's clock is not trusted now; empty when it is
   */
  public CommandVerifier(PublicKey hubKey, String stationId, Set<String> zones, Clock clock,
      Supplier<Optional<String>> clockDoubt) {
    this.hubKey = hubKey;
    this.stationId = stationId;
    this.zones = Set.copyOf(zones);
    this.clock = clock;
    this.clockDoubt = clockDoubt;
  }

  /** What the check found: a command to act on, or a refusal with what could be read of it. */
  public sealed interface Verdict permits Accepted, Refused {}

  public record Accepted(HubCommand command) implements Verdict {}

  /** @param reason Vietnamese, then English */
  public record Refused(String reason, Optional<String> id, OptionalLong seq, Optional<String> type) implements Verdict {}

  private static final class Refusal extends Exception {
    Refusal(String reason) {
      super(reason);
    }
  }

  /**
   * Checks {@code envelope}.
   *
   * @param highestAccepted the highest seq accepted so far, -1 before the first
   */
  public Verdict check(byte[] envelope, LongSupplier highestAccepted) {
    Seen seen = new Seen();
    try {
      if (envelope.length > MOST_BYTES) {
        throw new Refusal("lệnh quá lớn (" + envelope.length + " byte, tối đa " + MOST_BYTES + ") / the command is too large ("
            + envelope.length + " bytes, at most " + MOST_BYTES + ")");
      }
      Map<String, Object> outer;
      try {
        outer = Json.object(new String(envelope, StandardCharsets.UTF_8));
      } catch (Json.MalformedException e) {
        throw new Refusal("lệnh không đọc được / the command is not readable JSON (" + e.getMessage() + ")");
      }
      byte[] payload = base64(outer.get("payload"), "payload");
      Object sigField = outer.get("sig");
      if (sigField == null || sigField == Json.NULL || (sigField instanceof String s && s.isBlank())) {
        throw new Refusal("lệnh không có chữ ký / the command is not signed");
      }
      byte[] sig = base64(sigField, "sig");
      if (!verifies(payload, sig)) {
        throw new Refusal("chữ ký không đúng: lệnh không phải của tỉnh gửi / the signature does not verify: "
            + "the command is not from the hub");
      }
      return new Accepted(read(new String(payload, StandardCharsets.UTF_8), envelope.length, highestAccepted, true, seen));
    } catch (Refusal r) {
      return new Refused(r.getMessage(), seen.id, seen.seq, seen.type);
    }
  }

  /**
   * Reads again a command this station accepted and stored before a restart, to carry it out now:
   * its signature, seq and size were checked when it came and are not checked again, nor its expiry
   * (carrying it out checks that); it must still be for this station and name zones it still has.
   */
  public Verdict reread(String storedPayload) {
    Seen seen = new Seen();
    try {
      return new Accepted(read(storedPayload, 0, () -> -1, false, seen));
    } catch (Refusal r) {
      return new Refused(r.getMessage(), seen.id, seen.seq, seen.type);
    }
  }

  /**
   * A command the station held (a bulletin waiting for its operator) read again from its own store:
   * its signature was checked when it came; its fields are checked again, and it must not have
   * expired; empty when it no longer holds.
   */
  public Optional<HubCommand> reread(String payloadText, long seq) {
    return reread(payloadText) instanceof Accepted a && a.command().seq() == seq
        && a.command().expiresAt().isAfter(clock.instant()) ? Optional.of(a.command()) : Optional.empty();
  }

  /** What could be read of a command before it was refused. */
  private static final class Seen {
    Optional<String> id = Optional.empty();
    OptionalLong seq = OptionalLong.empty();
    Optional<String> type = Optional.empty();
  }

  /** @param fresh a command just come: its time, seq and size are checked too */
  private HubCommand read(String payloadText, int envelopeLength, LongSupplier highestAccepted, boolean fresh, Seen seen)
      throws Refusal {
    Map<String, Object> c;
    try {
      c = Json.object(payloadText);
    } catch (Json.MalformedException e) {
      throw new Refusal("nội dung lệnh không đọc được / the signed command is not readable JSON (" + e.getMessage() + ")");
    }
    seen.id = optionalText(c, "id");
    Object seqField = c.get("seq");
    if (seqField instanceof BigDecimal number) {
      try {
        seen.seq = OptionalLong.of(number.longValueExact());
      } catch (ArithmeticException e) {
        seen.seq = OptionalLong.empty();
      }
    }
    OptionalLong seq = seen.seq;
    Optional<String> type = seen.type = optionalText(c, "type");
    Object v = c.get("v");
    if (!(v instanceof BigDecimal version) || version.compareTo(BigDecimal.ONE) != 0) {
      throw new Refusal("phiên bản lệnh " + v + " không được hỗ trợ / command version " + v + " is not supported (1 is)");
    }
    String commandId = text(c, "id");
    if (!ID.matcher(commandId).matches()) {
      throw new Refusal("mã lệnh sai dạng / malformed command id '" + commandId + "'");
    }
    if (seq.isEmpty() || seq.getAsLong() < 0) {
      throw new Refusal("lệnh thiếu số thứ tự / the command has no valid seq");
    }
    String station = text(c, "station");
    if (!station.equals(stationId)) {
      throw new Refusal("lệnh gửi cho đài khác (" + station + ") / the command is for another station (" + station
          + "), this is " + stationId);
    }
    Instant now = clock.instant();
    Instant issuedAt = instant(c, "issuedAt").orElseThrow(() -> new Refusal(missing("issuedAt")));
    Instant expiresAt = instant(c, "expiresAt").orElseThrow(() -> new Refusal(missing("expiresAt")));
    String doubt = clockDoubt.get().map(d -> "; đồng hồ của đài chưa tin cậy / the station's clock is not trusted: " + d)
        .orElse("");
    if (fresh && !expiresAt.isAfter(now)) {
      throw new Refusal("lệnh đã hết hạn lúc " + expiresAt + " (giờ đài " + HubBodies.instant(now) + ") / the command expired at "
          + expiresAt + " (station time " + HubBodies.instant(now) + ")" + doubt);
    }
    if (fresh && issuedAt.isAfter(now.plus(MOST_AHEAD))) {
      throw new Refusal("lệnh ghi giờ phát hành " + issuedAt + ", quá 10 phút sau giờ đài " + HubBodies.instant(now)
          + " / the command says it was issued at " + issuedAt + ", more than 10 minutes after station time" + doubt);
    }
    long highest = highestAccepted.getAsLong();
    if (fresh && seq.getAsLong() <= highest) {
      throw new Refusal("lệnh cũ hoặc bị gửi lại (số " + seq.getAsLong() + ", đài đã nhận tới số " + highest
          + ") / a replayed or old command (seq " + seq.getAsLong() + ", accepted up to " + highest + ")");
    }
    HubCommand.Type kind;
    try {
      kind = HubCommand.Type.valueOf(type.orElse("").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Refusal("loại lệnh '" + type.orElse("") + "' không có / unknown command type '" + type.orElse("")
          + "' (emergency, bulletin or cancel)");
    }
    String priority = optionalText(c, "priority").orElse(kind == HubCommand.Type.EMERGENCY ? "EMERGENCY" : "NORMAL");
    if (!PRIORITIES.contains(priority)) {
      throw new Refusal("mức ưu tiên '" + priority + "' không có / unknown priority '" + priority + "'");
    }
    if (kind == HubCommand.Type.EMERGENCY && !priority.equals("EMERGENCY")) {
      throw new Refusal("lệnh khẩn phải có mức EMERGENCY / an emergency has priority EMERGENCY, not " + priority);
    }
    if (kind == HubCommand.Type.BULLETIN && priority.equals("EMERGENCY")) {
      throw new Refusal("bản tin thường không được mức EMERGENCY / a bulletin is NORMAL or PRIORITY; send an emergency");
    }
    List<String> zoneList = zones(c, kind);
    Optional<String> text = optionalText(c, "text").map(String::strip).filter(t -> !t.isEmpty());
    Optional<HubCommand.Audio> audio = audio(c.get("audio"));
    if (fresh && audio.isEmpty() && envelopeLength > MOST_PLAIN_BYTES) {
      throw new Refusal("lệnh quá lớn (" + envelopeLength + " byte, tối đa " + MOST_PLAIN_BYTES + " khi không kèm âm thanh)"
          + " / the command is too large (" + envelopeLength + " bytes, at most " + MOST_PLAIN_BYTES + " without audio)");
    }
    if (text.isPresent() && text.get().length() > MOST_TEXT) {
      throw new Refusal("văn bản quá dài (" + text.get().length() + " ký tự, tối đa " + MOST_TEXT + ") / the text is too long");
    }
    Optional<String> cancels = optionalText(c, "cancels");
    if (kind == HubCommand.Type.CANCEL) {
      if (cancels.isEmpty()) {
        throw new Refusal("lệnh hủy không nói hủy lệnh nào / a cancel names no command (cancels)");
      }
    } else if (text.isPresent() == audio.isPresent()) {
      throw new Refusal("lệnh cần đúng một nội dung: văn bản hoặc tệp âm thanh / the command needs exactly one of text "
          + "or audio");
    }
    Optional<Integer> every = Optional.empty();
    Object everyField = c.get("repeatEveryMinutes");
    if (everyField instanceof BigDecimal minutes) {
      try {
        int m = minutes.intValueExact();
        if (m < 1 || m > 1440) {
          throw new ArithmeticException();
        }
        every = Optional.of(m);
      } catch (ArithmeticException e) {
        throw new Refusal("số phút lặp lại phải từ 1 đến 1440 / repeatEveryMinutes must be 1 to 1440");
      }
    } else if (everyField != null && everyField != Json.NULL) {
      throw new Refusal(malformed("repeatEveryMinutes"));
    }
    return new HubCommand(commandId, seq.getAsLong(), issuedAt, expiresAt, kind, priority,
        optionalText(c, "title").orElse(""), optionalText(c, "category").orElse(""), zoneList, text, audio,
        instant(c, "at"), every, instant(c, "until"), cancels, payloadText);
  }

  private boolean verifies(byte[] payload, byte[] sig) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(hubKey);
      s.update(payload);
      return s.verify(sig);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private List<String> zones(Map<String, Object> c, HubCommand.Type kind) throws Refusal {
    Object field = c.get("zones");
    if (kind == HubCommand.Type.CANCEL && (field == null || field == Json.NULL)) {
      return List.of();
    }
    if (!(field instanceof List<?> list) || list.isEmpty()) {
      throw new Refusal("lệnh không nói phát ở thôn/ấp nào / the command names no zones");
    }
    List<String> out = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Object z : list) {
      if (!(z instanceof String s)) {
        throw new Refusal(malformed("zones"));
      }
      out.add(s);
      if (!s.equals("*") && !zones.contains(s)) {
        unknown.add(s);
      }
    }
    if (out.contains("*") && out.size() > 1) {
      throw new Refusal(malformed("zones") + " (\"*\" stands alone)");
    }
    if (!unknown.isEmpty()) {
      throw new Refusal("đài không có thôn/ấp " + unknown + " / unknown zones " + unknown + " at this station; it has "
          + new java.util.TreeSet<>(zones));
    }
    return out;
  }

  private Optional<HubCommand.Audio> audio(Object field) throws Refusal {
    if (field == null || field == Json.NULL) {
      return Optional.empty();
    }
    if (!(field instanceof Map<?, ?> m)) {
      throw new Refusal(malformed("audio"));
    }
    Object name = m.get("name");
    Object sha = m.get("sha256");
    if (!(name instanceof String n) || !AUDIO_NAME.matcher(n).matches()) {
      throw new Refusal("tên tệp âm thanh không hợp lệ / the audio's name must be a plain file name ending .wav, .mp3, "
          + ".flac or .ogg");
    }
    if (!(sha instanceof String hash) || !hash.matches("[0-9a-fA-F]{64}")) {
      throw new Refusal(malformed("audio.sha256"));
    }
    byte[] data = base64(m.get("data"), "audio.data");
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    if (!HexFormat.of().formatHex(digest).equalsIgnoreCase(hash)) {
      throw new Refusal("tệp âm thanh bị hỏng: sha256 không khớp / the audio is damaged: its sha256 does not match");
    }
    return Optional.of(new HubCommand.Audio(n, data));
  }

  private static byte[] base64(Object field, String name) throws Refusal {
    if (!(field instanceof String s)) {
      throw new Refusal(malformed(name));
    }
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new Refusal(malformed(name) + " (not base64)");
    }
  }

  private static String text(Map<String, Object> c, String field) throws Refusal {
    return optionalText(c, field).orElseThrow(() -> new Refusal(missing(field)));
  }

  private static Optional<String> optionalText(Map<String, Object> c, String field) {
    return c.get(field) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private static Optional<Instant> instant(Map<String, Object> c, String field) throws Refusal {
    Object v = c.get(field);
    if (v == null || v == Json.NULL) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw new Refusal(malformed(field));
    }
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      throw new Refusal(malformed(field) + " (not an ISO-8601 UTC instant such as 2026-12-07T01:30:00Z)");
    }
  }

  private static String missing(String field) {
    return "lệnh thiếu trường " + field + " / the command has no " + field;
  }

  private static String malformed(String field) {
    return "trường " + field + " sai dạng / malformed " + field;
  }
}
