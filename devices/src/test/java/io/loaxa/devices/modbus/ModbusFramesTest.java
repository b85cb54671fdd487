package io.loaxa.devices.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.DeviceException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ModbusFramesTest {
  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  private static String hex(byte[] frame) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(frame);
  }

  @Test
  void buildsTheDatasheetFramesForSwitchingSingleRelays() {
    assertEquals("01 05 00 00 FF 00 8C 3A", hex(ModbusFrames.writeSingleCoil(1, 0, true)));
    assertEquals("01 05 00 00 00 00 CD CA", hex(ModbusFrames.writeSingleCoil(1, 0, false)));
    assertEquals("01 05 00 01 FF 00 DD FA", hex(ModbusFrames.writeSingleCoil(1, 1, true)));
    assertEquals("01 05 00 01 00 00 9C 0A", hex(ModbusFrames.writeSingleCoil(1, 1, false)));
    assertEquals("01 05 00 FF FF 00 BC 0A", hex(ModbusFrames.writeSingleCoil(1, 0xFF, true)));
    assertEquals("01 05 00 FF 00 00 FD FA", hex(ModbusFrames.writeSingleCoil(1, 0xFF, false)));
  }

  @Test
  void buildsTheDatasheetFramesForReadingAndWritingEightCoils() {
    assertEquals("01 01 00 00 00 08 3D CC", hex(ModbusFrames.readCoils(1, 0, 8)));
    boolean[] all = new boolean[8];
    java.util.Arrays.fill(all, true);
    assertEquals("01 0F 00 00 00 08 01 FF BE D5", hex(ModbusFrames.writeMultipleCoils(1, 0, all)));
  }

  @Test
  void buildsTheRegisterBoardFramesOfTheDatasheet() {
    assertEquals("01 06 00 01 01 00 D9 9A", hex(ModbusFrames.writeSingleRegister(1, 1, 0x0100)));
    assertEquals("01 06 00 01 02 00 D9 6A", hex(ModbusFrames.writeSingleRegister(1, 1, 0x0200)));
    assertEquals("01 06 00 01 06 0A 5B AD", hex(ModbusFrames.writeSingleRegister(1, 1, 0x060A)));
    assertEquals("01 03 00 01 00 08 15 CC", hex(ModbusFrames.readHoldingRegisters(1, 1, 8)));
  }

  @Test
  void readsRelaysZeroAndSixOnFromTheDatasheetReply() throws DeviceException {
    byte[] request = ModbusFrames.readCoils(1, 0, 8);
    byte[] reply = bytes("01 01 01 41 91 B8");
    ModbusFrames.check(request, reply, reply.length);
    boolean[] coils = ModbusFrames.coils(request, reply);
    assertArrayEquals(new boolean[] {true, false, false, false, false, false, true, false}, coils);
  }

  @Test
  void packsSixteenCoilsLowBitFirstIntoTwoBytes() {
    boolean[] values = new boolean[16];
    values[0] = true;
    values[9] = true;
    values[15] = true;
    byte[] frame = ModbusFrames.writeMultipleCoils(3, 0x10, values);
    assertEquals("03 0F 00 10 00 10 02 01 82", hex(frame).substring(0, 26));
    assertTrue(Crc16.matches(frame, frame.length));
  }

  @Test
  void acceptsTheEchoOfASingleCoilWrite() throws DeviceException {
    byte[] request = ModbusFrames.writeSingleCoil(1, 0, true);
    ModbusFrames.check(request, request.clone(), request.length);
  }

  @Test
  void turnsAnExceptionReplyIntoAClearError() {
    byte[] request = ModbusFrames.writeSingleCoil(1, 9, true);
    byte[] reply = Crc16.append(bytes("01 85 02"));
    ModbusException e = assertThrows(ModbusException.class, () -> ModbusFrames.check(request, reply, reply.length));
    assertEquals(2, e.code());
    assertTrue(e.getMessage().contains("illegal data address"), e.getMessage());
  }

  @Test
  void rejectsAReplyWithAWrongCrc() {
    byte[] request = ModbusFrames.readCoils(1, 0, 8);
    byte[] reply = bytes("01 01 01 41 91 B9");
    DeviceException e = assertThrows(DeviceException.class, () -> ModbusFrames.check(request, reply, reply.length));
    assertTrue(e.getMessage().contains("CRC"), e.getMessage());
  }

  @Test
  void rejectsAReplyFromAnotherUnit() {
    byte[] request = ModbusFrames.writeSingleCoil(1, 0, true);
    byte[] reply = ModbusFrames.writeSingleCoil(2, 0, true);
    DeviceException e = assertThrows(DeviceException.class, () -> ModbusFrames.check(request, reply, reply.length));
    assertTrue(e.getMessage().contains("unit 2"), e.getMessage());
  }

  @Test
  void rejectsAWriteReplyThatDoesNotEchoTheCommand() {
    byte[] request = ModbusFrames.writeSingleCoil(1, 0, true);
    byte[] reply = ModbusFrames.writeSingleCoil(1, 0, false);
    assertThrows(DeviceException.class, () -> ModbusFrames.check(request, reply, reply.length));
  }

  @Test
  void rejectsAReplyCutShort() {
    byte[] request = ModbusFrames.readCoils(1, 0, 8);
    byte[] reply = bytes("01 01 01 41");
    assertThrows(DeviceException.class, () -> ModbusFrames.check(request, reply, reply.length));
  }

  @Test
  void knowsHowLongEachReplyIs() {
    assertEquals(8, ModbusFrames.replyLength(ModbusFrames.writeSingleCoil(1, 0, true)));
    assertEquals(8, ModbusFrames.replyLength(ModbusFrames.writeMultipleCoils(1, 0, new boolean[16])));
    assertEquals(6, ModbusFrames.replyLength(ModbusFrames.readCoils(1, 0, 8)));
    assertEquals(7, ModbusFrames.replyLength(ModbusFrames.readCoils(1, 0, 9)));
    assertEquals(21, ModbusFrames.replyLength(ModbusFrames.readHoldingRegisters(1, 1, 8)));
  }

  @Test
  void refusesUnitIdsOutsideModbus() {
    assertThrows(IllegalArgumentException.class, () -> ModbusFrames.writeSingleCoil(0, 0, true));
    assertThrows(IllegalArgumentException.class, () -> ModbusFrames.writeSingleCoil(248, 0, true));
  }

  @Test
  void computesTheCrcOfTheDatasheetFrame() {
    assertEquals(0x3A8C, Crc16.of(bytes("01 05 00 00 FF 00"), 0, 6));
    assertEquals("01 05 00 00 FF 00 8C 3A", hex(Crc16.append(bytes("01 05 00 00 FF 00"))));
  }
}
