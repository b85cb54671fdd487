package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.Fades;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SilenceWatch;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays into a Java Sound output line: {@code default} or the first mixer whose name contains the
 * configured text. 16-bit little-endian PCM with a 100 ms line buffer: short enough that a stop
 * (which lets what is queued play, then a 30 ms fade) is heard within 200 ms; a 150 ms buffer made
 * PulseAudio's ALSA plugin report positions that put cued starts a buffer early. A play cued to an instant primes the line with silence, timed by the device's own
 * position ({@link DeviceClock}), so the first sample is heard on that instant.
 */
public final class JavaSoundOutput implements SoundOutput {
  public static final String DEFAULT = "default";
  private static final Duration LINE_BUFFER = Duration.ofMillis(100);
  private static final Duration CHUNK = Duration.ofMillis(20);
  private static final Duration STOP_FADE = Duration.ofMillis(30);
  private static final Duration UNDERRUN_SLACK = Duration.ofMillis(5);
  /**
   * Falling this many milliseconds behind the line's own clock counts as having run dry; the
   * position PulseAudio's ALSA plugin reports jitters by up to about 25 ms.
   */
  private static final long STALL_MILLIS = 35;

  private final String deviceName;
  private final Clock clock;

  public JavaSoundOutput(String deviceName, Clock clock) {
    this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return deviceName;
  }

  /** The names of the output mixers Java Sound sees on this machine, for {@code doctor} and errors. */
  public static List<String> outputDevices() {
    List<String> names = new ArrayList<>();
    for (Mixer.Info info : AudioSystem.getMixerInfo()) {
      Mixer mixer = AudioSystem.getMixer(info);
      if (mixer.getSourceLineInfo().length > 0 && hasSourceDataLine(mixer)) {
        names.add(info.getName());
      }
    }
    return names;
  }

  private static boolean hasSourceDataLine(Mixer mixer) {
    for (javax.sound.sampled.Line.Info info : mixer.getSourceLineInfo()) {
      if (SourceDataLine.class.isAssignableFrom(info.getLineClass())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public OpenLine open(PcmFormat format) throws AudioException {
    return new JavaSoundLine(openLine(format), format);
  }

  private SourceDataLine openLine(PcmFormat format) throws AudioException {
    AudioFormat audioFormat = new AudioFormat(format.sampleRate(), 16, format.channels(), true, false);
    SourceDataLine line;
    try {
      line = findLine(audioFormat);
      int bufferBytes = (int) (LINE_BUFFER.toMillis() * format.sampleRate() / 1000) * format.channels() * 2;
      line.open(audioFormat, bufferBytes);
      line.start();
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new AudioException("no usable sound device '" + deviceName + "' (" + e.getMessage()
          + "); outputs seen: " + outputDevices() + ". Is a sound card or PulseAudio present?", e);
    }
    return line;
  }

  private SourceDataLine findLine(AudioFormat format) throws LineUnavailableException {
    if (deviceName.equals(DEFAULT)) {
      return AudioSystem.getSourceDataLine(format);
    }
    String wanted = deviceName.toLowerCase(Locale.ROOT);
    for (Mixer.Info info : AudioSystem.getMixerInfo()) {
      if (info.getName().toLowerCase(Locale.ROOT).contains(wanted)) {
        Mixer mixer = AudioSystem.getMixer(info);
        DataLine.Info lineInfo = new DataLine.Info(SourceDataLine.class, format);
        if (mixer.isLineSupported(lineInfo)) {
          return (SourceDataLine) mixer.getLine(lineInfo);
        }
      }
    }
    throw new IllegalArgumentException("no output named like '" + deviceName + "'");
  }

  private final class JavaSoundLine implements OpenLine {
    private SourceDataLine line;
    private final PcmFormat format;
    private final int rate;
    private final int channels;
    private final int bufferFrames;
    private final DeviceClock deviceClock;
    private long written;
    private boolean closed;

    JavaSoundLine(SourceDataLine line, PcmFormat format) {
      this.line = line;
      this.format = format;
      this.rate = format.sampleRate();
      this.channels = format.channels();
      this.bufferFrames = line.getBufferSize() / (2 * channels);
      this.deviceClock = new DeviceClock(rate);
    }

    @Override
    public Playback play(PcmSource source, StopToken stop, Cue cue) throws AudioException {
      PcmSource audio = source.convertedTo(format);
      int chunkFrames = (int) (CHUNK.toMillis() * rate / 1000);
      float[] chunk = new float[chunkFrames * channels];
      byte[] bytes = new byte[chunk.length * 2];
      if (cue.startAt().isPresent()) {
        if (!prime(cue.startAt().get(), stop, chunkFrames, bytes)) {
          Instant now = clock.instant();
          return new Playback(now, now, 0, true, 0, List.of(), List.of());
        }
      }
      if (cue.startAt().isEmpty()) {
        deviceClock.reset();
      }
      SilenceWatch silence = new SilenceWatch(rate, cue.silenceAfter());
      Instant first = null;
      long played = 0;
      long underruns = 0;
      Instant dryAt = null;
      long lastPosition = line.getLongFramePosition();
      boolean steady = false;
      boolean stopped = false;
      while (true) {
        if (stop.requested()) {
          stopped = true;
          int fade = (int) (STOP_FADE.toMillis() * rate / 1000);
          float[] tail = new float[fade * channels];
          int got = readFully(audio, tail, fade);
          if (got > 0) {
            Fades.fadeOutInPlace(tail, got, channels);
            writeFrames(tail, got, new byte[tail.length * 2]);
            played += got;
          }
          break;
        }
        int got = audio.read(chunk, chunkFrames);
        if (got < 0) {
          break;
        }
        Instant now = clock.instant();
        if (first == null) {
          if (!deviceClock.ready()) {
            observe();
          }
          first = deviceClock.heardAt(written);
        } else if (dryAt != null && now.isAfter(dryAt.plus(UNDERRUN_SLACK))) {
          // the device played out everything queued before this chunk came: heard as a gap
          underruns++;
        }
        silence.accept(chunk, got, channels);
        writeFrames(chunk, got, bytes);
        Instant after = clock.instant();
        long position = line.getLongFramePosition();
        long queued = written - position;
        if (!steady && queued >= bufferFrames / 2) {
          // a line just started reports odd positions until it has filled once
          steady = true;
          if (cue.startAt().isEmpty()) {
            deviceClock.reset();
          }
        }
        if (steady && queued <= 0) {
          // right after a write the line says nothing is queued: it had run dry (ALSA's xrun)
          underruns++;
          deviceClock.reset();
        } else if (steady && position > lastPosition && consistent(position)) {
          // a sound server that ran dry pauses until refilled: the line falls behind its own clock
          double behind = deviceClock.observe(after, position);
          if (behind > STALL_MILLIS * rate / 1000) {
            underruns++;
            deviceClock.reset();
            deviceClock.observe(after, position);
          }
        }
        dryAt = steady && queued > 0 ? after.plusNanos(queued * 1_000_000_000L / rate) : null;
        lastPosition = position;
        played += got;
      }
      line.drain();
      Instant end = clock.instant();
      return new Playback(first == null ? end : first, end, played, stopped, underruns,
          silence.finish(), audio.dropouts());
    }

    /**
     * Writes silence until the next frame written is the one the device will play at
     * {@code startAt}. The device's position is sampled at every write; the estimate taken as
     * late as possible decides the last silent frame.
     *
     * @return false when stopped before the start
     */
    private boolean prime(Instant startAt, StopToken stop, int chunkFrames, byte[] bytes) throws AudioException {
      float[] silence = new float[chunkFrames * channels];
      if (written > 0) {
        // a line that played and went idle reports its position a buffer off for a while after it
        // restarts; a fresh line times the start exactly
        line.stop();
        line.close();
        line = openLine(format);
        written = 0;
      }
      deviceClock.reset();
      long lastPosition = line.getLongFramePosition();
      Duration bufferTime = Duration.ofNanos(bufferFrames * 1_000_000_000L / rate);
      while (true) {
        if (stop.requested()) {
          return false;
        }
        // a line that is filling or restarting reports a position that stands still; only a full,
        // moving line tells how far ahead the written frames are
        Instant now = clock.instant();
        long position = line.getLongFramePosition();
        boolean moving = position > lastPosition && consistent(position);
        lastPosition = position;
        if (moving && deviceClock.observe(now, position) > STALL_MILLIS * rate / 1000) {
          // the machine kept us from writing until the line ran dry and paused: time it afresh
          deviceClock.reset();
          deviceClock.observe(now, position);
        }
        if (!deviceClock.ready()) {
          if (!clock.instant().isBefore(startAt.minus(bufferTime))) {
            observe();
            return true; // too late to prime: start at once
          }
          writeFrames(silence, chunkFrames / 4, bytes);
          continue;
        }
        long missing = deviceClock.frameAt(startAt) - written;
        if (missing <= 0) {
          return true;
        }
        // approach the start in small steps so the last decision uses a fresh position
        int n = (int) Math.min(missing, missing > bufferFrames + chunkFrames ? chunkFrames : Math.max(1, chunkFrames / 4));
        writeFrames(silence, n, bytes);
      }
    }

    /**
     * Whether the line's position and its fill level tell the same story about a full line: one in
     * an xrun or restarting reports everything as played.
     */
    private boolean consistent(long position) {
      long queuedByFill = bufferFrames - line.available() / (2L * channels);
      long queuedByPosition = written - position;
      return queuedByFill >= bufferFrames / 2 && Math.abs(queuedByFill - queuedByPosition) <= bufferFrames / 5;
    }

    private void observe() {
      deviceClock.observe(clock.instant(), line.getLongFramePosition());
    }

    private int readFully(PcmSource audio, float[] target, int frames) throws AudioException {
      int filled = 0;
      float[] part = new float[target.length];
      while (filled < frames) {
        int got = audio.read(part, frames - filled);
        if (got < 0) {
          break;
        }
        System.arraycopy(part, 0, target, filled * channels, got * channels);
        filled += got;
      }
      return filled;
    }

    private void writeFrames(float[] samples, int frames, byte[] bytes) throws AudioException {
      int length = toLittleEndian16(samples, frames * channels, bytes);
      int done = 0;
      while (done < length) {
        int n = line.write(bytes, done, length - done);
        if (n <= 0) {
          throw new AudioException("the sound device '" + deviceName + "' stopped taking audio after "
              + written + " frames");
        }
        done += n;
      }
      written += frames;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      line.stop();
      line.close();
    }
  }

  static int toLittleEndian16(float[] samples, int count, byte[] out) {
    for (int i = 0; i < count; i++) {
      float v = Math.max(-1f, Math.min(1f, samples[i]));
      int s = Math.round(v * 32767f);
      out[2 * i] = (byte) s;
      out[2 * i + 1] = (byte) (s >> 8);
    }
    return count * 2;
  }
}
