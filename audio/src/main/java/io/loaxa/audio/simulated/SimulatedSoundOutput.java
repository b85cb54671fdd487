package io.loaxa.audio.simulated;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.LevelMeter;
import io.loaxa.audio.OutputMeter;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A sound output that "plays" by letting the audio's duration pass on the given clock, and
 * remembers every play. A cue's start instant is waited for on the same clock. It can be told to
 * have no device, as a station without a sound card.
 */
public final class SimulatedSoundOutput implements SoundOutput {
  /** How much play time passes between two looks at the stop token. */
  private static final Duration STEP = Duration.ofMillis(100);

  private final Clock clock;
  private final Consumer<Duration> elapse;
  private final List<Playback> plays = new ArrayList<>();
  private final List<PcmClip> clips = new ArrayList<>();
  private volatile boolean deviceMissing;
  private volatile boolean keepClips = true;
  private final LevelMeter meter = new LevelMeter();

  /**
   * @param elapse lets time pass on {@code clock}: a mutable clock's advance in tests
   */
  public SimulatedSoundOutput(Clock clock, Consumer<Duration> elapse) {
    this.clock = clock;
    this.elapse = elapse;
  }

  /** Keeps what was played as counts only, not the samples: days of simulated airings in little memory. */
  public SimulatedSoundOutput forgettingClips() {
    keepClips = false;
    return this;
  }

  public void unplug() {
    deviceMissing = true;
  }

  public void plugIn() {
    deviceMissing = false;
  }

  public synchronized List<Playback> plays() {
    return List.copyOf(plays);
  }

  public synchronized List<PcmClip> clips() {
    return List.copyOf(clips);
  }

  @Override
  public String name() {
    return "simulated";
  }

  /** The level of what is "playing", measured as a device's output is. */
  @Override
  public OutputMeter meter() {
    return meter;
  }

  @Override
  public OpenLine open(PcmFormat format) throws AudioException {
    if (deviceMissing) {
      throw new AudioException("no usable sound device 'simulated' (unplugged)");
    }
    return new OpenLine() {
      @Override
      public Playback play(PcmSource source, StopToken stop, Cue cue) throws AudioException {
        cue.startAt().ifPresent(at -> {
          Duration wait = Duration.between(clock.instant(), at);
          if (!wait.isNegative() && !wait.isZero()) {
            elapse.accept(wait);
          }
        });
        Instant first = clock.instant();
        // read and "play" in steps, so a stop or a source told to end early acts mid-play as on a real device
        PcmSource in = source.convertedTo(format);
        int channels = format.channels();
        int stepFrames = (int) (STEP.toNanos() * format.sampleRate() / 1_000_000_000L);
        float[] chunk = new float[stepFrames * channels];
        float[] all = new float[0];
        int used = 0;
        long frames = 0;
        boolean stopped = stop.requested();
        meter.start(format.sampleRate());
        try {
          while (!stopped) {
            int got = in.read(chunk, stepFrames);
            if (got < 0) {
              break;
            }
            frames += got;
            meter.measure(chunk, got, channels);
            if (keepClips) {
              if (used + got * channels > all.length) {
                all = Arrays.copyOf(all, Math.max(used + got * channels, all.length * 2));
              }
              System.arraycopy(chunk, 0, all, used, got * channels);
              used += got * channels;
            }
            // the play head moves on the clock from the first sample, as a device's own clock does
            Instant playhead = first.plusNanos(frames * 1_000_000_000L / format.sampleRate());
            Duration wait = Duration.between(clock.instant(), playhead);
            if (!wait.isNegative() && !wait.isZero()) {
              elapse.accept(wait);
            }
            stopped = stop.requested();
          }
        } finally {
          meter.idle();
        }
        PcmClip clip = new PcmClip(format, Arrays.copyOf(all, used));
        Playback playback = new Playback(first, clock.instant(), frames, stopped, 0, List.of(),
            source.dropouts());
        synchronized (SimulatedSoundOutput.this) {
          plays.add(playback);
          clips.add(clip);
        }
        return playback;
      }

      @Override
      public void close() {}
    };
  }
}
