package io.loaxa.audio;

import java.util.Objects;

/**
 * A voice of a speech engine (giọng đọc), as the operator picks it: {@code vi} (Northern),
 * {@code vi-vn-x-south}, {@code kevin16}, a neural model name.
 *
 * @param engine the engine that owns it ({@link SpeechSynthesizer#engine()})
 * @param key the name the config and {@code --voice} use
 * @param language BCP 47 language the voice pronounces: {@code vi}, {@code en}
 * @param description for people: "Vietnamese (Southern)"
 */
public record Voice(String engine, String key, String language, String description) {
  public Voice {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(description, "description");
    if (key.isBlank()) {
      throw new IllegalArgumentException("voice key is blank");
    }
  }

  /** True when the voice pronounces Vietnamese. */
  public boolean speaksVietnamese() {
    return language.equals("vi") || language.startsWith("vi-");
  }
}
