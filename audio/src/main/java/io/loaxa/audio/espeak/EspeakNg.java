package io.loaxa.audio.espeak;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.SpeechRequest;
import io.loaxa.audio.SpeechScript;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.SpeechSynthesizer;
import io.loaxa.audio.Voice;
import io.loaxa.audio.speech.SpeechProcess;
import io.loaxa.audio.speech.Ssml;
import io.loaxa.audio.speech.WavStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * espeak-ng, the station's offline Vietnamese voice: Northern {@code vi}, {@code vi-vn-x-central}
 * and {@code vi-vn-x-south}. Runs the program with the script on standard input as SSML (so
 * sentence pauses are exact and one process reads the whole bulletin) and takes the WAV from
 * standard output. Never through a shell: the text cannot run anything.
 *
 * <p>Settings map to espeak-ng's scales: rate 100 % = 175 words a minute ({@code -s}), pitch 100 %
 * = 50 of 0–99 ({@code -p}), volume 100 % = amplitude 100 of 0–200 ({@code -a}).
 */
public final class EspeakNg implements SpeechSynthesizer {
  public static final String ENGINE = "espeak-ng";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
  private static final List<Voice> VOICES = List.of(
      new Voice(ENGINE, "vi", "vi", "Vietnamese (Northern)"),
      new Voice(ENGINE, "vi-vn-x-central", "vi", "Vietnamese (Central)"),
      new Voice(ENGINE, "vi-vn-x-south", "vi", "Vietnamese (Southern)"));

  private final String program;
  private final String searchPath;
  private final Duration timeout;
  private volatile SpeechEngineStatus healthy;

  /**
   * @param program {@code espeak-ng}, looked up on {@code searchPath}, or a path to the binary
   * @param searchPath a PATH value
   * @param timeout how long one synthesis may take before the process is killed
   */
  public EspeakNg(String program, String searchPath, Duration timeout) {
    this.program = Objects.requireNonNull(program, "program");
    this.searchPath = Objects.requireNonNull(searchPath, "searchPath");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** espeak-ng as installed by {@code apt-get install espeak-ng}. */
  public static EspeakNg onPath() {
    return new EspeakNg(ENGINE, SpeechProcess.systemPath(), DEFAULT_TIMEOUT);
  }

  /** The three Vietnamese voices espeak-ng 1.51 ships. */
  public static List<Voice> vietnameseVoices() {
    return VOICES;
  }

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public Voice defaultVoice() {
    return VOICES.get(0);
  }

  /** Finds the program, asks its version and which Vietnamese voices it has. Remembered once healthy. */
  @Override
  public SpeechEngineStatus status() {
    SpeechEngineStatus known = healthy;
    if (known != null) {
      return known;
    }
    Optional<Path> binary = SpeechProcess.locate(program, searchPath);
    if (binary.isEmpty()) {
      return SpeechEngineStatus.unusable(ENGINE, "'" + program + "' not found"
          + (program.contains("/") ? "" : " on PATH") + "; install it with: apt-get install espeak-ng");
    }
    try {
      SpeechProcess.Result version = SpeechProcess.run(ENGINE, List.of(binary.get().toString(), "--version"), new byte[0], PROBE_TIMEOUT);
      if (version.exitCode() != 0) {
        return SpeechEngineStatus.unusable(ENGINE, binary.get() + " --version failed (exit " + version.exitCode() + "): " + version.stderr());
      }
      SpeechProcess.Result list = SpeechProcess.run(ENGINE, List.of(binary.get().toString(), "--voices=vi"), new byte[0], PROBE_TIMEOUT);
      String listing = new String(list.stdout(), StandardCharsets.UTF_8);
      List<Voice> present = new ArrayList<>();
      for (Voice v : VOICES) {
        if (listing.lines().anyMatch(line -> column(line, 1).equalsIgnoreCase(v.key()))) {
          present.add(v);
        }
      }
      if (present.isEmpty()) {
        return SpeechEngineStatus.unusable(ENGINE, binary.get() + " has no Vietnamese voice (espeak-ng --voices=vi lists none)");
      }
      String versionLine = new String(version.stdout(), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
      int data = versionLine.indexOf("Data at");
      String detail = (data > 0 ? versionLine.substring(0, data).strip() : versionLine) + " at " + binary.get();
      SpeechEngineStatus status = new SpeechEngineStatus(ENGINE, true, detail, present, List.of());
      healthy = status;
      return status;
    } catch (AudioException e) {
      return SpeechEngineStatus.unusable(ENGINE, e.getMessage());
    }
  }

  private static String column(String line, int index) {
    String[] parts = line.strip().split("\\s+");
    return parts.length > index ? parts[index] : "";
  }

  @Override
  public PcmClip synthesize(SpeechRequest request) throws AudioException {
    return speak(request, SpeechProcess.start(ENGINE, command(request.voice(), request.settings())));
  }

  /**
   * Starts espeak-ng on a thread of its own at once (the process start and espeak-ng loading its
   * dictionary, about 10 ms, then overlap the caller's normalising); the request is fed to it when
   * it comes. A request for another voice or other settings gets a process of its own.
   */
  @Override
  public Prepared prepare(Voice voice, SpeechSettings settings) {
    CompletableFuture<SpeechProcess.Started> starting = new CompletableFuture<>();
    Thread starter = new Thread(() -> {
      try {
        starting.complete(SpeechProcess.start(ENGINE, command(voice, settings)));
      } catch (AudioException | RuntimeException e) {
        starting.completeExceptionally(e);
      }
    }, "espeak-ng-start");
    starter.setDaemon(true);
    starter.start();
    return new Prepared() {
      private boolean used;

      @Override
      public PcmClip synthesize(SpeechRequest request) throws AudioException {
        if (used) {
          throw new IllegalStateException("a prepared espeak-ng reads one request");
        }
        used = true;
        SpeechProcess.Started started = started(starting);
        if (!request.voice().equals(voice) || !request.settings().equals(settings)) {
          started.abandon();
          return EspeakNg.this.synthesize(request);
        }
        return speak(request, started);
      }

      @Override
      public void close() {
        if (!used) {
          used = true;
          starting.thenAccept(SpeechProcess.Started::abandon);
        }
      }
    };
  }

  private static SpeechProcess.Started started(CompletableFuture<SpeechProcess.Started> starting) throws AudioException {
    try {
      return starting.get();
    } catch (InterruptedException e) {
      starting.thenAccept(SpeechProcess.Started::abandon);
      Thread.currentThread().interrupt();
      throw new AudioException("espeak-ng was interrupted while starting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AudioException a) {
        throw a;
      }
      throw new AudioException("espeak-ng could not be started: " + e.getCause(), e.getCause());
    }
  }

  /** The command for a voice, refused before anything starts when the voice or the binary is wrong. */
  private List<String> command(Voice voice, SpeechSettings settings) throws AudioException {
    if (!voice.engine().equals(ENGINE) || VOICES.stream().noneMatch(v -> v.key().equals(voice.key()))) {
      throw new AudioException("voice '" + voice.key() + "' is not an espeak-ng voice; choose one of "
          + VOICES.stream().map(Voice::key).toList());
    }
    Path binary = SpeechProcess.locate(program, searchPath).orElseThrow(() -> new AudioException(
        "espeak-ng is not installed ('" + program + "' not found); install it with: apt-get install espeak-ng"));
    return command(binary.toString(), voice.key(), settings);
  }

  private PcmClip speak(SpeechRequest request, SpeechProcess.Started started) throws AudioException {
    byte[] ssml = ssml(request.script()).getBytes(StandardCharsets.UTF_8);
    WavStream wav = new WavStream(expectedSamples(request.script(), request.settings()));
    SpeechProcess.Result result = started.finish(ssml, timeout, wav);
    if (result.exitCode() != 0) {
      throw new AudioException("espeak-ng failed (exit " + result.exitCode() + "): "
          + (result.stderr().isEmpty() ? "no message" : result.stderr()));
    }
    try {
      return wav.clip("espeak-ng output");
    } catch (AudioException e) {
      throw new AudioException(e.getMessage() + (result.stderr().isEmpty() ? "" : " (espeak-ng said: " + result.stderr() + ")"), e);
    }
  }

  /**
   * Roughly how many samples espeak-ng writes for a script: its words at the configured rate plus
   * its pauses, at espeak-ng's 22.05 kHz. Vietnamese syllables come out faster than the nominal
   * rate, so this errs on the long side; it only sizes the decoder's first buffer.
   */
  static int expectedSamples(SpeechScript script, SpeechSettings settings) {
    double seconds = script.wordCount() * 60.0 / wordsPerMinute(settings);
    for (SpeechScript.Sentence s : script.sentences()) {
      seconds += s.pauseAfter().toMillis() / 1000.0;
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(seconds * 22_050));
  }

  private static int wordsPerMinute(SpeechSettings settings) {
    return clamp(Math.round(175f * settings.ratePercent() / 100f), 80, 450);
  }

  /** The argument list; package-visible so tests can see that the text is not in it. */
  static List<String> command(String binary, String voice, SpeechSettings settings) {
    int wordsPerMinute = wordsPerMinute(settings);
    int pitch = clamp(Math.round(50f * settings.pitchPercent() / 100f), 0, 99);
    int amplitude = clamp(settings.volumePercent(), 0, 200);
    return List.of(binary, "-v", voice, "-s", Integer.toString(wordsPerMinute), "-p", Integer.toString(pitch),
        "-a", Integer.toString(amplitude), "-b", "1", "-m", "--stdout");
  }

  /** The script as espeak-ng reads it: SSML with exact breaks, text escaped. */
  static String ssml(SpeechScript script) {
    return Ssml.of(script);
  }

  private static int clamp(int value, int lo, int hi) {
    return Math.max(lo, Math.min(hi, value));
  }
}
