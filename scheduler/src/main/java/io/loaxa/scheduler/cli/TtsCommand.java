package io.loaxa.scheduler.cli;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.SpeechScript;
import io.loaxa.audio.Voice;
import io.loaxa.audio.speech.RiffWave;
import io.loaxa.audio.speech.SpeechRenderer;
import io.loaxa.scheduler.station.StationSpeech;
import io.loaxa.scheduler.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loaxa tts}: hear a text before it airs — the words as they will be spoken, and the WAV. */
@Command(name = "tts", mixinStandardHelpOptions = true,
    description = "Chuyển văn bản thành giọng nói — text to speech: preview how a text will be read.",
    subcommands = {TtsCommand.Normalize.class, TtsCommand.Say.class})
final class TtsCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String text(String argument) throws io.loaxa.schedules.source.SourceException {
    if (!argument.equals("-")) {
      return argument;
    }
    try {
      byte[] bytes = System.in.readNBytes(io.loaxa.schedules.source.SourceLimits.MAX_FILE_BYTES + 1);
      if (bytes.length > io.loaxa.schedules.source.SourceLimits.MAX_FILE_BYTES) {
        throw new UserError("văn bản quá dài: hơn 4 MB — the text on standard input is larger than 4 MB");
      }
      return io.loaxa.schedules.source.TextFiles.decode(bytes, "(standard input)");
    } catch (IOException e) {
      throw new UserError("cannot read the text from standard input: " + e.getMessage(), e);
    }
  }

  static StationSpeech speech(StationOptions options) throws Exception {
    return StationSpeech.assemble(options.stationConfig().speech(), options.dataDir());
  }

  /** {@code loaxa tts normalize TEXT|-}. */
  @Command(name = "normalize", mixinStandardHelpOptions = true,
      description = {"Văn bản sẽ được đọc thế nào — prints the text exactly as it will be spoken, one sentence a line:",
          "numbers, dates, times and abbreviations spelled out (station dictionary and region from --config)."})
  static final class Normalize implements Callable<Integer> {
    @Mixin
    StationOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TEXT|-", description = "The text, or - to read it from standard input.")
    String text;

    @Override
    public Integer call() throws Exception {
      SpeechScript script;
      try {
        script = speech(options).normalizer().script(text(text));
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(script.text());
      return 0;
    }
  }

  /** {@code loaxa tts say TEXT|- --out FILE.wav [--voice V]}. */
  @Command(name = "say", mixinStandardHelpOptions = true,
      description = {"Nghe thử — writes the text as it will air (normalised, spoken, levelled) to a WAV file.",
          "The same rendering is kept in the speech cache for the airing."})
  static final class Say implements Callable<Integer> {
    @Mixin
    StationOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TEXT|-", description = "The text, or - to read it from standard input.")
    String text;

    @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "Where to write the WAV.")
    Path outFile;

    @Option(names = "--voice", paramLabel = "V", description = "A voice of the station's engine (espeak-ng: vi, vi-vn-x-central, vi-vn-x-south).")
    Optional<String> voice = Optional.empty();

    @Option(names = "--accept-english-voice",
        description = "Agree that a Vietnamese text may be read by the English-only fallback voice where espeak-ng is missing.")
    boolean acceptEnglishVoice;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      StationSpeech speech = speech(options);
      if (voice.isPresent()) {
        speech = speech.withVoice(voice.get());
      }
      SpeechEngineStatus status = speech.engine().status();
      for (String warning : status.warnings()) {
        out.println("CẢNH BÁO — WARNING: " + warning);
      }
      out.flush();
      // where the configured engine cannot speak, the fallback reads with its own voice: name that one
      Voice spoken = speech.engine().speakingVoice(speech.voice());
      SpeechRenderer renderer = speech.renderer(acceptEnglishVoice || speech.config().englishVoiceAccepted());
      SpeechRenderer.RenderedSpeech rendered;
      try {
        rendered = renderer.render(text(text));
      } catch (AudioException e) {
        throw new UserError(e.getMessage(), e);
      }
      Path target = outFile.toAbsolutePath();
      try {
        Files.write(target, RiffWave.encode16(rendered.clip()));
      } catch (IOException e) {
        throw new UserError("cannot write " + target + ": " + e.getMessage(), e);
      }
      out.printf(Locale.ROOT, "Giọng đọc — voice: %s (%s), engine %s%n", spoken.key(), spoken.description(), status.engine());
      out.printf(Locale.ROOT, "Đã ghi — wrote %s: %.1f s, %d sentence(s), %d Hz%s%n", target,
          rendered.clip().frames() / (double) rendered.clip().format().sampleRate(), rendered.script().sentences().size(),
          rendered.clip().format().sampleRate(), rendered.fromCache() ? " (from the speech cache)" : "");
      return 0;
    }
  }
}
