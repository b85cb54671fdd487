package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.Fades;
import io.loaxa.audio.Gap;
import io.loaxa.audio.LevelMeter;
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
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.SourceDataLine;

/**
 * One opened Java Sound output line and how a play runs on it. Two threads share a play: the
 * caller reads the programme (whatever decoding or converting its source does happens there),
 * watches it for silence and puts it, as 16-bit frames, into a {@link FrameRing}; a
 * {@code sound-writer} thread at Java's highest priority (which the JVM hands to the operating
 * system only where it may) only copies ready frames from the ring to the device, keeps the
 * device's deep buffer full, and times the play by the device's own position ({@link DeviceClock}).
 * The writer allocates nothing per write.
 *
 * <p>A stop does not wait for the device buffer to play out: the writer waits for the device to
 * take its next block (at most a few tens of milliseconds), drops everything queued
 * ({@link SourceDataLine#flush()}) and writes, in its place, the {@link #STOP_FADE} of programme
 * that would have come next, faded out. So how soon a stop is heard does not depend on how deep the
 * buffer is.
 */
final class JavaSoundLine implements SoundOutput.OpenLine {
  /** Programme read ahead of the device buffer, ready for the writer. */
  private static final Duration READ_AHEAD = Duration.ofMillis(200);
  private static final Duration CHUNK = Duration.ofMillis(20);
  static final Duration STOP_FADE = Duration.ofMillis(30);
  /**
   * Silence kept queued while a cued play waits for its instant: the programme is read only shortly
   * before it airs (a live source starts with what is live then), and the deep buffer fills once
   * it plays.
   */
  private static final Duration PRIME_LEAD = Duration.ofMillis(250);
  /**
   * How often the writer looks at a full device for room, and for a stop: each look wakes a thread
   * and calls into the sound system, and a device a second deep has plenty in hand.
   */
  private static final long LOOK_NANOS = 25_000_000L;
  private static final long PRIME_WAKE_NANOS = 1_000_000L;
  /** The writer writes at least this much at once (unless the programme ends). */
  private static final long MIN_WRITE_MILLIS = 10;
  /** A line holding less than this reports positions that cannot be trusted (restarting, run dry). */
  private static final long STEADY_FILL_MILLIS = 40;
  /** An observation whose reads took longer than this (the thread was preempted) is not used. */
  private static final long READ_SPAN_NANOS = 2_000_000L;
  private static final long STEP_WAIT_NANOS = 25_000_000L;
  /** The reader is woken by the writer as room comes; this only bounds a missed wake-up. */
  private static final long PRODUCER_WAIT_NANOS = 100_000_000L;

  private final JavaSoundOutput output;
  private final Clock clock;
  private final PcmFormat format;
  private final int rate;
  private final int channels;
  private final int frameBytes;
  private final DeviceClock deviceClock;
  private SourceDataLine line;
  private int bufferFrames;
  /** Frames handed to the line since it was opened, as Java Sound counts its position. */
  private long written;
  /** Whether the line was started: only once something is written, so it does not start dry. */
  private boolean started;
  private boolean closed;

  JavaSoundLine(JavaSoundOutput output, SourceDataLine line, PcmFormat format, Clock clock) {
    this.output = output;
    this.clock = clock;
    this.format = format;
    this.rate = format.sampleRate();
    this.channels = format.channels();
    this.frameBytes = 2 * channels;
    this.deviceClock = new DeviceClock(rate);
    use(line);
  }

  private void use(SourceDataLine opened) {
    this.line = opened;
    this.bufferFrames = opened.getBufferSize() / frameBytes;
    this.written = 0;
    this.started = false;
  }

  private int frames(Duration d) {
    return (int) (d.toNanos() * rate / 1_000_000_000L);
  }

  @Override
  public Playback play(PcmSource source, StopToken stop, Cue cue) throws AudioException {
    if (closed) {
      throw new IllegalStateException("the line is closed");
    }
    PcmSource audio = source.convertedTo(format);
    int chunkFrames = frames(CHUNK);
    FrameRing ring = new FrameRing(channels, bufferFrames, frames(READ_AHEAD));
    Writer writer = new Writer(ring, stop, cue, Thread.currentThread());
    Thread thread = new Thread(writer, "sound-writer");
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
    thread.start();
    SilenceWatch silence = new SilenceWatch(rate, cue.silenceAfter());
    float[] chunk = new float[chunkFrames * channels];
    AudioException readFailure = null;
    boolean interrupted = false;
    try {
      while (!stop.requested() && !writer.finished) {
        if (!ring.wanted() || ring.space() < chunkFrames) {
          LockSupport.parkNanos(this, PRODUCER_WAIT_NANOS);
          // an interrupt would end every park at once; a play ends by its StopToken
          interrupted |= Thread.interrupted();
          continue;
        }
        int got = audio.read(chunk, chunkFrames);
        if (got < 0) {
          break;
        }
        silence.accept(chunk, got, channels);
        ring.put(chunk, got);
      }
    } catch (AudioException e) {
      readFailure = e;
    } finally {
      ring.end();
      interrupted |= awaitEnd(thread);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (writer.failure instanceof AudioException e) {
      throw e;
    }
    if (writer.failure instanceof RuntimeException e) {
      throw e;
    }
    if (writer.failure instanceof Error e) {
      throw e;
    }
    if (readFailure != null) {
      throw readFailure;
    }
    return writer.playback(silence.finish(), audio.dropouts());
  }

  /** @return whether the caller was interrupted meanwhile */
  private static boolean awaitEnd(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
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

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }

  /** Feeds the device from the ring for one play; everything it needs is allocated up front. */
  private final class Writer implements Runnable {
    private final FrameRing ring;
    private final StopToken stop;
    private final Cue cue;
    private final Thread reader;
    private final byte[] silence;
    private final byte[] fade;
    private final int chunkFrames = frames(CHUNK);
    private final int fadeFrames = frames(STOP_FADE);
    private final int readAhead = frames(READ_AHEAD);
    private final long minWrite = MIN_WRITE_MILLIS * rate / 1000;
    private final long steadyFill = STEADY_FILL_MILLIS * rate / 1000;
    private volatile boolean finished;
    private volatile Throwable failure;
    private final long gapsBefore = deviceClock.gaps();
    private final long clockOffset = nanos(clock.instant()) - System.nanoTime();
    private long programStart = -1;
    private long firstNanos;
    private boolean firstTimed;
    private long endNanos;
    private long framesPlayed;
    private boolean stopped;
    private long position;
    private long lastPosition;
    private int room;
    private long fill;

    Writer(FrameRing ring, StopToken stop, Cue cue, Thread reader) {
      this.ring = ring;
      this.stop = stop;
      this.cue = cue;
      this.reader = reader;
      this.silence = new byte[chunkFrames * frameBytes];
      this.fade = new byte[fadeFrames * frameBytes];
    }

    @Override
    public void run() {
      LevelMeter meter = output.levelMeter();
      meter.start(rate);
      try {
        air();
      } catch (AudioException | RuntimeException | Error e) {
        failure = e;
        endNanos = now();
      } finally {
        meter.idle();
        finished = true;
        LockSupport.unpark(reader);
      }
    }

    /**
     * Now, in nanoseconds on the injected clock's time line: read from the monotonic timer, set
     * against the clock once a play, so timing the device allocates nothing.
     */
    private long now() {
      return System.nanoTime() + clockOffset;
    }

    private void air() throws AudioException {
      if (written > 0) {
        // a line that played and ran dry swallows up to a buffer of what is written next and
        // reports positions a buffer off for a while: each play starts on a fresh line
        line.stop();
        line.close();
        use(output.openLine(format));
      }
      deviceClock.reset();
      lastPosition = 0;
      if (cue.startAt().isPresent()) {
        if (!prime(nanos(cue.startAt().get()))) {
          stopped = true;
          endNanos = now();
          return;
        }
      }
      ring.want();
      LockSupport.unpark(reader);
      programStart = written;
      if (deviceClock.ready()) {
        firstNanos = deviceClock.heardAt(programStart);
        firstTimed = true;
      } else {
        firstNanos = now() + Math.max(0, bufferFrames - line.available() / frameBytes) * 1_000_000_000L / rate;
      }
      feed();
    }

    /**
     * Writes silence until the next frame written is the one the device will play at
     * {@code startAt}. The device's position is sampled all along; the estimate taken as late as
     * possible decides the last silent frame.
     *
     * @return false when stopped before the start
     */
    private boolean prime(long startAt) throws AudioException {
      long lead = frames(PRIME_LEAD);
      long leadNanos = PRIME_LEAD.toNanos();
      while (true) {
        if (stop.requested()) {
          return false;
        }
        long now = observe();
        if (!deviceClock.ready()) {
          if (now >= startAt - leadNanos) {
            ring.want();
            LockSupport.unpark(reader);
            return true; // too late to prime: start at once
          }
          // until the line's position can be trusted, keep a short lead of silence queued by its
          // fill alone: a line slow to start (a sound server kept waiting) must not be handed
          // more than it will play before the start
          writeSilenceOrWait(fill >= 0 && fill <= bufferFrames ? lead - fill : 0);
          continue;
        }
        long missing = deviceClock.frameAt(startAt) - written;
        if (missing <= 0) {
          return true;
        }
        if (missing <= lead + readAhead) {
          // the reader has the time the line's lead lasts to hand over the programme's start
          ring.want();
          LockSupport.unpark(reader);
        }
        long ahead = deviceClock.frameAt(now + leadNanos) - written;
        // approach the start in small steps so the last decision uses a fresh position
        long step = missing > 2L * chunkFrames ? chunkFrames : Math.max(1, chunkFrames / 4);
        writeSilenceOrWait(Math.min(Math.min(missing, ahead), step));
      }
    }

    private void writeSilenceOrWait(long wanted) throws AudioException {
      int n = (int) Math.min(Math.min(wanted, room), chunkFrames);
      if (n > 0) {
        write(silence, 0, n);
      } else {
        LockSupport.parkNanos(PRIME_WAKE_NANOS);
      }
    }

    /** Keeps the device full from the ring until the programme ends or a stop. */
    private void feed() throws AudioException {
      long nextLook = 0;
      while (true) {
        if (stop.requested()) {
          stopWithFade();
          return;
        }
        long now = now();
        if (now < nextLook) {
          LockSupport.parkNanos(nextLook - now);
          continue;
        }
        observe();
        if (!firstTimed && deviceClock.ready()) {
          firstNanos = deviceClock.heardAt(programStart);
          firstTimed = true;
        }
        int ready = ring.ready();
        if (ready == 0 && ring.ended()) {
          break;
        }
        int n = Math.min(ready, room);
        if (n > 0 && (n >= minWrite || ring.ended() && n == ready)) {
          long from = ring.taken();
          int done = 0;
          while (done < n) {
            int piece = ring.contiguous(from + done, n - done);
            write(ring.data(), ring.offsetOf(from + done), piece);
            done += piece;
          }
          ring.take(n);
          LockSupport.unpark(reader);
          // still room (filling up after the start): the reader refills the ring at once
          nextLook = now + (room - n >= minWrite ? PRIME_WAKE_NANOS : LOOK_NANOS);
          continue;
        }
        nextLook = now + LOOK_NANOS;
      }
      framesPlayed = ring.taken();
      awaitTail();
    }

    /**
     * Waits until the device has taken the last frame written and, by the device's own clock, it
     * has been heard: a sound server kept off the processor can report a drained line while the
     * end of the programme is still queued, and closing the line then would drop it unheard.
     */
    private void awaitTail() throws AudioException {
      long last = written;
      long deadline = now() + (bufferFrames * 1_000_000_000L / rate) + 1_000_000_000L;
      while (true) {
        if (stop.requested()) {
          stopWithFade();
          return;
        }
        long now = observe();
        boolean heard = !deviceClock.ready() || now >= deviceClock.heardAt(last);
        if (tookAll(last) && heard || now > deadline) {
          endNanos = now;
          return;
        }
        LockSupport.parkNanos(LOOK_NANOS);
      }
    }

    /**
     * Drops what the device has queued and plays, in its place, the next {@link #STOP_FADE} of
     * programme faded out. The drop waits for the device's position to step: the sound server has
     * just taken a block, so the restarted stream has the most time to be ready for the next one
     * and the fade follows on the last sound heard without a gap.
     */
    private void stopWithFade() throws AudioException {
      stopped = true;
      long first = playedByRoom();
      long p = first;
      long until = now() + STEP_WAIT_NANOS;
      while (p == first && now() < until) {
        LockSupport.parkNanos(200_000L);
        p = playedByRoom();
      }
      p = Math.max(written - bufferFrames, Math.min(written, p));
      line.flush();
      long from = p - programStart;
      int n = (int) Math.max(0, Math.min(fadeFrames, written - p));
      if (from < ring.kept()) {
        n = 0;
      }
      if (n > 0) {
        ring.copy(from, n, fade);
        fadeOut(fade, n);
        write(fade, 0, n);
      }
      framesPlayed = Math.max(0, from + n);
      long last = written;
      long deadline = now() + STOP_FADE.toNanos() + 300_000_000L;
      while (true) {
        long now = observe();
        if (tookAll(last) || now > deadline) {
          endNanos = now;
          return;
        }
        LockSupport.parkNanos(PRIME_WAKE_NANOS);
      }
    }

    /**
     * Whether the device has taken every frame up to {@code last}. A line started empty, or
     * restarted by a flush, runs dry at once and for a while reports more room than it has (a
     * negative fill) and a position beyond what was written: that is not the end.
     */
    private boolean tookAll(long last) {
      return position >= last && fill >= 0;
    }

    private void fadeOut(byte[] frames, int n) {
      for (int f = 0; f < n; f++) {
        double g = Fades.gain(1 - (f + 1) / (double) n);
        for (int c = 0; c < channels; c++) {
          int at = f * frameBytes + 2 * c;
          int s = (short) ((frames[at] & 0xFF) | (frames[at + 1] << 8));
          int faded = (int) Math.round(s * g);
          frames[at] = (byte) faded;
          frames[at + 1] = (byte) (faded >> 8);
        }
      }
    }

    /**
     * Reads how much room the line has, bracketed by the time, and hands the position this gives
     * to the device clock when it can be trusted: the line moved, holds enough to be playing
     * steadily, and the read was not interrupted.
     *
     * @return the time after the read
     */
    private long observe() {
      long before = now();
      int available = line.available();
      long after = now();
      room = available / frameBytes;
      fill = bufferFrames - room;
      // what Java Sound reports as the position is worked out from the same figure
      long p = written - fill;
      boolean moving = p > lastPosition;
      lastPosition = p;
      position = p;
      if (moving && after - before <= READ_SPAN_NANOS && fill >= steadyFill && fill <= bufferFrames) {
        // the later time: a position read late makes the offset look low, never high
        deviceClock.observe(after, p);
      }
      return after;
    }

    /** Frames the line has played, from its room: one call into the sound system. */
    private long playedByRoom() {
      return written - bufferFrames + line.available() / frameBytes;
    }

    private void write(byte[] bytes, int offset, int frames) throws AudioException {
      int length = frames * frameBytes;
      int done = 0;
      while (done < length) {
        int n = line.write(bytes, offset + done, length - done);
        if (n <= 0) {
          throw new AudioException("the sound device '" + output.name() + "' stopped taking audio after "
              + written + " frames");
        }
        done += n;
      }
      written += frames;
      // measured as the device takes it (silence and fades included): what the sound card plays
      output.levelMeter().measure16(bytes, offset, frames, channels);
      if (!started) {
        line.start();
        started = true;
      }
    }

    Playback playback(List<Gap> silences, List<Gap> dropouts) {
      Instant end = instant(endNanos);
      Instant first = programStart < 0 ? end : instant(firstNanos);
      long underruns = deviceClock.gaps() - gapsBefore;
      return new Playback(first, end, framesPlayed, stopped, underruns, aired(silences), dropouts);
    }

    /** Silences found in what was read but never aired (after a stop) are left out or cut short. */
    private List<Gap> aired(List<Gap> silences) {
      Duration played = Duration.ofNanos(framesPlayed * 1_000_000_000L / rate);
      List<Gap> kept = new ArrayList<>();
      for (Gap gap : silences) {
        if (gap.at().compareTo(played) < 0) {
          Duration until = gap.at().plus(gap.length());
          kept.add(until.compareTo(played) <= 0 ? gap
              : new Gap(gap.at(), played.minus(gap.at()), gap.reason()));
        }
      }
      return kept;
    }
  }
}
