package io.loaxa.audio.javasound;

import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.SourceDataLine;

/**
 * A sound device that plays in real time from the moment it is started and, once it has been
 * given {@code reportDrainedAfter} frames, reports itself drained (all room free, everything
 * played) although the end is still queued — as a sound server kept off the processor has been
 * seen to. Its own clock says when each frame is really heard.
 */
final class DrainReportingLine implements SourceDataLine {
  private final long reportDrainedAfter;
  private AudioFormat format;
  private int frameBytes;
  private int bufferBytes;
  private long written;
  private long startNanos = -1;
  private boolean open;

  DrainReportingLine(long reportDrainedAfter) {
    this.reportDrainedAfter = reportDrainedAfter;
  }

  /** When frame {@code index} is heard, on {@link System#nanoTime()}. */
  synchronized long heardAt(long index) {
    return startNanos + Math.round(index * 1e9 / format.getFrameRate());
  }

  synchronized long framesWritten() {
    return written;
  }

  private long played() {
    if (startNanos < 0) {
      return 0;
    }
    long elapsed = (long) ((System.nanoTime() - startNanos) * (double) format.getFrameRate() / 1e9);
    return Math.min(written, elapsed);
  }

  @Override
  public synchronized void open(AudioFormat format, int bufferSize) {
    this.format = format;
    this.frameBytes = format.getFrameSize();
    this.bufferBytes = bufferSize;
    this.open = true;
  }

  @Override
  public void open(AudioFormat format) {
    open(format, (int) format.getFrameRate() * format.getFrameSize());
  }

  @Override
  public void open() {
    throw new UnsupportedOperationException("opened with a format");
  }

  @Override
  public int write(byte[] b, int off, int len) {
    int frames = len / frameBytes;
    while (true) {
      synchronized (this) {
        if ((written - played() + frames) * frameBytes <= bufferBytes) {
          written += frames;
          return frames * frameBytes;
        }
      }
      LockSupport.parkNanos(1_000_000L);
    }
  }

  @Override
  public synchronized int available() {
    if (written >= reportDrainedAfter) {
      return bufferBytes;
    }
    return (int) (bufferBytes - (written - played()) * frameBytes);
  }

  @Override
  public synchronized void start() {
    if (startNanos < 0) {
      startNanos = System.nanoTime();
    }
  }

  @Override
  public synchronized void flush() {
    long p = played();
    written = p;
  }

  @Override
  public void drain() {}

  @Override
  public void stop() {}

  @Override
  public synchronized void close() {
    open = false;
  }

  @Override
  public synchronized boolean isOpen() {
    return open;
  }

  @Override
  public synchronized boolean isRunning() {
    return startNanos >= 0;
  }

  @Override
  public boolean isActive() {
    return isRunning();
  }

  @Override
  public AudioFormat getFormat() {
    return format;
  }

  @Override
  public int getBufferSize() {
    return bufferBytes;
  }

  @Override
  public synchronized int getFramePosition() {
    return (int) played();
  }

  @Override
  public synchronized long getLongFramePosition() {
    return played();
  }

  @Override
  public long getMicrosecondPosition() {
    return (long) (getLongFramePosition() * 1e6 / format.getFrameRate());
  }

  @Override
  public float getLevel() {
    return javax.sound.sampled.AudioSystem.NOT_SPECIFIED;
  }


  @Override
  public DataLine.Info getLineInfo() {
    return new DataLine.Info(SourceDataLine.class, format);
  }

  @Override
  public Control[] getControls() {
    return new Control[0];
  }

  @Override
  public boolean isControlSupported(Control.Type control) {
    return false;
  }

  @Override
  public Control getControl(Control.Type control) {
    throw new IllegalArgumentException("no controls");
  }

  @Override
  public void addLineListener(LineListener listener) {}

  @Override
  public void removeLineListener(LineListener listener) {}
}
