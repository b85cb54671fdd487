package io.loaxa.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sources read one after another; dropouts are reported from the start of the whole. */
final class SequenceSource implements PcmSource {
  private final PcmFormat format;
  private final List<PcmSource> parts;
  private final long[] startFrames;
  private int current;
  private long delivered;

  SequenceSource(PcmFormat format, List<PcmSource> parts) {
    this.format = format;
    this.parts = new ArrayList<>();
    for (PcmSource part : parts) {
      this.parts.add(part.convertedTo(format));
    }
    this.startFrames = new long[parts.size()];
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  @Override
  public int read(float[] target, int frames) throws AudioException {
    while (current < parts.size()) {
      int got = parts.get(current).read(target, frames);
      if (got >= 0) {
        delivered += got;
        return got;
      }
      parts.get(current).close();
      current++;
      if (current < parts.size()) {
        startFrames[current] = delivered;
      }
    }
    return -1;
  }

  @Override
  public List<Gap> dropouts() {
    List<Gap> all = new ArrayList<>();
    for (int i = 0; i < parts.size() && i <= current; i++) {
      Duration offset = Duration.ofNanos(startFrames[i] * 1_000_000_000L / format.sampleRate());
      for (Gap gap : parts.get(i).dropouts()) {
        all.add(new Gap(gap.at().plus(offset), gap.length(), gap.reason()));
      }
    }
    return all;
  }

  @Override
  public void close() {
    for (PcmSource part : parts) {
      part.close();
    }
  }
}
