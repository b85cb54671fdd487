package io.loaxa.audio;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A speech engine the station runs as a local program, as the config describes it: a Piper-style
 * neural voice ({@code piper --model vi_VN-….onnx --output_file {out}}) or any program that reads
 * text on standard input and writes WAV.
 *
 * <p>Placeholders in the arguments: {@code {voice}} the voice key, {@code {out}} a temporary WAV
 * file the program writes (without it, WAV is read from standard output), {@code {rate}},
 * {@code {pitch}}, {@code {volume}} in percent, and {@code {lengthScale}} = 100 / rate (Piper's
 * {@code --length_scale}). Each argument is passed as is: no shell, no word splitting.
 *
 * @param name the engine name the config uses ({@code piper-vi})
 * @param command program and arguments; the program is looked up on PATH unless it has a slash
 * @param language what the voices speak ({@code vi})
 * @param voices voice keys, first is the default
 * @param timeout how long one run may take
 * @param sentenceBySentence one run per sentence with loaxa's pauses between them; otherwise one run
 *     for the whole text, one sentence per line, and the engine's own pauses
 */
public record CommandEngine(String name, List<String> command, String language, List<String> voices, Duration timeout,
    boolean sentenceBySentence) {
  public CommandEngine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(timeout, "timeout");
    command = List.copyOf(command);
    voices = List.copyOf(voices);
    if (name.isBlank()) {
      throw new IllegalArgumentException("command engine needs a name");
    }
    if (command.isEmpty() || command.get(0).isBlank()) {
      throw new IllegalArgumentException("command engine '" + name + "' needs a program to run");
    }
    if (voices.isEmpty()) {
      throw new IllegalArgumentException("command engine '" + name + "' needs at least one voice");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("command engine '" + name + "' needs a positive timeout");
    }
  }
}
