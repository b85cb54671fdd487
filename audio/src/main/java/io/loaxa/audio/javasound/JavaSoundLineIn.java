package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Gap;
import io.loaxa.audio.LiveBuffer;
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
 * contains the configured text. 16-bit capture with a 200 ms buffer, read in 20 ms steps by a
 * capture thread into a {@link LiveBuffer} that holds the latest 1.5 s until air time: the airing
 * carries live sound 1.5 s behind the tuner (the output keeps about a second queued at the sound
 * card, so about half a second is left for the capture's own stalls), and a capture that stalls
 * longer airs as silence, reported.
 */
public final class JavaSoundLineIn implements LineInput {
  public static final String DEFAULT = "default";
  private static final Duration BUFFER = Duration.ofMillis(200);
  private static final Duration CHUNK = Duration.ofMillis(20);
  /** Held between capture and output so the capture's bursts do not reach the listener. */
  private static final Duration JITTER = Duration.ofMillis(1500);
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
    Capture capture = new Capture(line, format, length);
    capture.awaitAudio();
    return capture;
  }

  private TargetDataLine findLine(AudioFormat format) throws LineUnavailableException {
    return findInput(deviceName, format);
  }

  /** The default capture line, or the first mixer whose name contains {@code deviceName} (any case) that offers one. */
  static TargetDataLine findInput(String deviceName, AudioFormat format) throws LineUnavailableException {
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

  /** A capture thread feeding a {@link LiveBuffer}: the airing never waits on the capture device. */
  private static final class Capture implements PcmSource {
    private final TargetDataLine line;
    private final PcmFormat format;
    private final AudioFormat audioFormat;
    private final LiveBuffer buffer;
    private final Thread thread;

    Capture(TargetDataLine line, PcmFormat format, Duration length) {
      this.line = line;
      this.format = format;
      this.audioFormat = line.getFormat();
      this.buffer = new LiveBuffer(format, JITTER, Duration.ofSeconds(4), length, "line input lost");
      this.thread = new Thread(this::captureLoop, "line-in capture");
      thread.setDaemon(true);
      thread.start();
    }

    private void captureLoop() {
      int frameSize = format.channels() * 2;
      byte[] bytes = new byte[(int) (CHUNK.toMillis() * format.sampleRate() / 1000) * frameSize];
      float[] samples = new float[bytes.length / 2];
      try {
        while (!buffer.done()) {
          int got = line.read(bytes, 0, bytes.length);
          if (got <= 0) {
            if (!buffer.done()) {
              buffer.problem("the line input stopped delivering");
            }
            return;
          }
          int frames = got / frameSize;
          JavaSoundFiles.toFloats(bytes, samples, frames * format.channels(), audioFormat);
          buffer.push(samples, frames);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        buffer.problem("the line input failed: " + e.getMessage());
      }
    }

    void awaitAudio() throws AudioException {
      try {
        if (!buffer.awaitPrebuffer(JITTER.plusSeconds(3))) {
          close();
          throw new AudioException("the line input delivers no audio" + (buffer.lastProblem().isEmpty() ? ""
              : " (" + buffer.lastProblem() + ")"));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new AudioException("interrupted while opening the line input", e);
      }
    }

    @Override
    public PcmFormat format() {
      return format;
    }

    @Override
    public int read(float[] target, int frames) {
      return buffer.read(target, frames);
    }

    @Override
    public List<Gap> dropouts() {
      return buffer.dropouts();
    }

    @Override
    public void close() {
      buffer.close();
      line.stop();
      line.close();
      thread.interrupt();
    }
  }
}
