package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How much the normaliser reads aloud, and the sentence it refuses the rest with. */
class NormalizerLimitsTest {
  private final VietnameseNormalizer north = VietnameseNormalizer.northern();

  @Test
  void aNoticeOfFiftyThousandCharactersIsReadAndOneMoreIsRefused() {
    String sentence = "Thông báo lịch tiêm phòng. ";
    String longest = sentence.repeat(VietnameseNormalizer.MAX_TEXT_CHARS / sentence.length());
    assertTrue(north.script(longest).sentences().size() > 1000);
    String tooLong = longest + "x".repeat(VietnameseNormalizer.MAX_TEXT_CHARS - longest.length() + 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> north.script(tooLong));
    assertEquals("văn bản quá dài để đọc: 50,001 ký tự, tối đa 50,000; hãy chia thành nhiều bản tin"
        + " — the text is 50,001 characters; at most 50,000 are read in one airing, split it", e.getMessage());
  }

  @Test
  void aNumberOfThirtyDigitsIsReadAndThirtyOneAreRefusedWithTheLine() {
    assertTrue(north.spoken("Mã số " + "1".repeat(VietnameseNormalizer.MAX_NUMBER_DIGITS) + ".").startsWith("Mã số một một"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> north.script("Dòng một.\nMã số " + "1".repeat(VietnameseNormalizer.MAX_NUMBER_DIGITS + 1) + "."));
    assertTrue(e.getMessage().startsWith("số quá dài ở dòng 2: hơn 30 chữ số"), e.getMessage());
  }

  @Test
  void separatorsInsideANumberDoNotHideItsLength() {
    String grouped = "1" + ".000".repeat(11); // 34 digits
    assertThrows(IllegalArgumentException.class, () -> north.script(grouped + " đồng"));
    assertTrue(north.spoken("1.000.000 đồng, 25/01/2022 và 3,5%").startsWith("một triệu đồng"));
  }

  @Test
  void manyShortNumbersSideBySideAreEachReadOnTheirOwn() {
    String many = "1, 2, 3 ".repeat(2000);
    assertTrue(north.spoken(many).startsWith("một, hai, ba"));
  }
}
