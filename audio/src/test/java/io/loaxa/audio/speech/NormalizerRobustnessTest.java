package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.loaxa.audio.SpeechScript;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever an operator pastes, the normaliser answers with words or a plain refusal, never a crash. */
class NormalizerRobustnessTest {
  private static final String ALPHABET = "0123456789012345678901234567890.,:;/-–%()[]&@#*'\"!? \n\t"
      + "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYàáảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ"
      + "IVXLCDMhgkm°²³đ€$<>=~…“”‘’";
  private static final String[] PIECES = {"UBND", "ngày ", "tháng ", "quý ", "thứ ", "lần thứ ", "giai đoạn ", "TP. ",
      "v.v. ", "1.000", "3,5", "25/01/2022", "10-10", "7h30", "18:15", "2021-2030", "100%", "XIII", "dichvucong.gov.vn",
      "a@b.vn", "0912345678", "999999999999999999999999", "1.000.000.000.000.000.000.000", "3,00000000000000000001"};

  @Test
  void arbitraryTextIsEitherSpokenOrRefusedAsEmpty() {
    VietnameseNormalizer north = VietnameseNormalizer.northern();
    Random random = new Random(20241010);
    for (int round = 0; round < 3000; round++) {
      StringBuilder text = new StringBuilder();
      int parts = 1 + random.nextInt(12);
      for (int p = 0; p < parts; p++) {
        if (random.nextInt(3) == 0) {
          text.append(PIECES[random.nextInt(PIECES.length)]);
        } else {
          for (int c = random.nextInt(8); c >= 0; c--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          }
        }
      }
      String input = text.toString();
      try {
        SpeechScript script = north.script(input);
        for (SpeechScript.Sentence s : script.sentences()) {
          assertFalse(s.text().isBlank(), "blank sentence for: " + input);
        }
      } catch (IllegalArgumentException e) {
        if (!e.getMessage().startsWith("số quá dài")) { // pieces glued into a number past MAX_NUMBER_DIGITS
          assertEquals("the text has nothing to speak", e.getMessage(), "for: " + input);
        }
      }
    }
  }

  @Test
  void numbersTooLongForALongAreReadDigitByDigit() {
    assertEquals("một hai ba bốn năm sáu bảy tám chín không một hai ba bốn năm sáu bảy tám chín.",
        VietnameseNormalizer.northern().spoken("1234567890123456789"));
  }
}
