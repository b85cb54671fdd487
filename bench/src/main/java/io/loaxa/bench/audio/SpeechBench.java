package io.loaxa.bench.audio;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.SpeechRequest;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.SpeechSynthesizer;
import io.loaxa.audio.SpeechScript;
import io.loaxa.audio.speech.SpeechFinish;
import io.loaxa.audio.speech.SpeechRenderer;
import io.loaxa.audio.speech.Ssml;
import io.loaxa.audio.speech.VietnameseNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code loaxa bench speech}: a 500-word CCHC bulletin from a commune plan, read by loaxa's pipeline
 * (normalise + espeak-ng + finishing/loudness step) against raw {@code espeak-ng -v vi -b 1} on the
 * same text in the same run. Prints seconds (median of the rounds), the ratio, the overhead, and the
 * real-time factor. {@code -b 1} tells espeak-ng its input is UTF-8 in both cases: without it
 * espeak-ng 1.51 guesses the encoding of standard input and reads most of this text as Latin-1
 * letters, which is neither fair nor Vietnamese.
 *
 * <p>Wall-clock timing is what a benchmark measures; it is not used anywhere else.
 */
public final class SpeechBench {
  /** The bulletin: the first 500 words of a commune's 2024 CCHC communication plan. */
  public static final String BULLETIN = "bench-bulletin-500.txt";

  /**
   * Figures of one run, in seconds: medians of the rounds, and the best round of each (the least
   * disturbed by other work on a shared machine).
   */
  public record Report(int words, int spokenWords, double audioSeconds, double rawSeconds, double rawNormalisedSeconds,
      double rawSsmlSeconds, double pipelineSeconds, double normaliseSeconds, double finishSeconds, double bestRawSeconds,
      double bestRawNormalisedSeconds, double bestRawSsmlSeconds, double bestPipelineSeconds, double pairedRatioSameWords,
      String finish) {
    /** Pipeline time over raw espeak-ng on the written text (medians). */
    public double ratio() {
      return pipelineSeconds / rawSeconds;
    }

    /** Pipeline time over raw espeak-ng reading the same spoken words: the cost of the pipeline alone. */
    public double ratioSameWords() {
      return pipelineSeconds / rawNormalisedSeconds;
    }

    /** Pipeline time over raw espeak-ng given exactly the SSML loaxa gives it: the Java side alone. */
    public double ratioSameInput() {
      return pipelineSeconds / rawSsmlSeconds;
    }

    /** As {@link #ratioSameInput()} for the best rounds. */
    public double bestRatioSameInput() {
      return bestPipelineSeconds / bestRawSsmlSeconds;
    }

    /** As {@link #ratio()} for the best rounds. */
    public double bestRatio() {
      return bestPipelineSeconds / bestRawSeconds;
    }

    /** As {@link #ratioSameWords()} for the best rounds. */
    public double bestRatioSameWords() {
      return bestPipelineSeconds / bestRawNormalisedSeconds;
    }

    /** Seconds of work per second of speech. */
    public double realTimeFactor() {
      return pipelineSeconds / audioSeconds;
    }
  }

  private final Path espeak;
  private final SpeechSynthesizer engine;
  private final VietnameseNormalizer normalizer;
  private final SpeechFinish finish;

  /**
   * @param espeak the espeak-ng binary the raw baseline runs
   * @param engine the station's espeak-ng adapter
   * @param finish the loudness step (the station's loudness normaliser; peak-safe gain without one)
   */
  public SpeechBench(Path espeak, SpeechSynthesizer engine, VietnameseNormalizer normalizer, SpeechFinish finish) {
    this.espeak = espeak;
    this.engine = engine;
    this.normalizer = normalizer;
    this.finish = finish;
  }

  public static String bulletin() {
    try (InputStream in = SpeechBench.class.getResourceAsStream(BULLETIN)) {
      if (in == null) {
        throw new IllegalStateException(BULLETIN + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BULLETIN, e);
    }
  }

  /** Runs {@code rounds} timed rounds of each after two warm-up rounds and prints the figures. */
  public Report run(int rounds, PrintWriter out) throws AudioException {
    String text = bulletin();
    SpeechRenderer renderer = new SpeechRenderer(normalizer, engine,
        new SpeechRenderer.Reading(engine.defaultVoice(), SpeechSettings.NORMAL, false), finish, Optional.empty());
    String spoken = normalizer.script(text).text();
    String ssml = Ssml.of(normalizer.script(text));
    out.printf(Locale.ROOT, "speech bench: %d-word bulletin, engine %s voice %s, finishing step '%s', %d rounds%n",
        words(text), engine.engine(), engine.defaultVoice().key(), finish.label(), rounds);
    double[] raw = new double[rounds];
    double[] rawSpoken = new double[rounds];
    double[] rawSsml = new double[rounds];
    double[] pipeline = new double[rounds];
    double[] normalise = new double[rounds];
    double[] finishing = new double[rounds];
    PcmClip clip = null;
    // a daemon normalises and levels speech all day: measure both compiled, as they run there
    for (int i = 0; i < 50; i++) {
      normalizer.script(text);
    }
    PcmClip minute = PcmClip.silence(new io.loaxa.audio.PcmFormat(22_050, 1), java.time.Duration.ofSeconds(60));
    float[] tone = minute.samples();
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) Math.sin(i * 0.05) * 0.3f;
    }
    PcmClip sample = new PcmClip(minute.format(), tone);
    for (int i = 0; i < 30; i++) {
      finish.apply(sample);
    }
    for (int r = -3; r < rounds; r++) {
      double rawTime = rawEspeak(text);
      double rawSsmlTime = rawEspeak(ssml, "-m");
      // raw espeak-ng on the same words runs right before or right after the pipeline, in turns
      double rawSpokenTime = r % 2 == 0 ? rawEspeak(spoken) : Double.NaN;
      // the pipeline as the station runs it: espeak-ng starts while the text is normalised
      long t0 = System.nanoTime();
      clip = renderer.render(text).clip();
      long t1 = System.nanoTime();
      if (r % 2 != 0) {
        rawSpokenTime = rawEspeak(spoken);
      }
      // loaxa's own steps once more on their own, for the breakdown
      SpeechScript script = renderer.script(text);
      long t2 = System.nanoTime();
      PcmClip voiced = engine.synthesize(SpeechRequest.of(script, engine.defaultVoice()));
      long t3 = System.nanoTime();
      finish.apply(voiced);
      long t4 = System.nanoTime();
      if (System.getenv("LOAXA_BENCH_TRACE") != null) {
        out.printf(Locale.ROOT, "  round %d: raw %.3f, same words %.3f, same SSML %.3f, loaxa %.3f%n", r, rawTime, rawSpokenTime,
            rawSsmlTime, (t1 - t0) / 1e9);
      }
      if (r >= 0) {
        raw[r] = rawTime;
        rawSpoken[r] = rawSpokenTime;
        rawSsml[r] = rawSsmlTime;
        pipeline[r] = (t1 - t0) / 1e9;
        normalise[r] = (t2 - t1) / 1e9;
        finishing[r] = (t4 - t3) / 1e9;
      }
    }
    Report report = new Report(words(text), words(spoken), clip.frames() / (double) clip.format().sampleRate(),
        median(raw), median(rawSpoken), median(rawSsml), median(pipeline), median(normalise), median(finishing), min(raw),
        min(rawSpoken), min(rawSsml), min(pipeline), median(ratios(pipeline, rawSpoken)), finish.label());
    print(report, out);
    out.flush();
    return report;
  }

  static void print(Report r, PrintWriter out) {
    out.printf(Locale.ROOT, "                                                    median     best%n");
    out.printf(Locale.ROOT, "  raw espeak-ng -v vi, written text (%3d words)   %7.3f s  %7.3f s%n", r.words(), r.rawSeconds(),
        r.bestRawSeconds());
    out.printf(Locale.ROOT, "  raw espeak-ng -v vi, normalised text (%3d words) %6.3f s  %7.3f s%n", r.spokenWords(),
        r.rawNormalisedSeconds(), r.bestRawNormalisedSeconds());
    out.printf(Locale.ROOT, "  raw espeak-ng -v vi -m, loaxa's SSML (pauses)    %6.3f s  %7.3f s%n", r.rawSsmlSeconds(),
        r.bestRawSsmlSeconds());
    out.printf(Locale.ROOT, "  loaxa: normalise + espeak-ng + finish          %7.3f s  %7.3f s   (alone: normalise %.3f s, overlapping espeak-ng's start; finish %.3f s)%n",
        r.pipelineSeconds(), r.bestPipelineSeconds(), r.normaliseSeconds(), r.finishSeconds());
    out.printf(Locale.ROOT, "  speech produced %.1f s%n", r.audioSeconds());
    out.printf(Locale.ROOT, "  ratio loaxa / raw, written text        %.3f (%+.1f %%)   best %.3f (%+.1f %%)%n", r.ratio(),
        (r.ratio() - 1) * 100, r.bestRatio(), (r.bestRatio() - 1) * 100);
    out.printf(Locale.ROOT, "  ratio loaxa / raw, same spoken words   %.3f (%+.1f %%)   best %.3f (%+.1f %%)%n",
        r.ratioSameWords(), (r.ratioSameWords() - 1) * 100, r.bestRatioSameWords(), (r.bestRatioSameWords() - 1) * 100);
    out.printf(Locale.ROOT, "  ratio loaxa / raw, same spoken words, median of the rounds' own ratios  %.3f (%+.1f %%)   target <= 10 %%%n",
        r.pairedRatioSameWords(), (r.pairedRatioSameWords() - 1) * 100);
    out.printf(Locale.ROOT, "  ratio loaxa / raw, same SSML input      %.3f (%+.1f %%)   best %.3f (%+.1f %%)%n",
        r.ratioSameInput(), (r.ratioSameInput() - 1) * 100, r.bestRatioSameInput(), (r.bestRatioSameInput() - 1) * 100);
    out.printf(Locale.ROOT, "  real-time factor %.4f (%.0fx faster than real time)%n", r.realTimeFactor(), 1 / r.realTimeFactor());
  }

  /**
   * espeak-ng at its leanest: text from a file, WAV read from its standard output and thrown away,
   * so nothing is decoded or stored. (Pointing its output at /dev/null measured slower here than a
   * drained pipe, so the pipe is the fairer baseline.)
   */
  private double rawEspeak(String text, String... extra) throws AudioException {
    Path in = null;
    try {
      in = Files.createTempFile("loaxa-bench-", ".txt");
      Files.writeString(in, text, StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(espeak.toString(), "-v", "vi", "-b", "1"));
      command.addAll(List.of(extra));
      command.add("--stdout");
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectInput(in.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
      long t0 = System.nanoTime();
      Process process = pb.start();
      try (InputStream wav = process.getInputStream()) {
        wav.transferTo(OutputStream.nullOutputStream());
      }
      int exit = process.waitFor();
      long t1 = System.nanoTime();
      if (exit != 0) {
        throw new AudioException("espeak-ng failed in the benchmark (exit " + exit + ")");
      }
      return (t1 - t0) / 1e9;
    } catch (IOException e) {
      throw new AudioException("benchmark cannot run espeak-ng: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AudioException("benchmark interrupted", e);
    } finally {
      delete(in);
    }
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        System.err.println("speech bench: cannot delete " + p + ": " + e.getMessage());
      }
    }
  }

  private static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** Round by round {@code a / b}: a drift of the machine's load between rounds cancels out. */
  private static double[] ratios(double[] a, double[] b) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] / b[i];
    }
    return r;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
