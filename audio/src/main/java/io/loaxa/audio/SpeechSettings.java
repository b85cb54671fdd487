package io.loaxa.audio;

/**
 * How a voice reads: speed, pitch and level, each in percent of the engine's normal. Engines map
 * them onto their own scales (espeak-ng: 100 % rate = 175 words a minute, pitch 50 of 0–99,
 * amplitude 100 of 0–200). Rendered speech is loudness-normalised afterwards, so volume mostly
 * matters for previews.
 *
 * @param ratePercent 30–300; 100 is the engine's normal speed
 * @param pitchPercent 0–200; 100 is the voice's normal pitch
 * @param volumePercent 0–200; 100 is the engine's normal level
 */
public record SpeechSettings(int ratePercent, int pitchPercent, int volumePercent) {
  public static final SpeechSettings NORMAL = new SpeechSettings(100, 100, 100);

  public SpeechSettings {
    if (ratePercent < 30 || ratePercent > 300) {
      throw new IllegalArgumentException("speech rate must be 30–300 %: " + ratePercent);
    }
    if (pitchPercent < 0 || pitchPercent > 200) {
      throw new IllegalArgumentException("speech pitch must be 0–200 %: " + pitchPercent);
    }
    if (volumePercent < 0 || volumePercent > 200) {
      throw new IllegalArgumentException("speech volume must be 0–200 %: " + volumePercent);
    }
  }

  /** Stable text for cache keys and logs: {@code rate=100% pitch=100% volume=100%}. */
  public String describe() {
    return "rate=" + ratePercent + "% pitch=" + pitchPercent + "% volume=" + volumePercent + "%";
  }
}
