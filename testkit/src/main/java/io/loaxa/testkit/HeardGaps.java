package io.loaxa.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gaps in what a sound card played, counted from a recording of its monitor (raw 16-bit
 * little-endian mono): stretches of digital silence at least {@code minFrames} long between the
 * first and the last sound heard. A sink that ran dry plays exact zeros; music and speech do not
 * stay at exactly zero for milliseconds.
 *
 * @param heardSeconds from the first to the last sound heard
 * @param gaps each as "at (s) length (ms)"
 * @param longestMillis the longest gap, 0 when none
 */
public record HeardGaps(double heardSeconds, List<String> gaps, double longestMillis) {
  private static final int LOUD = 300;

  /** Reads the recording in one pass without holding it. */
  public static HeardGaps count(Path recording, int rate, int minFrames) throws IOException {
    long index = 0;
    long first = -1;
    long last = -1;
    long zeroRun = 0;
    long zeroStart = -1;
    List<long[]> runs = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(recording), 1 << 16)) {
      int lo;
      int hi;
      while ((lo = in.read()) >= 0 && (hi = in.read()) >= 0) {
        int s = (short) ((lo & 0xFF) | (hi << 8));
        if (Math.abs(s) > LOUD) {
          if (first < 0) {
            first = index;
          }
          last = index;
        }
        if (s == 0) {
          if (zeroRun++ == 0) {
            zeroStart = index;
          }
        } else {
          if (zeroRun >= minFrames && first >= 0) {
            runs.add(new long[] {zeroStart, zeroRun});
          }
          zeroRun = 0;
        }
        index++;
      }
    }
    List<String> gaps = new ArrayList<>();
    double longest = 0;
    for (long[] run : runs) {
      // only gaps inside the airing: between the first and the last sound heard
      if (run[0] > first && run[0] + run[1] <= last) {
        double ms = run[1] * 1000.0 / rate;
        gaps.add(String.format(Locale.ROOT, "%.3f s %.1f ms", (run[0] - first) / (double) rate, ms));
        longest = Math.max(longest, ms);
      }
    }
    double heard = first < 0 ? 0 : (last - first) / (double) rate;
    return new HeardGaps(heard, gaps, longest);
  }
}
