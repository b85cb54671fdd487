package io.loaxa.audio.speech;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.SpeechRequest;
import io.loaxa.audio.SpeechScript;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.SpeechSynthesizer;
import io.loaxa.audio.Voice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a speech segment ahead of air time: normalise the text, look the result up in the render
 * cache, otherwise synthesise it, finish it (loudness) and store it. Running it when a text is
 * scheduled or edited and again shortly before air means a failure is known before the airing,
 * and the airing itself only reads a file. Thread-safe if the engine is.
 */
public final class SpeechRenderer {
  private static final Logger log = LoggerFactory.getLogger(SpeechRenderer.class);

  /**
   * How the station's texts are read.
   *
   * @param voice one of the engine's voices
   * @param settings rate, pitch, volume
   * @param otherLanguageAccepted the station has agreed to texts being read by a voice of another
   *     language (only matters for the English-only fallback)
   */
  public record Reading(Voice voice, SpeechSettings settings, boolean otherLanguageAccepted) {
    public Reading {
      Objects.requireNonNull(voice, "voice");
      Objects.requireNonNull(settings, "settings");
    }
  }

  /** A rendered text: what was said, under which key, and whether it came from the cache. */
  public record RenderedSpeech(RenderKey key, SpeechScript script, PcmClip clip, boolean fromCache) {}

  private final VietnameseNormalizer normalizer;
  private final SpeechSynthesizer engine;
  private final Reading reading;
  private final SpeechFinish finish;
  private final Optional<RenderCache> cache;
  /** Texts rendered lately, as spoken: a text rendered again is looked up before any engine starts. */
  private final Map<String, SpeechScript> spoken = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SpeechScript> eldest) {
      return size() > REMEMBERED_TEXTS;
    }
  };
  private static final int REMEMBERED_TEXTS = 64;

  public SpeechRenderer(VietnameseNormalizer normalizer, SpeechSynthesizer engine, Reading reading, SpeechFinish finish,
      Optional<RenderCache> cache) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.reading = Objects.requireNonNull(reading, "reading");
    this.finish = Objects.requireNonNull(finish, "finish");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /**
   * The text as spoken.
   *
   * @throws AudioException when the text has nothing to speak
   */
  public SpeechScript script(String text) throws AudioException {
    try {
      return normalizer.script(text);
    } catch (IllegalArgumentException e) {
      throw new AudioException("speech text: " + e.getMessage(), e);
    }
  }

  /** The cache key: what is said, by the voice that will really say it, how, and how it is levelled. */
  public RenderKey keyFor(SpeechScript script) {
    return RenderKey.of(script, engine.speakingVoice(reading.voice()), reading.settings(), finish);
  }

  /**
   * Renders {@code text}, from the cache when it is there. A text this renderer rendered before is
   * looked up in the cache straight away (render-ahead renders the same text when it is scheduled
   * and again before air); otherwise the engine is made ready while the text is normalised and let
   * go of unused when the cache has the rendering.
   *
   * @throws AudioException when the text is empty, the engine fails or refuses, or the cache cannot
   *     be written; the message says which
   */
  public RenderedSpeech render(String text) throws AudioException {
    Optional<SpeechScript> known = remembered(text);
    Optional<RenderedSpeech> cached = known.flatMap(this::cached);
    if (cached.isPresent()) {
      return cached.get();
    }
    try (SpeechSynthesizer.Prepared ready = engine.prepare(reading.voice(), reading.settings())) {
      SpeechScript script;
      if (known.isPresent()) {
        script = known.get(); // looked up above: not in the cache
      } else {
        script = script(text);
        remember(text, script);
        cached = cached(script);
        if (cached.isPresent()) {
          return cached.get();
        }
      }
      RenderKey key = keyFor(script);
      PcmClip clip = synthesize(ready, script);
      if (cache.isPresent()) {
        cache.get().store(key, clip);
        log.info("rendered speech {} ({} words, {} s) with {} voice {}", key, script.wordCount(),
            clip.duration().toMillis() / 1000.0, engine.engine(), reading.voice().key());
      }
      return new RenderedSpeech(key, script, clip, false);
    }
  }

  private Optional<RenderedSpeech> cached(SpeechScript script) {
    if (cache.isEmpty()) {
      return Optional.empty();
    }
    RenderKey key = keyFor(script);
    return cache.get().find(key).map(clip -> new RenderedSpeech(key, script, clip, true));
  }

  private Optional<SpeechScript> remembered(String text) {
    synchronized (spoken) {
      return Optional.ofNullable(spoken.get(text));
    }
  }

  private void remember(String text, SpeechScript script) {
    synchronized (spoken) {
      spoken.put(text, script);
    }
  }

  /** Synthesises and finishes a script without touching the cache (previews, benchmarks). */
  public PcmClip synthesize(SpeechScript script) throws AudioException {
    try (SpeechSynthesizer.Prepared ready = engine.prepare(reading.voice(), reading.settings())) {
      return synthesize(ready, script);
    }
  }

  private PcmClip synthesize(SpeechSynthesizer.Prepared ready, SpeechScript script) throws AudioException {
    SpeechRequest request = new SpeechRequest(script, reading.voice(), reading.settings(), reading.otherLanguageAccepted());
    PcmClip spoken = ready.synthesize(request);
    if (spoken.frames() == 0) {
      throw new AudioException(engine.engine() + " returned no audio for the text");
    }
    PcmClip finished = finish.apply(spoken);
    if (!finished.format().equals(spoken.format())) {
      throw new IllegalStateException("finishing step '" + finish.label() + "' changed the format");
    }
    return finished;
  }
}
