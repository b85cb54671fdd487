package io.loaxa.scheduler.station;

import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.config.SpeechConfig;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.SpeechSynthesizer;
import io.loaxa.audio.Voice;
import io.loaxa.audio.command.CommandSynthesizer;
import io.loaxa.audio.espeak.EspeakNg;
import io.loaxa.audio.freetts.FreeTts;
import io.loaxa.audio.speech.AbbreviationDictionary;
import io.loaxa.audio.speech.DictionaryException;
import io.loaxa.audio.speech.FallbackSynthesizer;
import io.loaxa.audio.speech.RenderCache;
import io.loaxa.audio.Loudness;
import io.loaxa.audio.speech.SpeechFinish;
import io.loaxa.audio.speech.SpeechRenderer;
import io.loaxa.audio.speech.VietnameseNormalizer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The station's speech, wired from its {@code speech:} config: the Vietnamese normaliser with the
 * station's dictionary, the engine (espeak-ng with the English-only fallback behind it, FreeTTS, or
 * a command engine), the voice, and the renderer that keeps finished speech in
 * {@code DATA/cache/speech}.
 */
public final class StationSpeech {
  /**
   * Speech brought to the station's loudness (BS.1770 integrated, peaks under -1 dBFS), as every
   * other programme part is; its label keys the render cache.
   */
  public static final SpeechFinish FINISH = new SpeechFinish(
      "BS.1770 " + Loudness.STATION_TARGET_LUFS + " LUFS", clip -> Loudness.normalise(clip, Loudness.STATION_TARGET_LUFS));

  private final SpeechConfig config;
  private final VietnameseNormalizer normalizer;
  private final SpeechSynthesizer engine;
  private final Voice voice;
  private final SpeechRenderer renderer;
  private final Path dataDir;
  private final Clock clock;

  private StationSpeech(SpeechConfig config, VietnameseNormalizer normalizer, SpeechSynthesizer engine, Voice voice,
      Path dataDir, Clock clock) {
    this.config = config;
    this.normalizer = normalizer;
    this.engine = engine;
    this.voice = voice;
    this.dataDir = dataDir;
    this.clock = clock;
    this.renderer = renderer(config.englishVoiceAccepted());
  }

  /** As {@link #assemble(SpeechConfig, Path, Clock)} on the system clock (command-line tools). */
  public static StationSpeech assemble(SpeechConfig config, Path dataDir) {
    return assemble(config, dataDir, Clock.systemUTC());
  }

  /**
   * Builds the station's speech.
   *
   * @param clock dates the use of cached renderings, which are deleted after
   *     {@link RenderCache#KEEP_UNUSED} without use
   * @throws UserError when the dictionary file is unreadable or wrong (with file:line:col) or the
   *     voice is not one of the engine's
   */
  public static StationSpeech assemble(SpeechConfig config, Path dataDir, Clock clock) {
    AbbreviationDictionary dictionary = AbbreviationDictionary.defaults();
    if (config.dictionary().isPresent()) {
      Path file = dataDir.resolve(config.dictionary().get());
      try {
        String text = io.loaxa.schedules.source.TextFiles.read(file, file.toString());
        dictionary = dictionary.overriddenBy(AbbreviationDictionary.parse(text, file.toString()));
      } catch (DictionaryException e) {
        throw new UserError(e.getMessage(), e);
      } catch (io.loaxa.schedules.source.SourceException | io.loaxa.schedules.source.UnreadableFileException e) {
        throw new UserError(e.getMessage(), e); // not UTF-8, too large, missing: said with the file and place
      }
    }
    VietnameseNormalizer normalizer = new VietnameseNormalizer(config.region(), dictionary);
    SpeechSynthesizer engine = switch (config.engine()) {
      case SpeechConfig.FREETTS -> new FreeTts();
      case SpeechConfig.COMMAND -> CommandSynthesizer.onPath(config.command().orElseThrow());
      default -> new FallbackSynthesizer(EspeakNg.onPath(), new FreeTts());
    };
    return new StationSpeech(config, normalizer, engine, voice(config, engine, config.voice()), dataDir, clock);
  }

  /** The same station speech read by another of the engine's voices ({@code tts say --voice}). */
  public StationSpeech withVoice(String key) {
    return new StationSpeech(config, normalizer, engine, voice(config, engine, Optional.of(key)), dataDir, clock);
  }

  private static Voice voice(SpeechConfig config, SpeechSynthesizer engine, Optional<String> key) {
    if (key.isEmpty()) {
      return engine.defaultVoice();
    }
    List<Voice> voices = declaredVoices(config, engine);
    return voices.stream().filter(v -> v.key().equals(key.get())).findFirst().orElseThrow(() -> new UserError(
        "speech voice '" + key.get() + "' is not a voice of " + engine.engine() + "; choose one of "
            + voices.stream().map(Voice::key).toList()));
  }

  private static List<Voice> declaredVoices(SpeechConfig config, SpeechSynthesizer engine) {
    return switch (config.engine()) {
      case SpeechConfig.FREETTS -> List.of(FreeTts.KEVIN);
      case SpeechConfig.COMMAND -> engine.status().voices().isEmpty()
          ? config.command().orElseThrow().voices().stream()
              .map(k -> new Voice(engine.engine(), k, config.command().orElseThrow().language(), k)).toList()
          : engine.status().voices();
      default -> EspeakNg.vietnameseVoices();
    };
  }

  public SpeechConfig config() {
    return config;
  }

  public VietnameseNormalizer normalizer() {
    return normalizer;
  }

  public SpeechSynthesizer engine() {
    return engine;
  }

  public Voice voice() {
    return voice;
  }

  public SpeechRenderer renderer() {
    return renderer;
  }

  /**
   * A renderer into the station's cache; {@code otherLanguageAccepted} is the operator's consent to
   * the English-only fallback reading Vietnamese (the config's {@code englishFallback}, or asked for
   * one preview).
   */
  public SpeechRenderer renderer(boolean otherLanguageAccepted) {
    return new SpeechRenderer(normalizer, engine, new SpeechRenderer.Reading(voice, config.settings(), otherLanguageAccepted),
        FINISH, Optional.of(new RenderCache(dataDir.resolve("cache").resolve("speech"), clock, RenderCache.KEEP_UNUSED)));
  }

  /**
   * A text ready to air in the station's output format: rendered ahead into the cache (or taken
   * from it), then converted. Calling it when a text is scheduled or edited, and again shortly
   * before air, makes a failure known before the airing.
   *
   * @throws AudioException when the text cannot be spoken; the message says why
   */
  public PcmClip forAir(String text, PcmFormat format) throws AudioException {
    return renderer.render(text).clip().convertTo(format);
  }

  /** What {@code doctor} reports: every engine this machine could use, the configured one first. */
  public List<SpeechEngineStatus> engines() {
    List<SpeechEngineStatus> all = new ArrayList<>();
    all.add(engine.status());
    if (!config.engine().equals(SpeechConfig.ESPEAK)) {
      all.add(EspeakNg.onPath().status());
    }
    if (!config.engine().equals(SpeechConfig.FREETTS)) {
      all.add(new FreeTts().status());
    }
    return all;
  }
}
