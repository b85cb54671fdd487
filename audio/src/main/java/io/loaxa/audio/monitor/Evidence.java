package io.loaxa.audio.monitor;

import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.speech.RiffWave;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The last seconds the monitor heard, mono, kept in a ring and written out as a WAV file on an incident. */
public final class Evidence {
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
  private final int rate;
  private final float[] ring;
  private long written;

  public Evidence(int rate, java.time.Duration length) {
    this.rate = rate;
    this.ring = new float[(int) Math.max(1, length.toMillis() * rate / 1000)];
  }

  /** Keeps a block of interleaved frames, mixed to mono. */
  public void keep(float[] samples, int frames, int channels) {
    for (int f = 0; f < frames; f++) {
      float sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += samples[f * channels + c];
      }
      ring[(int) (written++ % ring.length)] = sum / channels;
    }
  }

  /** Writes what is kept, oldest first, to {@code dir/KIND-UTCSTAMP.wav}. */
  public Path write(Path dir, MonitorIncidentKind kind, Instant at) throws IOException {
    int n = (int) Math.min(written, ring.length);
    float[] out = new float[n];
    long first = written - n;
    for (int i = 0; i < n; i++) {
      out[i] = ring[(int) ((first + i) % ring.length)];
    }
    Files.createDirectories(dir);
    Path file = dir.resolve(kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + NAME.format(at) + ".wav");
    Files.write(file, RiffWave.encode16(new PcmClip(new PcmFormat(rate, 1), out)));
    return file;
  }
}
