package io.loaxa.devices.modbus;

import io.loaxa.devices.BoardSilentException;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.Pause;
import io.loaxa.devices.SerialLine;
import io.loaxa.devices.SerialSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The master end of a Modbus RTU line: one request, one checked reply. Keeps the silent interval
 * between frames, throws away stale bytes before sending and after a garbled reply, and waits for a
 * reply no longer than the timeout plus the time the bytes need on the wire. Holds the line's monitor
 * for the whole exchange, so boards sharing a bus take turns.
 */
final class ModbusMaster {
  private final SerialLine line;
  private final SerialSettings settings;
  private final Duration timeout;
  private final Duration gap;
  private final Clock clock;
  private final Pause pause;
  private Instant quietSince = Instant.MIN;

  /**
   * @param timeout how long a slave may think before its reply starts
   * @param gap the silence kept between frames; at least the 3.5 characters Modbus RTU requires
   */
  ModbusMaster(SerialLine line, SerialSettings settings, Duration timeout, Duration gap, Clock clock, Pause pause) {
    this.line = line;
    this.settings = settings;
    this.timeout = timeout;
    this.gap = max(gap, minimumGap(settings));
    this.clock = clock;
    this.pause = pause;
  }

  /** The Modbus RTU inter-frame silence: 3.5 characters, fixed at 1.75 ms above 19200 baud. */
  static Duration minimumGap(SerialSettings settings) {
    if (settings.baud() > 19_200) {
      return Duration.ofNanos(1_750_000);
    }
    return Duration.ofNanos(Math.round(3.5 * settings.bitsPerCharacter() * 1e9 / settings.baud()));
  }

  String port() {
    return line.port();
  }

  Duration wireTime(int bytes) {
    return Duration.ofNanos(Math.round((double) bytes * settings.bitsPerCharacter() * 1e9 / settings.baud()));
  }

  byte[] exchange(byte[] request) throws DeviceException {
    int unit = request[0] & 0xFF;
    int function = request[1] & 0xFF;
    int expected = ModbusFrames.replyLength(request);
    synchronized (line) {
      keepGap();
      try {
        line.discardInput();
        line.write(request);
        byte[] reply = new byte[Math.max(expected, ModbusFrames.EXCEPTION_LENGTH)];
        int got = line.read(reply, 0, ModbusFrames.EXCEPTION_LENGTH, timeout.plus(wireTime(request.length + expected)));
        if (got == 0) {
          throw new BoardSilentException("unit " + unit + " on " + line.port() + " did not answer within "
              + timeout.toMillis() + " ms");
        }
        boolean headerFits = got == ModbusFrames.EXCEPTION_LENGTH && (reply[0] & 0xFF) == unit
            && (reply[1] & 0xFF) == function;
        if (headerFits && expected > got) {
          got += line.read(reply, got, expected - got, timeout.plus(wireTime(expected - got)));
          if (got < expected) {
            flushUntilQuiet();
            throw new DeviceException("reply from unit " + unit + " on " + line.port() + " cut short after " + got
                + " of " + expected + " bytes: " + ModbusFrames.hex(reply, got));
          }
        }
        try {
          ModbusFrames.check(request, reply, got);
        } catch (ModbusException e) {
          throw e;
        } catch (DeviceException e) {
          // the rest of a garbled frame may still be arriving; let it pass before the next request
          flushUntilQuiet();
          throw new DeviceException(e.getMessage() + " (on " + line.port() + ")", e);
        }
        return Arrays.copyOf(reply, got);
      } finally {
        quietSince = clock.instant();
      }
    }
  }

  private void keepGap() {
    Duration since = Duration.between(quietSince, clock.instant());
    if (since.compareTo(gap) < 0) {
      pause.pause(gap.minus(since));
    }
  }

  private void flushUntilQuiet() throws DeviceException {
    byte[] junk = new byte[64];
    Duration quiet = max(gap, wireTime(4));
    for (int i = 0; i < 32 && line.read(junk, 0, junk.length, quiet) > 0; i++) {
      // keep reading: the line is not quiet yet
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
