package io.loaxa.audio.simulated;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A sound output that "plays" by letting the clip's duration pass on the given clock, and remembers
 * every play. It can be told to have no device, as a station without a sound card.
 */
public final class SimulatedSoundOutput implements SoundOutput {
  private final Clock clock;
  private final Consumer<Duration> elapse;
  private final List<Playback> plays = new ArrayList<>();
  private final List<PcmClip> clips = new ArrayList<>();
  private volatile boolean deviceMissing;

  /**
   * @param elapse lets time pass on {@code clock}: a mutable clock's advance in tests
   */
  public SimulatedSoundOutput(Clock clock, Consumer<Duration> elapse) {
    this.clock = clock;
    this.elapse = elapse;
  }

  public void unplug() {
    deviceMissing = true;
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

  @Override
  public OpenLine open(PcmFormat format) throws AudioException {
    if (deviceMissing) {
      throw new AudioException("no usable sound device 'simulated' (unplugged)");
    }
    return new OpenLine() {
      @Override
      public Playback play(PcmClip clip, StopToken stop) {
        Instant first = clock.instant();
        boolean stopped = stop.requested();
        if (!stopped) {
          elapse.accept(clip.duration());
        }
        Playback playback = new Playback(first, clock.instant(), stopped ? 0 : clip.frames(), stopped);
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
