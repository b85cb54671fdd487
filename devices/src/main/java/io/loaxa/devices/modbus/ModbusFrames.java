package io.loaxa.devices.modbus;

import io.loaxa.devices.DeviceException;
import java.util.HexFormat;

/**
 * Modbus RTU frames for relay boards: build requests, know how long their replies are, check and
 * decode replies. Pure functions, no I/O. Addresses here are wire addresses (coil 0 is the first);
 * drivers convert from the channel numbers printed on the board.
 */
public final class ModbusFrames {
  public static final int READ_COILS = 0x01;
  public static final int READ_HOLDING_REGISTERS = 0x03;
  public static final int WRITE_SINGLE_COIL = 0x05;
  public static final int WRITE_SINGLE_REGISTER = 0x06;
  public static final int WRITE_MULTIPLE_COILS = 0x0F;

  /** Length of an exception reply: unit, function | 0x80, code, CRC. */
  public static final int EXCEPTION_LENGTH = 5;

  /** The longest Modbus RTU frame: unit, function, 252 bytes of data, CRC. */
  public static final int MAX_FRAME = 256;

  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  private ModbusFrames() {}

  /** FC05: one coil on ({@code FF 00}) or off ({@code 00 00}). */
  public static byte[] writeSingleCoil(int unit, int coil, boolean on) {
    return frame(unit, WRITE_SINGLE_COIL, coil, on ? 0xFF00 : 0x0000);
  }

  /** FC15: {@code values.length} coils from {@code firstCoil}, packed low bit first. */
  public static byte[] writeMultipleCoils(int unit, int firstCoil, boolean[] values) {
    int count = values.length;
    if (count < 1 || count > 1968) {
      throw new IllegalArgumentException("coil count out of range 1..1968: " + count);
    }
    checkAddress(firstCoil, count);
    int byteCount = (count + 7) / 8;
    byte[] body = new byte[7 + byteCount];
    body[0] = (byte) checkUnit(unit);
    body[1] = WRITE_MULTIPLE_COILS;
    body[2] = (byte) (firstCoil >>> 8);
    body[3] = (byte) firstCoil;
    body[4] = (byte) (count >>> 8);
    body[5] = (byte) count;
    body[6] = (byte) byteCount;
    for (int i = 0; i < count; i++) {
      if (values[i]) {
        body[7 + i / 8] |= (byte) (1 << (i % 8));
      }
    }
    return Crc16.append(body);
  }

  /** FC01: read {@code count} coils from {@code firstCoil}. */
  public static byte[] readCoils(int unit, int firstCoil, int count) {
    if (count < 1 || count > 2000) {
      throw new IllegalArgumentException("coil count out of range 1..2000: " + count);
    }
    checkAddress(firstCoil, count);
    return frame(unit, READ_COILS, firstCoil, count);
  }

  /** FC06: write one holding register. */
  public static byte[] writeSingleRegister(int unit, int register, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException("register value out of range 0..65535: " + value);
    }
    return frame(unit, WRITE_SINGLE_REGISTER, register, value);
  }

  /** FC03: read {@code count} holding registers from {@code firstRegister}. */
  public static byte[] readHoldingRegisters(int unit, int firstRegister, int count) {
    if (count < 1 || count > 125) {
      throw new IllegalArgumentException("register count out of range 1..125: " + count);
    }
    checkAddress(firstRegister, count);
    return frame(unit, READ_HOLDING_REGISTERS, firstRegister, count);
  }

  private static byte[] frame(int unit, int function, int address, int value) {
    checkAddress(address, 1);
    return Crc16.append(new byte[] {
        (byte) checkUnit(unit), (byte) function,
        (byte) (address >>> 8), (byte) address,
        (byte) (value >>> 8), (byte) value});
  }

  private static int checkUnit(int unit) {
    if (unit < 1 || unit > 247) {
      throw new IllegalArgumentException("Modbus unit id out of range 1..247: " + unit);
    }
    return unit;
  }

  private static void checkAddress(int address, int count) {
    if (address < 0 || address + count - 1 > 0xFFFF) {
      throw new IllegalArgumentException("Modbus address out of range 0..65535: " + address);
    }
  }

  /** The length of a normal reply to this request; an exception reply is {@link #EXCEPTION_LENGTH} long. */
  public static int replyLength(byte[] request) {
    int function = request[1] & 0xFF;
    int count = word(request, 4);
    return switch (function) {
      case WRITE_SINGLE_COIL, WRITE_SINGLE_REGISTER, WRITE_MULTIPLE_COILS -> 8;
      case READ_COILS -> 5 + (count + 7) / 8;
      case READ_HOLDING_REGISTERS -> 5 + 2 * count;
      default -> throw new IllegalArgumentException("unsupported function " + function);
    };
  }

  /**
   * Checks a reply against its request: CRC, unit, function, and for writes that it echoes what was
   * asked.
   *
   * @throws ModbusException for an exception reply
   * @throws DeviceException for a reply that is garbled, cut short or belongs to something else
   */
  public static void check(byte[] request, byte[] reply, int length) throws DeviceException {
    int unit = request[0] & 0xFF;
    int function = request[1] & 0xFF;
    if (length < 0 || length > reply.length) {
      throw new IllegalArgumentException("reply length " + length + " beyond its buffer of " + reply.length);
    }
    if (length > MAX_FRAME) {
      throw new DeviceException("reply from unit " + unit + " is " + length + " bytes, longer than any Modbus RTU frame ("
          + MAX_FRAME + ")");
    }
    if (length < EXCEPTION_LENGTH) {
      throw new DeviceException("reply from unit " + unit + " cut short: " + hex(reply, length));
    }
    if (!Crc16.matches(reply, length)) {
      throw new DeviceException("reply from unit " + unit + " fails its CRC check: " + hex(reply, length));
    }
    if ((reply[0] & 0xFF) != unit) {
      throw new DeviceException("reply from unit " + (reply[0] & 0xFF) + " where unit " + unit + " was asked: "
          + hex(reply, length));
    }
    int replyFunction = reply[1] & 0xFF;
    if (replyFunction == (function | 0x80) && length == EXCEPTION_LENGTH) {
      throw new ModbusException(unit, function, reply[2] & 0xFF);
    }
    if (replyFunction != function || length != replyLength(request)) {
      throw new DeviceException("unexpected reply from unit " + unit + " to function " + function + ": "
          + hex(reply, length));
    }
    switch (function) {
      case WRITE_SINGLE_COIL, WRITE_SINGLE_REGISTER -> {
        for (int i = 0; i < 6; i++) {
          if (reply[i] != request[i]) {
            throw new DeviceException("unit " + unit + " did not echo the command: sent " + hex(request, request.length)
                + ", got " + hex(reply, length));
          }
        }
      }
      case WRITE_MULTIPLE_COILS -> {
        if (word(reply, 2) != word(request, 2) || word(reply, 4) != word(request, 4)) {
          throw new DeviceException("unit " + unit + " confirmed other coils than written: " + hex(reply, length));
        }
      }
      case READ_COILS, READ_HOLDING_REGISTERS -> {
        if ((reply[2] & 0xFF) != length - 5) {
          throw new DeviceException("unit " + unit + " reply byte count " + (reply[2] & 0xFF) + " does not match "
              + (length - 5) + ": " + hex(reply, length));
        }
      }
      default -> throw new IllegalArgumentException("unsupported function " + function);
    }
  }

  /** The coil states of a checked FC01 reply, first coil first. */
  public static boolean[] coils(byte[] request, byte[] reply) {
    int count = word(request, 4);
    boolean[] states = new boolean[count];
    for (int i = 0; i < count; i++) {
      states[i] = (reply[3 + i / 8] & (1 << (i % 8))) != 0;
    }
    return states;
  }

  /** The register values of a checked FC03 reply, first register first. */
  public static int[] registers(byte[] request, byte[] reply) {
    int count = word(request, 4);
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = word(reply, 3 + 2 * i);
    }
    return values;
  }

  private static int word(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFF) << 8 | (bytes[offset + 1] & 0xFF);
  }

  /** Bytes as the datasheets print them: {@code 01 05 00 00 FF 00 8C 3A}. */
  public static String hex(byte[] bytes, int length) {
    return length == 0 ? "(nothing)" : HEX.formatHex(bytes, 0, length);
  }
}
