package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.MonitorInput;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import java.util.Objects;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * The on-air monitor's input through a Java Sound capture line: {@code default} or the first mixer
 * whose name contains the configured text. 16-bit capture with a 500 ms buffer, read directly by
 * the monitor's thread (the monitor only measures, so it has no jitter to hide).
 */
public final class JavaSoundMonitorInput implements MonitorInput {
  public static final String DEFAULT = "default";
  private static final int BUFFER_MILLIS = 500;
  private final String deviceName;

  public JavaSoundMonitorInput(String deviceName) {
    this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
  }

  @Override
  public PcmSource open(PcmFormat format) throws AudioException {
    AudioFormat audioFormat = new AudioFormat(format.sampleRate(), 16, format.channels(), true, false);
    TargetDataLine line;
    try {
      line = findLine(audioFormat);
      line.open(audioFormat, BUFFER_MILLIS * format.sampleRate() / 1000 * format.channels() * 2);
      line.start();
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new AudioException("no usable monitor input '" + deviceName + "' (" + e.getMessage()
          + "); inputs seen: " + JavaSoundLineIn.inputDevices(), e);
    }
    return new Capture(line, format);
  }

  private TargetDataLine findLine(AudioFormat format) throws LineUnavailableException {
    return JavaSoundLineIn.findInput(deviceName, format);
  }

  private static final class Capture implements PcmSource {
    private final TargetDataLine line;
    private final PcmFormat format;
    private final AudioFormat audioFormat;
    private byte[] bytes = new byte[0];
    private volatile boolean closed;

    Capture(TargetDataLine line, PcmFormat format) {
      this.line = line;
      this.format = format;
      this.audioFormat = line.getFormat();
    }

    @Override
    public PcmFormat format() {
      return format;
    }

    @Override
    public int read(float[] target, int frames) throws AudioException {
      int frameBytes = format.channels() * 2;
      if (bytes.length < frames * frameBytes) {
        bytes = new byte[frames * frameBytes];
      }
      int got = line.read(bytes, 0, frames * frameBytes);
      if (got <= 0) {
        if (closed) {
          return -1;
        }
        throw new AudioException("the monitor input stopped delivering");
      }
      int n = got / frameBytes;
      JavaSoundFiles.toFloats(bytes, target, n * format.channels(), audioFormat);
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
