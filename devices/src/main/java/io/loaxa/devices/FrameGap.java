package io.loaxa.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The silence a board needs between two frames (cheap boards drop a frame that follows too closely,
 * 50–200 ms is typical). Waits only for what is left of the gap since the last frame ended. One
 * gap belongs to one board; the line's monitor is held for the whole frame, so boards sharing a
 * line never interleave.
 */
public final class FrameGap {
  private final Duration gap;
  private final Clock clock;
  private final Pause pause;
  private Instant lastFrame = Instant.MIN;

  public FrameGap(Duration gap, Clock clock, Pause pause) {
    this.gap = Objects.requireNonNull(gap, "gap");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  /** What a board sends back after a frame, read while the line is still held. */
  @FunctionalInterface
  public interface Reply<T> {
    T read() throws DeviceException;
  }

  /**
   * Writes one frame that gets no reply. Bytes already waiting are thrown away first: some boards
   * talk back unasked (a status dump after power-up) and nobody reads it.
   */
  public void send(SerialLine line, byte[] frame) throws DeviceException {
    exchange(line, frame, () -> null);
  }

  /**
   * Writes one frame and reads what comes back, holding the line's monitor throughout: waits out the
   * gap, throws away bytes already waiting, and notes the end of the frame even when it failed.
   */
  public <T> T exchange(SerialLine line, byte[] frame, Reply<T> reply) throws DeviceException {
    synchronized (line) {
      keep();
      try {
        line.discardInput();
        line.write(frame);
        return reply.read();
      } finally {
        mark();
      }
    }
  }

  /** Waits until the gap since the last frame has passed. */
  private void keep() {
    Duration since = Duration.between(lastFrame, clock.instant());
    if (since.compareTo(gap) < 0) {
      pause.pause(gap.minus(since));
    }
  }

  /** Notes that a frame has just ended. */
  private void mark() {
    lastFrame = clock.instant();
  }

  public Duration gap() {
    return gap;
  }
}
