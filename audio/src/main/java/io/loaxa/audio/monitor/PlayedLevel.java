package io.loaxa.audio.monitor;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import java.util.List;

/**
 * A tap on the playback path: the sound output wrapped so that every block of programme handed to
 * the device is measured, and the monitor takes the programme's level since its last block.
 * Thread-safe: the playing thread adds, the monitor thread takes.
 */
public final class PlayedLevel {
  private double sumOfSquares;
  private long samples;

  /** Measures one block of what is being played. */
  public synchronized void played(float[] block, int frames, int channels) {
    int n = frames * channels;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (double) block[i] * block[i];
    }
    sumOfSquares += sum;
    samples += n;
  }

  /** The programme's level since the last call, in dBFS ({@link Levels#FLOOR_DBFS} if nothing played). */
  public synchronized double take() {
    double level = Levels.dbfs(sumOfSquares, samples);
    sumOfSquares = 0;
    samples = 0;
    return level;
  }

  /** {@code output} with every play measured into this tap; plays, opens and failures unchanged. */
  public SoundOutput tap(SoundOutput output) {
    return new SoundOutput() {
      @Override
      public String name() {
        return output.name();
      }

      @Override
      public io.loaxa.audio.OutputMeter meter() {
        return output.meter();
      }

      @Override
      public OpenLine open(PcmFormat format) throws AudioException {
        OpenLine line = output.open(format);
        return new OpenLine() {
          @Override
          public Playback play(PcmSource source, StopToken stop, Cue cue) throws AudioException {
            return line.play(new Measured(source), stop, cue);
          }

          @Override
          public void close() {
            line.close();
          }
        };
      }
    };
  }

  /** Reads through the programme, measuring what the playback takes. */
  private final class Measured implements PcmSource {
    private final PcmSource inner;

    Measured(PcmSource inner) {
      this.inner = inner;
    }

    @Override
    public PcmFormat format() {
      return inner.format();
    }

    @Override
    public int read(float[] target, int frames) throws AudioException {
      int got = inner.read(target, frames);
      if (got > 0) {
        played(target, got, inner.format().channels());
      }
      return got;
    }

    @Override
    public List<io.loaxa.audio.Gap> dropouts() {
      return inner.dropouts();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
