package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.LevelMeter;
import io.loaxa.audio.OutputMeter;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SoundOutput;
import java.time.Clock;
import java.time.Duration;
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
 * configured text. 16-bit little-endian PCM with a one-second line buffer, kept full while a
 * programme plays: the sound card plays on through a second in which this process, or the sound
 * server's own control thread, is kept off the processor by other work (measured here: up to
 * 0.6 s on a shared machine; a 100 ms buffer ran dry several times a minute). A stop drops what is
 * queued and fades out ({@link JavaSoundLine}), so it is heard within 200 ms whatever the buffer
 * holds. A play cued to an instant primes the line with silence, timed by the device's own
 * position ({@link DeviceClock}), so the first sample is heard on that instant. Every block written
 * to the device is measured on its way ({@link #meter()}).
 */
public final class JavaSoundOutput implements SoundOutput {
  public static final String DEFAULT = "default";
  private static final Duration LINE_BUFFER = Duration.ofSeconds(1);

  private final String deviceName;
  private final Clock clock;
  private final LevelMeter meter = new LevelMeter();

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

  /** The level of the blocks written to the device, a window at a time; empty between plays. */
  @Override
  public OutputMeter meter() {
    return meter;
  }

  LevelMeter levelMeter() {
    return meter;
  }

  @Override
  public OpenLine open(PcmFormat format) throws AudioException {
    return new JavaSoundLine(this, openLine(format), format, clock);
  }

  SourceDataLine openLine(PcmFormat format) throws AudioException {
    AudioFormat audioFormat = new AudioFormat(format.sampleRate(), 16, format.channels(), true, false);
    SourceDataLine line;
    try {
      line = findLine(audioFormat);
      int bufferBytes = (int) (LINE_BUFFER.toMillis() * format.sampleRate() / 1000) * format.channels() * 2;
      // started by the first play once it has written, not now: a line started empty runs dry at
      // once and swallows up to a buffer of what is written next
      line.open(audioFormat, bufferBytes);
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
}
