package io.loaxa.audio.command;

import io.loaxa.audio.CommandEngine;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.SpeechRequest;
import io.loaxa.audio.SpeechScript;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.SpeechSynthesizer;
import io.loaxa.audio.Voice;
import io.loaxa.audio.speech.RiffWave;
import io.loaxa.audio.speech.SpeechProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks through a {@link CommandEngine}: the seam where a user-supplied neural voice (Piper, a
 * sherpa-onnx command line, …) plugs in by configuration alone. The text goes on standard input,
 * never into the argument list.
 */
public final class CommandSynthesizer implements SpeechSynthesizer {
  private static final Logger log = LoggerFactory.getLogger(CommandSynthesizer.class);
  private final CommandEngine spec;
  private final String searchPath;
  private final List<Voice> voices;

  public CommandSynthesizer(CommandEngine spec, String searchPath) {
    this.spec = spec;
    this.searchPath = searchPath;
    this.voices = spec.voices().stream()
        .map(key -> new Voice(spec.name(), key, spec.language(), spec.name() + " voice " + key)).toList();
  }

  public static CommandSynthesizer onPath(CommandEngine spec) {
    return new CommandSynthesizer(spec, SpeechProcess.systemPath());
  }

  @Override
  public String engine() {
    return spec.name();
  }

  @Override
  public Voice defaultVoice() {
    return voices.get(0);
  }

  @Override
  public SpeechEngineStatus status() {
    Optional<Path> program = SpeechProcess.locate(spec.command().get(0), searchPath);
    if (program.isEmpty()) {
      return SpeechEngineStatus.unusable(spec.name(), "program '" + spec.command().get(0) + "' not found");
    }
    List<String> warnings = new ArrayList<>();
    if (!spec.language().equals("vi") && !spec.language().startsWith("vi-")) {
      warnings.add(spec.name() + " voices speak '" + spec.language() + "', not Vietnamese");
    }
    return new SpeechEngineStatus(spec.name(), true, "runs " + String.join(" ", spec.command()), voices, warnings);
  }

  @Override
  public PcmClip synthesize(SpeechRequest request) throws AudioException {
    Voice voice = request.voice();
    if (!voice.engine().equals(spec.name()) || !spec.voices().contains(voice.key())) {
      throw new AudioException("voice '" + voice.key() + "' is not a voice of " + spec.name() + "; choose one of " + spec.voices());
    }
    boolean otherLanguage = !request.script().language().equals(spec.language());
    if (otherLanguage && !request.otherLanguageAccepted()) {
      throw new AudioException(spec.name() + " speaks '" + spec.language() + "' and will not read '"
          + request.script().language() + "' text without the operator's consent");
    }
    Path program = SpeechProcess.locate(spec.command().get(0), searchPath)
        .orElseThrow(() -> new AudioException(spec.name() + ": program '" + spec.command().get(0) + "' not found"));
    if (!spec.sentenceBySentence()) {
      String text = request.script().sentences().stream().map(SpeechScript.Sentence::text).collect(Collectors.joining("\n")) + "\n";
      return runOnce(program, voice, request.settings(), text);
    }
    List<PcmClip> parts = new ArrayList<>();
    PcmClip first = null;
    for (SpeechScript.Sentence s : request.script().sentences()) {
      PcmClip spoken = runOnce(program, voice, request.settings(), s.text() + "\n");
      if (first == null) {
        first = spoken;
      } else if (!spoken.format().equals(first.format())) {
        spoken = spoken.convertTo(first.format());
      }
      parts.add(spoken);
      if (!s.pauseAfter().isZero()) {
        parts.add(PcmClip.silence(first.format(), s.pauseAfter()));
      }
    }
    return PcmClip.concat(first.format(), parts);
  }

  private PcmClip runOnce(Path program, Voice voice, SpeechSettings settings, String text) throws AudioException {
    Path out = null;
    boolean toFile = spec.command().stream().anyMatch(arg -> arg.contains("{out}"));
    try {
      if (toFile) {
        out = Files.createTempFile("loaxa-speech-", ".wav");
      }
      List<String> command = new ArrayList<>();
      command.add(program.toString());
      for (String arg : spec.command().subList(1, spec.command().size())) {
        command.add(substitute(arg, voice, settings, out));
      }
      SpeechProcess.Result result = SpeechProcess.run(spec.name(), command, text.getBytes(StandardCharsets.UTF_8), spec.timeout());
      if (result.exitCode() != 0) {
        throw new AudioException(spec.name() + " failed (exit " + result.exitCode() + "): "
            + (result.stderr().isEmpty() ? "no message" : result.stderr()));
      }
      byte[] wav = toFile ? Files.readAllBytes(out) : result.stdout();
      if (wav.length == 0) {
        throw new AudioException(spec.name() + " returned no audio" + (result.stderr().isEmpty() ? "" : ": " + result.stderr()));
      }
      return RiffWave.decode(wav, spec.name() + " output");
    } catch (IOException e) {
      throw new AudioException(spec.name() + ": cannot use a temporary WAV file: " + e.getMessage(), e);
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          // a leftover temp file is harmless; the next run uses a new name
          log.warn("cannot delete the temporary speech file {}: {}", out, e.getMessage());
        }
      }
    }
  }

  private static String substitute(String arg, Voice voice, SpeechSettings settings, Path out) {
    String lengthScale = String.format(Locale.ROOT, "%.3f", 100.0 / settings.ratePercent());
    return arg.replace("{voice}", voice.key())
        .replace("{rate}", Integer.toString(settings.ratePercent()))
        .replace("{pitch}", Integer.toString(settings.pitchPercent()))
        .replace("{volume}", Integer.toString(settings.volumePercent()))
        .replace("{lengthScale}", lengthScale)
        .replace("{out}", out == null ? "" : out.toString());
  }
}
