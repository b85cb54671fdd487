package io.loaxa.audio;

/**
 * The shape of PCM audio: frames per second and interleaved channels. Samples are 32-bit floats in
 * [-1, 1] inside loaxa and 16-bit signed little-endian on the sound card.
 */
public record PcmFormat(int sampleRate, int channels) {
  /** What the station plays: CD rate, stereo; PulseAudio's null sink runs at the same. */
  public static final PcmFormat STATION = new PcmFormat(44_100, 2);

  public PcmFormat {
    if (sampleRate < 4_000 || sampleRate > 192_000) {
      throw new IllegalArgumentException("sample rate out of range: " + sampleRate);
    }
    if (channels < 1 || channels > 8) {
      throw new IllegalArgumentException("channels out of range: " + channels);
    }
  }
}
