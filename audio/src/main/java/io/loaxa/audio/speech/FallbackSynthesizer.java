package io.loaxa.audio.speech;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.SpeechRequest;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.SpeechSynthesizer;
import io.loaxa.audio.Voice;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured engine, and a second one used only where the first cannot speak on this machine
 * (espeak-ng not installed → the embedded English-only engine). Every use of the fallback is logged
 * as a warning and shows in {@link #status()}, so a station never switches voice silently. A voice
 * of the first engine is swapped for the fallback's default voice.
 */
public final class FallbackSynthesizer implements SpeechSynthesizer {
  private static final Logger log = LoggerFactory.getLogger(FallbackSynthesizer.class);

  private final SpeechSynthesizer primary;
  private final SpeechSynthesizer fallback;

  public FallbackSynthesizer(SpeechSynthesizer primary, SpeechSynthesizer fallback) {
    this.primary = primary;
    this.fallback = fallback;
  }

  @Override
  public String engine() {
    return primary.engine();
  }

  @Override
  public SpeechEngineStatus status() {
    SpeechEngineStatus first = primary.status();
    if (first.usable()) {
      return first;
    }
    SpeechEngineStatus second = fallback.status();
    List<String> warnings = new ArrayList<>();
    warnings.add(primary.engine() + " cannot speak here (" + first.detail() + "); speaking through "
        + fallback.engine() + " instead");
    warnings.addAll(second.warnings());
    return new SpeechEngineStatus(primary.engine() + " → " + fallback.engine(), second.usable(), second.detail(),
        second.voices(), warnings);
  }

  @Override
  public Voice defaultVoice() {
    return primary.defaultVoice();
  }

  @Override
  public Voice speakingVoice(Voice requested) {
    if (primary.status().usable()) {
      return primary.speakingVoice(requested);
    }
    return requested.engine().equals(fallback.engine()) ? requested : fallback.defaultVoice();
  }

  @Override
  public PcmClip synthesize(SpeechRequest request) throws AudioException {
    SpeechEngineStatus first = primary.status();
    if (first.usable()) {
      return primary.synthesize(request);
    }
    Voice voice = request.voice().engine().equals(fallback.engine()) ? request.voice() : fallback.defaultVoice();
    log.warn("{} cannot speak here ({}); using the fallback {} with voice {} ({})", primary.engine(), first.detail(),
        fallback.engine(), voice.key(), voice.description());
    return fallback.synthesize(new SpeechRequest(request.script(), voice, request.settings(), request.otherLanguageAccepted()));
  }

  /** The primary engine prepared when it can speak here; the fallback is ready at once. */
  @Override
  public Prepared prepare(Voice voice, SpeechSettings settings) {
    if (primary.status().usable()) {
      return primary.prepare(voice, settings);
    }
    return this::synthesize;
  }
}
