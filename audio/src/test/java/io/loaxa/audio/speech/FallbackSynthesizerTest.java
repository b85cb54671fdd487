package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.SpeechRequest;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.espeak.EspeakNg;
import io.loaxa.audio.freetts.FreeTts;
import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A station whose machine has no espeak-ng: the English-only fallback, never silently. */
@Integration
class FallbackSynthesizerTest {
  private static final FreeTts FREETTS = new FreeTts();
  private final VietnameseNormalizer normalizer = VietnameseNormalizer.northern();
  @TempDir Path dir;

  private FallbackSynthesizer withoutEspeak() throws Exception {
    Path emptyBin = Files.createDirectories(dir.resolve("bin"));
    return new FallbackSynthesizer(new EspeakNg("espeak-ng", emptyBin.toString(), Duration.ofSeconds(5)), FREETTS);
  }

  @Test
  void doctorSaysEspeakIsMissingAndTheFallbackIsEnglishOnly() throws Exception {
    SpeechEngineStatus status = withoutEspeak().status();
    assertEquals("espeak-ng → freetts", status.engine());
    assertTrue(status.usable());
    assertTrue(status.warnings().get(0).startsWith("espeak-ng cannot speak here ('espeak-ng' not found on PATH"),
        status.warnings().get(0));
    assertTrue(status.warnings().contains(FreeTts.ENGLISH_ONLY));
  }

  @Test
  void aVietnameseBulletinIsRefusedRatherThanAiredInTheEnglishVoice() throws Exception {
    FallbackSynthesizer engine = withoutEspeak();
    AudioException e = assertThrows(AudioException.class, () -> engine.synthesize(
        SpeechRequest.of(normalizer.script("Bà con chú ý: bão số 3 đổ bộ lúc 18:15."), engine.defaultVoice())));
    assertTrue(e.getMessage().startsWith("refusing to read Vietnamese text with FreeTTS"), e.getMessage());
  }

  @Test
  void withConsentTheFallbackReadsItInTheEnglishVoice() throws Exception {
    FallbackSynthesizer engine = withoutEspeak();
    PcmClip clip = engine.synthesize(new SpeechRequest(normalizer.script("Bà con chú ý."), engine.defaultVoice(),
        SpeechSettings.NORMAL, true));
    assertEquals(16_000, clip.format().sampleRate(), "spoken by FreeTTS, not espeak-ng");
    assertTrue(Heard.peak(clip) > 0.1);
  }

  @Test
  void speechRenderedByTheFallbackIsNeverServedAsEspeakSpeechOnceEspeakIsInstalled() throws Exception {
    Tools.require("espeak-ng");
    RenderCache cache = new RenderCache(dir.resolve("cache"));
    FallbackSynthesizer without = withoutEspeak();
    SpeechRenderer.Reading reading = new SpeechRenderer.Reading(without.defaultVoice(), SpeechSettings.NORMAL, true);
    SpeechRenderer.RenderedSpeech english = new SpeechRenderer(normalizer, without, reading, SpeechFinish.NONE,
        java.util.Optional.of(cache)).render("Bà con chú ý.");
    assertEquals(16_000, english.clip().format().sampleRate());

    FallbackSynthesizer installed = new FallbackSynthesizer(EspeakNg.onPath(), FREETTS);
    SpeechRenderer.RenderedSpeech vietnamese = new SpeechRenderer(normalizer, installed, reading, SpeechFinish.NONE,
        java.util.Optional.of(cache)).render("Bà con chú ý.");
    assertFalse(vietnamese.fromCache(), "the English rendering must not stand in for the Vietnamese voice");
    assertEquals(22_050, vietnamese.clip().format().sampleRate());
  }

  @Test
  void whereEspeakIsInstalledItIsUsedAndNothingIsSaidAboutTheFallback() throws Exception {
    Tools.require("espeak-ng");
    FallbackSynthesizer engine = new FallbackSynthesizer(EspeakNg.onPath(), FREETTS);
    assertEquals("espeak-ng", engine.status().engine());
    assertTrue(engine.status().warnings().isEmpty());
    PcmClip clip = engine.synthesize(SpeechRequest.of(normalizer.script("Bà con chú ý."), engine.defaultVoice()));
    assertEquals(22_050, clip.format().sampleRate());
    assertFalse(clip.frames() == 0);
  }
}
