package io.loaxa.audio.freetts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.SpeechRequest;
import io.loaxa.audio.SpeechScript;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.speech.Heard;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded English-only fallback, running for real inside the JVM. */
class FreeTtsTest {
  private static final FreeTts FREETTS = new FreeTts();

  @Test
  void speaksEnglishAsSixteenKilohertzMono() throws Exception {
    PcmClip clip = FREETTS.synthesize(SpeechRequest.of(SpeechScript.of("en", "Attention please. The storm arrives at six."), FreeTts.KEVIN));
    assertEquals(16_000, clip.format().sampleRate());
    assertEquals(1, clip.format().channels());
    assertTrue(Heard.seconds(clip) > 1.5 && Heard.seconds(clip) < 8, Heard.seconds(clip) + " s");
    assertTrue(Heard.peak(clip) > 0.1 && Heard.voicedShare(clip) > 0.5, "peak " + Heard.peak(clip));
  }

  @Test
  void refusesVietnameseTextWithoutTheOperatorsConsentAndSaysWhy() {
    AudioException e = assertThrows(AudioException.class,
        () -> FREETTS.synthesize(SpeechRequest.of(SpeechScript.of("vi", "Bà con chú ý, bão số ba."), FreeTts.KEVIN)));
    assertTrue(e.getMessage().contains("English only") && e.getMessage().contains("apt-get install espeak-ng"), e.getMessage());
  }

  @Test
  void recognisesVietnameseByItsLettersEvenWhenLabelledEnglish() {
    assertThrows(AudioException.class,
        () -> FREETTS.synthesize(SpeechRequest.of(SpeechScript.of("en", "Thông báo khẩn"), FreeTts.KEVIN)));
  }

  @Test
  void readsVietnameseInTheEnglishVoiceOnlyWhenTheOperatorConsents() throws Exception {
    PcmClip clip = FREETTS.synthesize(new SpeechRequest(SpeechScript.of("vi", "Bà con chú ý."), FreeTts.KEVIN,
        SpeechSettings.NORMAL, true));
    assertTrue(Heard.peak(clip) > 0.1, "peak " + Heard.peak(clip));
  }

  @Test
  void keepsThePausesBetweenSentences() throws Exception {
    SpeechScript script = new SpeechScript("en", List.of(
        new SpeechScript.Sentence("One.", Duration.ofMillis(1500)), new SpeechScript.Sentence("Two.", Duration.ZERO)));
    PcmClip clip = FREETTS.synthesize(SpeechRequest.of(script, FreeTts.KEVIN));
    assertEquals(1, Heard.silences(clip, 1.4), "one long pause between the two words");
  }

  @Test
  void itsStatusSaysEnglishOnly() {
    SpeechEngineStatus status = FREETTS.status();
    assertTrue(status.usable(), status.detail());
    assertEquals(List.of(FreeTts.ENGLISH_ONLY), status.warnings());
    assertEquals("en", status.voices().get(0).language());
  }
}
