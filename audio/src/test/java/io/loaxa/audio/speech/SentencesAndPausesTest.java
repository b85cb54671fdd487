package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.SpeechScript;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a bulletin is cut into sentences and pauses for the loudspeakers. */
class SentencesAndPausesTest {
  private final VietnameseNormalizer normalizer = VietnameseNormalizer.northern();

  private List<String> texts(SpeechScript script) {
    return script.sentences().stream().map(SpeechScript.Sentence::text).toList();
  }

  @Test
  void pausesBetweenSentencesLongerAfterParagraphsAndNoneAtTheEnd() {
    SpeechScript script = normalizer.script("Mưa lớn kéo dài. Bà con chú ý.\n\nThông báo của UBND xã.");
    assertEquals(List.of("Mưa lớn kéo dài.", "Bà con chú ý.", "Thông báo của Ủy ban nhân dân xã."), texts(script));
    assertEquals(VietnameseNormalizer.SENTENCE_PAUSE, script.sentences().get(0).pauseAfter());
    assertEquals(VietnameseNormalizer.PARAGRAPH_PAUSE, script.sentences().get(1).pauseAfter());
    assertEquals(Duration.ZERO, script.sentences().get(2).pauseAfter());
  }

  @Test
  void joinsLinesWrappedInsideASentenceLikeThePlansCopiedFromPdf() {
    SpeechScript script = normalizer.script("Ủy ban nhân dân xã Tân Liên ban hành kế hoạch tuyên truyền cải cách hành\n\n"
        + "chính trên địa bàn xã năm 2022 như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n"
        + "- Thông tin, tuyên truyền các chủ trương của Đảng.");
    assertEquals(List.of(
        "Ủy ban nhân dân xã Tân Liên ban hành kế hoạch tuyên truyền cải cách hành chính trên địa bàn xã năm hai nghìn không trăm hai mươi hai như sau.",
        "một.", "mục đích, yêu cầu.", "một.", "Mục đích.", "Thông tin, tuyên truyền các chủ trương của Đảng."), texts(script));
  }

  @Test
  void readsAHeadingNumberRunIntoTheTextAsItsOwnSentence() {
    assertEquals(List.of("Kế hoạch như sau.", "hai.", "nội dung tuyên truyền."),
        texts(normalizer.script("Kế hoạch như sau: II. NỘI DUNG TUYÊN TRUYỀN")));
  }

  @Test
  void doesNotEndASentenceAtAnAbbreviationDot() {
    assertEquals(List.of("Người dân thành phố Hồ Chí Minh và các tỉnh."),
        texts(normalizer.script("Người dân TP. Hồ Chí Minh và các tỉnh.")));
  }

  @Test
  void cutsASentenceTooLongForOneBreathAtTheCommaNearestItsMiddle() {
    String longSentence = "Tuyên truyền nâng cao nhận thức của cán bộ công chức viên chức và nhân dân về ý nghĩa tầm quan trọng "
        + "của công tác cải cách hành chính đối với sự phát triển kinh tế xã hội của xã, tạo chuyển biến tích cực về tinh thần "
        + "trách nhiệm và thái độ làm việc của người đứng đầu cơ quan hành chính nhà nước trong thực hiện nhiệm vụ.";
    SpeechScript script = normalizer.script(longSentence);
    assertEquals(2, script.sentences().size());
    assertTrue(script.sentences().get(0).text().endsWith("của xã,"));
    assertEquals(VietnameseNormalizer.BREATH_PAUSE, script.sentences().get(0).pauseAfter());
    for (SpeechScript.Sentence s : script.sentences()) {
      assertTrue(s.text().split(" ").length <= VietnameseNormalizer.BREATH_WORDS, s.text());
    }
  }

  @Test
  void aTextWithNothingToSayIsRefusedWithAReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> normalizer.script(" \n - ... \n"));
    assertEquals("the text has nothing to speak", e.getMessage());
  }

  @Test
  void marksTheScriptAsVietnamese() {
    assertEquals("vi", normalizer.script("Xin chào bà con.").language());
  }
}
