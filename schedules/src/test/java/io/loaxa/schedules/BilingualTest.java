package io.loaxa.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The operator's sentences in two languages: Vietnamese first, English in the one trailing pair of parentheses. */
class BilingualTest {
  @Test
  void theEnglishHalfKeepsItsOwnParenthesesAsBracketsSoTheCutTakesItWhole() {
    String message = Bilingual.of("trùng giờ với buổi phát 'sang' (dòng 7)", "overlaps airing 'sang' (line 7)");
    assertEquals("trùng giờ với buổi phát 'sang' (dòng 7) (overlaps airing 'sang' [line 7])", message);
    assertEquals("overlaps airing 'sang' [line 7]", Bilingual.english(message));
    assertEquals("trùng giờ với buổi phát 'sang' (dòng 7)", Bilingual.vietnamese(message));
  }

  @Test
  void aMessageInOneLanguageIsItsOwnHalfInBoth() {
    assertEquals("internal error", Bilingual.english("internal error"));
    assertEquals("internal error", Bilingual.vietnamese("internal error"));
  }

  @Test
  void whatARefusalIsAboutIsSaidInVietnameseAndAFieldKeepsItsKey() {
    assertEquals("chương trình", Bilingual.subject("a programme"));
    assertEquals("trường 'lateTolerance'", Bilingual.subject("lateTolerance"));
    assertEquals("nhóm thôn bac", Bilingual.subject("zone group bac"));
    assertEquals("mục 'content'", Bilingual.section("content"));
    assertEquals("buổi phát", Bilingual.section("an airing"));
    assertEquals("cấu hình đài (at least one relay board)", Bilingual.subject("the station config (at least one relay board)"));
    assertEquals("trường 'web' (ví dụ listen: \"0.0.0.0:8080\")", Bilingual.subject("web (e.g. listen: \"0.0.0.0:8080\")"));
  }

  @Test
  void theStationConfigsNotesOnWhatIsMissingAreSaidInVietnameseToo() {
    assertEquals("cấu hình đài (name và timeZone)", Bilingual.section("the station config (name and timeZone)"));
    assertEquals("mục 'alerts.sms' (cổng nối tiếp của modem, ví dụ /dev/ttyUSB2)",
        Bilingual.section("alerts.sms (the modem's serial port, e.g. /dev/ttyUSB2)"));
    assertEquals("một người nhận của alerts.recipients", Bilingual.subject("a recipient of alerts.recipients"));
  }
}
