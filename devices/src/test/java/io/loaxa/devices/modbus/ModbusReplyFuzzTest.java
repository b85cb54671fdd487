package io.loaxa.devices.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.SerialSettings;
import io.loaxa.devices.testing.RecordingPause;
import io.loaxa.devices.testing.ScriptedSerialLine;
import io.loaxa.testkit.MutableClock;
import java.time.Duration;
import java.util.Arrays;

/**
 * The Modbus RTU master fed any reply, with a pause anywhere in it: it hands back only the whole
 * frame that was asked for (CRC, unit, function, length and echo right; decoded values formatted
 * back give the same frame), or refuses with a {@link DeviceException} in words, never an array
 * bounds error; and it reads a bounded number of times however much the board sends.
 *
 * <p>Input: byte 0 picks the request (FC05, FC01, FC03, FC06 or FC15 and its count), byte 1 where
 * the reply pauses (0: nowhere), byte 2 the pause in milliseconds, the rest is the reply.
 */
class ModbusReplyFuzzTest {
  @FuzzTest(maxDuration = "2h")
  void anyReplyIsTheWholeFrameAskedForOrRefusedAsADeviceFault(byte[] input) {
    if (input.length < 3) {
      return;
    }
    byte[] request = request(input[0] & 0xFF);
    byte[] reply = Arrays.copyOfRange(input, 3, input.length);
    ScriptedSerialLine line = new ScriptedSerialLine("/dev/ttyRS485").answering(r -> reply);
    if (input[1] != 0) {
      line.pausingAfter(input[1] & 0xFF, Duration.ofMillis(input[2] & 0xFF));
    }
    MutableClock clock = MutableClock.at("2025-03-01T05:00:00Z");
    ModbusMaster master = new ModbusMaster(line, SerialSettings.DEFAULT, Duration.ofMillis(300), Duration.ZERO, clock,
        new RecordingPause(clock));
    long start = System.nanoTime();
    byte[] got;
    try {
      got = master.exchange(request);
    } catch (DeviceException e) {
      String m = e.getMessage();
      assertTrue(m != null && !m.isBlank());
      assertFalse(m.matches("(?s).*(Exception|java\\.|Index \\d+ out of bounds).*"), "Java's words: " + m);
      bounded(line, start);
      return;
    }
    bounded(line, start);
    int function = request[1] & 0xFF;
    assertEquals(ModbusFrames.replyLength(request), got.length, "the frame's length");
    assertArrayEquals(Arrays.copyOf(reply, got.length), got, "the bytes the board sent, from the first");
    assertTrue(Crc16.matches(got, got.length));
    assertEquals(1, got[0]);
    assertEquals(function, got[1] & 0xFF);
    switch (function) {
      case ModbusFrames.WRITE_SINGLE_COIL, ModbusFrames.WRITE_SINGLE_REGISTER -> assertArrayEquals(request, got);
      case ModbusFrames.WRITE_MULTIPLE_COILS -> assertArrayEquals(Arrays.copyOf(request, 6), Arrays.copyOf(got, 6));
      case ModbusFrames.READ_COILS -> assertArrayEquals(masked(request, got), coilsReply(ModbusFrames.coils(request, got)),
          "coils read, written back as a reply");
      case ModbusFrames.READ_HOLDING_REGISTERS -> assertArrayEquals(got,
          registersReply(ModbusFrames.registers(request, got)), "registers read, written back as a reply");
      default -> throw new AssertionError("function " + function);
    }
  }

  private static void bounded(ScriptedSerialLine line, long start) {
    assertTrue(line.reads() <= 300, "read " + line.reads() + " times");
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }

  static byte[] request(int pick) {
    int count = 1 + (pick >> 3);
    return switch (pick % 5) {
      case 0 -> ModbusFrames.writeSingleCoil(1, pick >> 3, (pick & 8) != 0);
      case 1 -> ModbusFrames.readCoils(1, 0, count);
      case 2 -> ModbusFrames.readHoldingRegisters(1, 0, count);
      case 3 -> ModbusFrames.writeSingleRegister(1, pick >> 3, 0x0100 | pick);
      default -> {
        boolean[] states = new boolean[count];
        for (int i = 0; i < count; i++) {
          states[i] = (pick >> (i % 8) & 1) != 0;
        }
        yield ModbusFrames.writeMultipleCoils(1, 0, states);
      }
    };
  }

  /** An FC01 reply as a slave writes it: coils packed low bit first, unused high bits zero. */
  static byte[] coilsReply(boolean[] coils) {
    byte[] body = new byte[3 + (coils.length + 7) / 8];
    body[0] = 1;
    body[1] = ModbusFrames.READ_COILS;
    body[2] = (byte) ((coils.length + 7) / 8);
    for (int i = 0; i < coils.length; i++) {
      if (coils[i]) {
        body[3 + i / 8] |= (byte) (1 << (i % 8));
      }
    }
    return Crc16.append(body);
  }

  static byte[] registersReply(int[] registers) {
    byte[] body = new byte[3 + 2 * registers.length];
    body[0] = 1;
    body[1] = ModbusFrames.READ_HOLDING_REGISTERS;
    body[2] = (byte) (2 * registers.length);
    for (int i = 0; i < registers.length; i++) {
      body[3 + 2 * i] = (byte) (registers[i] >> 8);
      body[4 + 2 * i] = (byte) registers[i];
    }
    return Crc16.append(body);
  }

  /** The reply with the unused high bits of its last coil byte cleared, CRC recomputed. */
  private static byte[] masked(byte[] request, byte[] reply) {
    int count = (request[4] & 0xFF) << 8 | request[5] & 0xFF;
    byte[] body = Arrays.copyOf(reply, reply.length - 2);
    if (count % 8 != 0) {
      body[body.length - 1] &= (byte) ((1 << (count % 8)) - 1);
    }
    return Crc16.append(body);
  }
}
