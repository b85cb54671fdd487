package io.loaxa.audio;

import java.util.List;
import java.util.Objects;

/**
 * What {@code loaxa doctor} says about one speech engine on this machine.
 *
 * @param engine engine name
 * @param usable true when it can speak here now
 * @param detail its version when usable, else why not ("espeak-ng not found on PATH …")
 * @param voices the voices it offers here; empty when not usable
 * @param warnings things an installer must hear even when it works ("English only")
 */
public record SpeechEngineStatus(String engine, boolean usable, String detail, List<Voice> voices, List<String> warnings) {
  public SpeechEngineStatus {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(detail, "detail");
    voices = List.copyOf(voices);
    warnings = List.copyOf(warnings);
  }

  public static SpeechEngineStatus unusable(String engine, String why) {
    return new SpeechEngineStatus(engine, false, why, List.of(), List.of());
  }
}
