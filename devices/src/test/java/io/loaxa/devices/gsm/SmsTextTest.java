package io.loaxa.devices.gsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsTextTest {
  @Test
  void vietnameseLosesItsDiacriticsForGsm7() {
    assertEquals("Mat dien o thon Dong", SmsText.gsm7("Mất điện ở thôn Đông"));
    assertEquals("Canh bao: Ban tin CCHC thang 12 chua phat", SmsText.gsm7("Cảnh báo: Bản tin CCHC tháng 12 chưa phát"));
    assertEquals("loa(a)xa 5USD ?", SmsText.gsm7("loa@xa 5$ €"));
    assertTrue(SmsText.isGsm7("Mat dien o thon Dong"));
    assertFalse(SmsText.isGsm7("Mất điện"));
  }

  @Test
  void ucs2IsUtf16BigEndianHex() {
    assertEquals("004D1EA5007400200111", SmsText.ucs2Hex("Mất đ"));
    assertEquals("002B003800340039", SmsText.ucs2Hex("+849"));
  }

  @Test
  void aShortTextIsOneMessage() {
    assertEquals(List.of("x".repeat(160)), SmsText.parts("x".repeat(160), false, 3));
    assertEquals(List.of("x".repeat(70)), SmsText.parts("x".repeat(70), true, 3));
  }

  @Test
  void aLongTextIsSplitAtSpacesIntoNumberedMessages() {
    String text = ("mot hai ba bon nam ").repeat(12); // 228 characters
    List<String> parts = SmsText.parts(text, false, 3);
    assertEquals(2, parts.size());
    assertTrue(parts.get(0).startsWith("(1/2) ") && parts.get(1).startsWith("(2/2) "));
    parts.forEach(p -> assertTrue(p.length() <= 160, p));
    assertEquals(text, parts.get(0).substring(6) + parts.get(1).substring(6));
  }

  @Test
  void whatDoesNotFitInTheMostPartsIsCutWithDots() {
    String text = "a".repeat(1000);
    List<String> one = SmsText.parts(text, false, 1);
    assertEquals(1, one.size());
    assertTrue(one.get(0).endsWith("...") && one.get(0).length() <= 160, one.get(0));
    List<String> three = SmsText.parts("ư".repeat(500), true, 3);
    assertEquals(3, three.size());
    three.forEach(p -> assertTrue(p.length() <= 70, p));
    assertTrue(three.get(2).endsWith("..."));
  }
}
