package io.loaxa.audio;


/**
 * Holds sample peaks under a ceiling without audible clipping: the gain starts coming down 5 ms
 * before a peak (look-ahead, smoothed over the same 5 ms) and recovers over about 100 ms.
 */
public final class Limiter {
  private static final double LOOKAHEAD_SECONDS = 0.005;
  private static final double RELEASE_SECONDS = 0.1;

  private Limiter() {}

  /** The clip with no sample above {@code ceilingDbfs}; returned as it is when none is. */
  public static PcmClip limit(PcmClip clip, double ceilingDbfs) {
    double ceiling = Math.pow(10, ceilingDbfs / 20);
    if (clip.peak() <= ceiling) {
      return clip;
    }
    int channels = clip.format().channels();
    int frames = clip.frames();
    float[] x = clip.samples();
    double[] wanted = new double[frames];
    for (int f = 0; f < frames; f++) {
      double peak = 0;
      for (int c = 0; c < channels; c++) {
        peak = Math.max(peak, Math.abs(x[f * channels + c]));
      }
      wanted[f] = peak > ceiling ? ceiling / peak : 1.0;
    }
    int look = Math.max(1, (int) (LOOKAHEAD_SECONDS * clip.format().sampleRate()));
    // lowest gain wanted anywhere in the next `look` frames
    double[] ahead = new double[frames];
    // a monotonic deque of frame indices held in a plain array (head..tail): boxing each index cost
    // more than the rest of levelling a long bulletin
    int[] window = new int[frames];
    int head = 0;
    int tail = 0;
    for (int i = frames - 1; i >= 0; i--) {
      while (tail > head && wanted[window[tail - 1]] >= wanted[i]) {
        tail--;
      }
      window[tail++] = i;
      while (window[head] > i + look) {
        head++;
      }
      ahead[i] = wanted[window[head]];
    }
    // averaging the look-ahead minimum over the preceding `look` frames keeps the gain at or under
    // what each peak needs while turning the step into a ramp
    double release = 1 - Math.exp(-1.0 / (RELEASE_SECONDS * clip.format().sampleRate()));
    double sum = 0;
    double gain = 1.0;
    float[] out = new float[x.length];
    for (int i = 0; i < frames; i++) {
      sum += ahead[i];
      if (i >= look) {
        sum -= ahead[i - look];
      }
      double smoothed = sum / Math.min(i + 1, look);
      if (i < look) {
        smoothed = Math.min(smoothed, ahead[i]);
      }
      gain = smoothed < gain ? smoothed : gain + (smoothed - gain) * release;
      gain = Math.min(gain, wanted[i]);
      for (int c = 0; c < channels; c++) {
        out[i * channels + c] = (float) (x[i * channels + c] * gain);
      }
    }
    return new PcmClip(clip.format(), out);
  }
}
