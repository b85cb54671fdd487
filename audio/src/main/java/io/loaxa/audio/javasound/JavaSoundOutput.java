package io.loaxa.audio.javasound;

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
 * configured text. 16-bit little-endian PCM with a 200 ms line buffer (a 2 s buffer was measured to
 * lose the tail of a clip on PulseAudio).
 */
public final class JavaSoundOutput implements SoundOutput {
  public static final String DEFAULT = "default";
  private static final Duration LINE_BUFFER = Duration.ofMillis(200);
  private static final Duration CHUNK = Duration.ofMillis(20);

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
    return new JavaSoundLine(line, format);
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
    private final SourceDataLine line;
    private final PcmFormat format;
    private boolean closed;

    JavaSoundLine(SourceDataLine line, PcmFormat format) {
      this.line = line;
      this.format = format;
    }

    @Override
    public Playback play(PcmClip clip, StopToken stop) throws AudioException {
      PcmClip audio = clip.convertTo(format);
      int chunkFrames = (int) (CHUNK.toMillis() * format.sampleRate() / 1000);
      float[] chunk = new float[chunkFrames * format.channels()];
      byte[] bytes = new byte[chunk.length * 2];
      int total = audio.frames();
      Instant first = null;
      long played = 0;
      boolean stopped = false;
      for (int frame = 0; frame < total; frame += chunkFrames) {
        if (stop.requested()) {
          stopped = true;
          break;
        }
        int count = Math.min(chunkFrames, total - frame);
        audio.copyFrames(frame, count, chunk);
        int length = toLittleEndian16(chunk, count * format.channels(), bytes);
        if (first == null) {
          first = clock.instant();
        }
        int written = line.write(bytes, 0, length);
        if (written < length) {
          throw new AudioException("the sound device stopped taking audio after " + played + " frames");
        }
        played += count;
      }
      if (stopped) {
        line.flush();
      } else {
        line.drain();
      }
      Instant end = clock.instant();
      return new Playback(first == null ? end : first, end, played, stopped);
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
