package io.loaxa.audio.speech;

import io.loaxa.audio.SpeechScript;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.Voice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names one rendering of one text: SHA-256 over the normalised sentences and their pauses, the
 * engine, the voice, the settings and the finishing step. Any change to any of them is a new key.
 *
 * @param hex 64 lowercase hex digits
 */
public record RenderKey(String hex) {
  public RenderKey {
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a render key: " + hex);
    }
  }

  public static RenderKey of(SpeechScript script, Voice voice, SpeechSettings settings, SpeechFinish finish) {
    StringBuilder canonical = new StringBuilder();
    field(canonical, "engine", voice.engine());
    field(canonical, "voice", voice.key());
    field(canonical, "settings", settings.describe());
    field(canonical, "finish", finish.label());
    field(canonical, "language", script.language());
    for (SpeechScript.Sentence s : script.sentences()) {
      field(canonical, "sentence", s.text());
      field(canonical, "pause", Long.toString(s.pauseAfter().toMillis()));
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return new RenderKey(HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
    }
  }

  /** Length-prefixed, so no text can be made to look like another field. */
  private static void field(StringBuilder out, String name, String value) {
    out.append(name).append(':').append(value.length()).append(':').append(value).append('\n');
  }

  @Override
  public String toString() {
    return hex.substring(0, 12);
  }
}
