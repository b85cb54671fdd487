package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.LineInput;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
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
import javax.sound.sampled.TargetDataLine;

/**
 * The line input through a Java Sound capture line: {@code default} or the first mixer whose name
 * contains the configured text. 16-bit capture with a 200 ms buffer, read in 20 ms steps.
 */
public final class JavaSoundLineIn implements LineInput {
  public static final String DEFAULT = "default";
  private static final Duration BUFFER = Duration.ofMillis(200);
  private static final Duration CHUNK = Duration.ofMillis(20);
  private final String deviceName;

  public JavaSoundLineIn(String deviceName) {
    this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
  }

  /** The names of the capture mixers Java Sound sees, for {@code doctor} and errors. */
  public static List<String> inputDevices() {
    List<String> names = new ArrayList<>();
    for (Mixer.Info info : AudioSystem.getMixerInfo()) {
      Mixer mixer = AudioSystem.getMixer(info);
      for (javax.sound.sampled.Line.Info line : mixer.getTargetLineInfo()) {
        if (TargetDataLine.class.isAssignableFrom(line.getLineClass())) {
          names.add(info.getName());
          break;
        }
      }
    }
    return names;
  }

  @Override
  public PcmSource open(PcmFormat format, Duration length) throws AudioException {
    AudioFormat audioFormat = new AudioFormat(format.sampleRate(), 16, format.channels(), true, false);
    TargetDataLine line;
    try {
      line = findLine(audioFormat);
      int bufferBytes = (int) (BUFFER.toMillis() * format.sampleRate() / 1000) * format.channels() * 2;
      line.open(audioFormat, bufferBytes);
      line.start();
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new AudioException("no usable line input '" + deviceName + "' (" + e.getMessage()
          + "); inputs seen: " + inputDevices(), e);
    }
    return new Capture(line, format, length.toNanos() * format.sampleRate() / 1_000_000_000L);
  }

  private TargetDataLine findLine(AudioFormat format) throws LineUnavailableException {
    if (deviceName.equals(DEFAULT)) {
      return AudioSystem.getTargetDataLine(format);
    }
    String wanted = deviceName.toLowerCase(Locale.ROOT);
    for (Mixer.Info info : AudioSystem.getMixerInfo()) {
      if (info.getName().toLowerCase(Locale.ROOT).contains(wanted)) {
        Mixer mixer = AudioSystem.getMixer(info);
        DataLine.Info lineInfo = new DataLine.Info(TargetDataLine.class, format);
        if (mixer.isLineSupported(lineInfo)) {
          return (TargetDataLine) mixer.getLine(lineInfo);
        }
      }
    }
    throw new IllegalArgumentException("no input named like '" + deviceName + "'");
  }

  private static final class Capture implements PcmSource {
    private final TargetDataLine line;
    private final PcmFormat format;
    private final AudioFormat audioFormat;
    private final long lengthFrames;
    private final byte[] bytes;
    private long captured;
    private boolean first = true;
    private volatile boolean closed;

    Capture(TargetDataLine line, PcmFormat format, long lengthFrames) {
      this.line = line;
      this.format = format;
      this.audioFormat = line.getFormat();
      this.lengthFrames = lengthFrames;
      this.bytes = new byte[(int) (CHUNK.toMillis() * format.sampleRate() / 1000) * format.channels() * 2];
    }

    @Override
    public PcmFormat format() {
      return format;
    }

    @Override
    public int read(float[] target, int frames) throws AudioException {
      if (captured >= lengthFrames || closed) {
        return -1;
      }
      if (first) {
        line.flush(); // what queued up before air time is not live any more
        first = false;
      }
      int frameSize = format.channels() * 2;
      int want = (int) Math.min(Math.min(frames, lengthFrames - captured), bytes.length / frameSize);
      int got = line.read(bytes, 0, want * frameSize);
      if (got <= 0) {
        if (closed) {
          return -1;
        }
        throw new AudioException("the line input stopped delivering after " + captured + " frames");
      }
      int n = got / frameSize;
      JavaSoundFiles.toFloats(bytes, target, n * format.channels(), audioFormat);
      captured += n;
      return n;
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
}
