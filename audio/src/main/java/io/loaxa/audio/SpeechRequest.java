package io.loaxa.audio;

import java.util.Objects;

/**
 * One thing to speak and how.
 *
 * @param script the normalised text
 * @param voice one of the engine's voices
 * @param settings rate, pitch, volume
 * @param otherLanguageAccepted the operator has agreed that this text may be read by a voice of
 *     another language (Vietnamese through the English-only fallback); without it such an engine
 *     refuses rather than air gibberish
 */
public record SpeechRequest(SpeechScript script, Voice voice, SpeechSettings settings, boolean otherLanguageAccepted) {
  public SpeechRequest {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(voice, "voice");
    Objects.requireNonNull(settings, "settings");
  }

  public static SpeechRequest of(SpeechScript script, Voice voice) {
    return new SpeechRequest(script, voice, SpeechSettings.NORMAL, false);
  }
}
