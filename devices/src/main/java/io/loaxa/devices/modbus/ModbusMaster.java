package io.loaxa.devices.modbus;

import io.loaxa.devices.BoardSilentException;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.Pause;
import io.loaxa.devices.ReplyReader;
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
  private static final int MAX_REPLY = ModbusFrames.MAX_FRAME;

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
        ReplyReader reader = new ReplyReader(MAX_REPLY, timeout.plus(wireTime(request.length + 1)),
            max(ReplyReader.DEFAULT_INTER_BYTE_GAP, wireTime(2)));
        int got = reader.read(line, reply, reply.length);
        if (got == 0) {
          throw new BoardSilentException("unit " + unit + " on " + line.port() + " did not answer within "
              + timeout.toMillis() + " ms");
        }
        boolean headerFits = (reply[0] & 0xFF) == unit && (reply[1] & 0xFF) == function;
        if (headerFits && got < expected) {
          reader.drain(line);
          throw new DeviceException("reply from unit " + unit + " on " + line.port() + " cut short after " + got
              + " of " + expected + " bytes: " + ModbusFrames.hex(reply, got));
        }
        try {
          ModbusFrames.check(request, reply, got);
        } catch (ModbusException e) {
          throw e;
        } catch (DeviceException e) {
          // the rest of a garbled frame may still be arriving; let it pass before the next request
          reader.drain(line);
          throw new DeviceException(e.getMessage() + " (on " + line.port() + ")", e);
        }
        reader.expectQuiet(line, "unit " + unit, got, max(gap, wireTime(2)));
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

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
