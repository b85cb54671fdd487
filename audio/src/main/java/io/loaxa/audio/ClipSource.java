package io.loaxa.audio;

final class ClipSource implements PcmSource {
  private final PcmClip clip;
  private int next;

  ClipSource(PcmClip clip) {
    this.clip = clip;
  }

  @Override
  public PcmFormat format() {
    return clip.format();
  }

  @Override
  public int read(float[] target, int frames) {
    int left = clip.frames() - next;
    if (left <= 0) {
      return -1;
    }
    int count = Math.min(frames, left);
    clip.copyFrames(next, count, target);
    next += count;
    return count;
  }
}
