package io.loaxa.audio;

/** A source read through channel mapping and a {@link Resampler}. */
final class ConvertedSource extends FilterSource {
  private final PcmFormat target;
  private final Resampler resampler;
  private final float[] scratch;
  private float[] ready = new float[0];
  private int readyAt;
  private boolean ended;

  ConvertedSource(PcmSource inner, PcmFormat target) {
    super(inner);
    this.target = target;
    PcmFormat from = inner.format();
    this.resampler = from.sampleRate() == target.sampleRate()
        ? null : new Resampler(from.sampleRate(), target.sampleRate(), target.channels());
    this.scratch = new float[Math.max(1, from.sampleRate() / 50) * from.channels()];
  }

  @Override
  public PcmFormat format() {
    return target;
  }

  @Override
  public int read(float[] out, int frames) throws AudioException {
    int channels = target.channels();
    while (ready.length - readyAt == 0) {
      if (ended) {
        return -1;
      }
      PcmFormat from = inner.format();
      int got = inner.read(scratch, scratch.length / from.channels());
      float[] mapped;
      if (got < 0) {
        ended = true;
        mapped = resampler == null ? new float[0] : resampler.finish();
      } else {
        mapped = Channels.map(scratch, got, from.channels(), channels);
        if (resampler != null) {
          mapped = resampler.push(mapped, got);
        }
      }
      ready = mapped;
      readyAt = 0;
    }
    int count = Math.min(frames, (ready.length - readyAt) / channels);
    System.arraycopy(ready, readyAt, out, 0, count * channels);
    readyAt += count * channels;
    return count;
  }
}
