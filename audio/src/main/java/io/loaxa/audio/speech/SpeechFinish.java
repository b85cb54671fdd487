package io.loaxa.audio.speech;

import io.loaxa.audio.PcmClip;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The last step on rendered speech before it is cached: loudness normalisation to the station
 * target. The label names the step and its target and is part of the render cache key, so a
 * changed target never plays audio mastered for the old one.
 *
 * @param label e.g. {@code "EBU R128 -23 LUFS"}, {@code "peak -1 dBFS"}
 * @param step the processing; must not change the format
 */
public record SpeechFinish(String label, UnaryOperator<PcmClip> step) {
  /** Leaves the engine's level as it is. */
  public static final SpeechFinish NONE = new SpeechFinish("none", UnaryOperator.identity());

  public SpeechFinish {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(step, "step");
  }

  public PcmClip apply(PcmClip clip) {
    return step.apply(clip);
  }

  /**
   * Gain that puts the loudest sample at {@code ceilingDbfs} (up or down), never clipping. A
   * stand-in for loudness normalisation where no loudness meter is wired; silence stays silence.
   */
  public static SpeechFinish peakAt(double ceilingDbfs) {
    if (ceilingDbfs > 0) {
      throw new IllegalArgumentException("peak ceiling must be at or below 0 dBFS: " + ceilingDbfs);
    }
    double ceiling = Math.pow(10, ceilingDbfs / 20);
    return new SpeechFinish("peak " + ceilingDbfs + " dBFS", clip -> {
      float[] samples = clip.samples();
      float peak = 0;
      for (float v : samples) {
        peak = Math.max(peak, Math.abs(v));
      }
      if (peak < 1e-6f) {
        return clip;
      }
      float gain = (float) (ceiling / peak);
      for (int i = 0; i < samples.length; i++) {
        samples[i] *= gain;
      }
      return new PcmClip(clip.format(), samples);
    });
  }
}
