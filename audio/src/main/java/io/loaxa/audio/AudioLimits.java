package io.loaxa.audio;

import java.time.Duration;
import java.util.Locale;

/**
 * The bounds a recording handed to the station must keep, and the sentence the operator reads when
 * one does not: sample rates from 8 to 192 kHz, 1 to 8 channels, at most two hours of audio in a
 * file of at most 1 GiB, and every length a header claims held against the bytes really present.
 * Decoding may take at most {@link #decodeBudget} for the audio it yields, so a file built to make
 * a decoder spin is refused instead of holding up the rendering of the day's airings. Each refusal
 * is an {@link AudioException} whose message is one sentence, Vietnamese first with English in
 * parentheses, naming the file and the limit.
 */
public final class AudioLimits {
  public static final int MIN_SAMPLE_RATE = 8_000;
  public static final int MAX_SAMPLE_RATE = 192_000;
  public static final int MAX_CHANNELS = 8;
  public static final long MAX_FILE_BYTES = 1L << 30;
  public static final Duration MAX_LENGTH = Duration.ofHours(2);
  /** Samples (all channels) one clip may hold: a Java array's bound. */
  public static final long MAX_SAMPLES = Integer.MAX_VALUE - 16;
  /** Decoding time allowed on top of {@link #DECODE_TIME_PER_AUDIO_SECOND} per second decoded. */
  public static final Duration DECODE_TIME_BASE = Duration.ofSeconds(10);
  /** Pure-Java decoders here run 50–200× real time; 0.25 s per second of audio is far beyond that. */
  public static final Duration DECODE_TIME_PER_AUDIO_SECOND = Duration.ofMillis(250);

  private AudioLimits() {}

  /** Refuses a sample rate outside 8–192 kHz. */
  public static void checkSampleRate(String name, long rate) throws AudioException {
    if (rate < MIN_SAMPLE_RATE || rate > MAX_SAMPLE_RATE) {
      throw refusal("tệp " + name + " có tần số lấy mẫu " + vi(rate) + " Hz, ngoài khoảng 8–192 kHz được nhận",
          "file " + name + " has a sample rate of " + en(rate) + " Hz, outside the 8–192 kHz accepted");
    }
  }

  /** Refuses a channel count outside 1–8. */
  public static void checkChannels(String name, long channels) throws AudioException {
    if (channels < 1 || channels > MAX_CHANNELS) {
      throw refusal("tệp " + name + " có " + vi(channels) + " kênh, ngoài khoảng 1–" + MAX_CHANNELS + " kênh được nhận",
          "file " + name + " has " + en(channels) + " channels, outside the 1–" + MAX_CHANNELS + " accepted");
    }
  }

  /** Refuses a file larger than 1 GiB, before it is read. */
  public static void checkFileSize(String name, long bytes) throws AudioException {
    if (bytes > MAX_FILE_BYTES) {
      throw refusal("tệp " + name + " nặng " + viBytes(bytes) + ", quá giới hạn 1 GiB",
          "file " + name + " is " + enBytes(bytes) + ", over the 1 GiB limit");
    }
  }

  /** Refuses audio longer than two hours or more samples than a clip can hold. */
  public static void checkLength(String name, long frames, int rate, int channels) throws AudioException {
    if (frames > MAX_LENGTH.toSeconds() * rate || frames * channels > MAX_SAMPLES) {
      long seconds = frames / Math.max(1, rate);
      throw refusal("tệp " + name + " dài " + viLength(seconds) + ", quá giới hạn 2 giờ",
          "file " + name + " is " + enLength(seconds) + " long, over the 2 h limit");
    }
  }

  /**
   * Refuses a length a header claims beyond the bytes present.
   *
   * @param what what claims it, in both languages: {"thẻ ID3v2", "its ID3v2 tag"}
   * @param claimed bytes the header claims, counted from {@code at}
   * @param at where the claimed bytes start
   * @param total the bytes in the file
   */
  public static void checkClaim(String name, String[] what, long claimed, long at, long total) throws AudioException {
    if (claimed < 0 || at + claimed > total) {
      throw claimBeyondFile(name, what, claimed, Math.max(0, total - at));
    }
  }

  /** The refusal for a header claiming more bytes than remain in the file. */
  public static AudioException claimBeyondFile(String name, String[] what, long claimed, long present) {
    return refusal("tệp " + name + ": " + what[0] + " khai báo " + viBytes(claimed) + " nhưng chỉ còn "
            + vi(present) + " byte",
        "file " + name + ": " + what[1] + " claims " + enBytes(claimed) + " but only " + en(present)
            + " bytes are left, the file is truncated or not what it says");
  }

  /** The time decoding {@code audioSeconds} of audio may take. */
  public static Duration decodeBudget(double audioSeconds) {
    return DECODE_TIME_BASE.plusNanos(Math.round(DECODE_TIME_PER_AUDIO_SECOND.toNanos() * Math.max(0, audioSeconds)));
  }

  /**
   * Watches one file's decoding: {@link #check} refuses it once the time taken passes the budget
   * for the audio decoded so far. Reads a monotonic ticker (nanoseconds), {@link System#nanoTime} in
   * the station.
   */
  public static final class DecodeClock {
    private final String name;
    private final java.util.function.LongSupplier ticker;
    private final long start;

    public DecodeClock(String name, java.util.function.LongSupplier ticker) {
      this.name = name;
      this.ticker = ticker;
      this.start = ticker.getAsLong();
    }

    public static DecodeClock started(String name) {
      return new DecodeClock(name, System::nanoTime);
    }

    /** @param audioSeconds the audio decoded so far */
    public void check(double audioSeconds) throws AudioException {
      long took = ticker.getAsLong() - start;
      if (took > decodeBudget(audioSeconds).toNanos()) {
        String seconds = String.format(Locale.ROOT, "%.1f", took / 1e9);
        String audio = String.format(Locale.ROOT, "%.1f", audioSeconds);
        throw refusal("giải mã tệp " + name + " quá lâu: " + seconds.replace('.', ',') + " giây mới được "
                + audio.replace('.', ',') + " giây âm thanh (giới hạn 10 giây cộng 0,25 giây cho mỗi giây âm thanh)",
            "decoding file " + name + " is too slow: " + seconds + " s for " + audio + " s of audio (the limit is 10 s"
                + " plus 0.25 s per second of audio)");
      }
    }
  }

  /** One sentence for the operator: Vietnamese, then English in parentheses. */
  public static AudioException refusal(String vietnamese, String english) {
    return new AudioException(vietnamese + " (" + english + ")");
  }

  /** The same, keeping the library's failure as the cause, for the log only. */
  public static AudioException refusal(String vietnamese, String english, Throwable cause) {
    return new AudioException(vietnamese + " (" + english + ")", cause);
  }

  /** A count as Vietnamese writes it: 2.900. */
  public static String vi(long n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', '.');
  }

  /** A count as English writes it: 2,900. */
  public static String en(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String viBytes(long bytes) {
    return bytes >= 1L << 30 ? gib(bytes).replace('.', ',') + " GiB" : vi(bytes) + " byte";
  }

  static String enBytes(long bytes) {
    return bytes >= 1L << 30 ? gib(bytes) + " GiB" : en(bytes) + " bytes";
  }

  private static String gib(long bytes) {
    String g = String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
    return g.endsWith(".0") ? g.substring(0, g.length() - 2) : g;
  }

  private static String viLength(long seconds) {
    return seconds / 3600 + " giờ " + seconds % 3600 / 60 + " phút";
  }

  private static String enLength(long seconds) {
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
