package io.loaxa.scheduler.config;

import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.CommandEngine;
import io.loaxa.audio.speech.Region;
import java.util.Objects;
import java.util.Optional;

/**
 * How the station reads texts aloud, as the {@code speech:} block of its config says.
 *
 * @param engine {@code espeak-ng} (default; the embedded English-only FreeTTS stands in where it is
 *     missing), {@code freetts}, or {@code command} with {@link #command}
 * @param voice the voice key; empty for the engine's default ({@code vi} for espeak-ng)
 * @param settings rate, pitch, volume in percent
 * @param region north or south: nghìn / ngàn, linh / lẻ
 * @param dictionary the station's abbreviation file, relative to the data folder unless absolute
 * @param englishVoiceAccepted the station agrees to Vietnamese texts being read by the English-only
 *     fallback voice where no Vietnamese engine works
 * @param command the local program for {@code engine: command}
 */
public record SpeechConfig(String engine, Optional<String> voice, SpeechSettings settings, Region region,
    Optional<String> dictionary, boolean englishVoiceAccepted, Optional<CommandEngine> command) {
  public static final String ESPEAK = "espeak-ng";
  public static final String FREETTS = "freetts";
  public static final String COMMAND = "command";

  /** espeak-ng's Northern voice at normal speed, built-in abbreviations, no English fallback consent. */
  public static final SpeechConfig DEFAULT = new SpeechConfig(ESPEAK, Optional.empty(), SpeechSettings.NORMAL,
      Region.NORTH, Optional.empty(), false, Optional.empty());

  public SpeechConfig {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(voice, "voice");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(command, "command");
    if (engine.equals(COMMAND) && command.isEmpty()) {
      throw new IllegalArgumentException("engine 'command' needs a command block");
    }
  }
}
