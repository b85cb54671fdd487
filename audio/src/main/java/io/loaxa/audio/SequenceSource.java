package io.loaxa.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sources read one after another; dropouts are reported from the start of the whole. */
final class SequenceSource implements PartedSource {
  private final PcmFormat format;
  private final List<PcmSource> parts;
  private final long[] startFrames;
  private volatile int current;
  private volatile long delivered;
  private volatile boolean endAtPartEnd;
  private volatile boolean endedEarly;

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
    if (endedEarly) {
      return -1;
    }
    while (current < parts.size()) {
      int got = parts.get(current).read(target, frames);
      if (got >= 0) {
        delivered += got;
        return got;
      }
      parts.get(current).close();
      if (endAtPartEnd && current + 1 < parts.size()) {
        endedEarly = true;
        for (int i = current + 1; i < parts.size(); i++) {
          parts.get(i).close();
        }
        return -1;
      }
      if (current + 1 < parts.size()) {
        startFrames[current + 1] = delivered;
      }
      current++;
    }
    return -1;
  }

  @Override
  public void endAfterCurrentPart() {
    endAtPartEnd = true;
  }

  @Override
  public boolean endedEarly() {
    return endedEarly;
  }

  @Override
  public int partIndex() {
    return current;
  }

  @Override
  public long framesIntoPart() {
    int at = current;
    return at < parts.size() ? delivered - startFrames[at] : 0;
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
