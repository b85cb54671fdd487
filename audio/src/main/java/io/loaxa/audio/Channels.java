package io.loaxa.audio;

/** Maps interleaved frames between channel counts: mono is copied to every channel, more to mono is averaged. */
final class Channels {
  private Channels() {}

  static float[] map(float[] in, int frames, int inChannels, int outChannels) {
    float[] out = new float[frames * outChannels];
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < outChannels; c++) {
        float v;
        if (inChannels == 1) {
          v = in[f];
        } else if (outChannels == 1) {
          float sum = 0;
          for (int i = 0; i < inChannels; i++) {
            sum += in[f * inChannels + i];
          }
          v = sum / inChannels;
        } else {
          v = in[f * inChannels + Math.min(c, inChannels - 1)];
        }
        out[f * outChannels + c] = v;
      }
    }
    return out;
  }
}
