package io.loaxa.audio.espeak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Loudness;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.ReferenceLoudness;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.SpeechRequest;
import io.loaxa.audio.SpeechScript;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.SpeechSynthesizer;
import io.loaxa.audio.Voice;
import io.loaxa.audio.speech.Heard;
import io.loaxa.audio.speech.VietnameseNormalizer;
import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Written;
import io.loaxa.testkit.Integration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real espeak-ng reading the station's Vietnamese bulletins. */
@Integration
class EspeakNgTest {
  private final VietnameseNormalizer normalizer = VietnameseNormalizer.northern();
  private final EspeakNg espeak = EspeakNg.onPath();
  @TempDir Path dir;

  @BeforeEach
  void needsEspeak() {
    Tools.require("espeak-ng");
  }

  static String bulletin() throws IOException {
    try (InputStream in = EspeakNgTest.class.getResourceAsStream("/io/loaxa/audio/speech/ban-tin-cchc.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private PcmClip say(String text, Voice voice, SpeechSettings settings) throws AudioException {
    return espeak.synthesize(new SpeechRequest(normalizer.script(text), voice, settings, false));
  }

  @Test
  void readsARealCchcBulletinAloudForAsLongAsItTakesToSayIt() throws Exception {
    SpeechScript script = normalizer.script(bulletin());
    PcmClip clip = espeak.synthesize(SpeechRequest.of(script, espeak.defaultVoice()));

    assertEquals(22_050, clip.format().sampleRate());
    assertEquals(1, clip.format().channels());
    double seconds = Heard.seconds(clip);
    int words = script.wordCount();
    // a radio announcer reads 2–4 Vietnamese syllables a second; pauses come on top
    assertTrue(seconds > words / 5.0 && seconds < words / 1.5, words + " words took " + seconds + " s");
    assertTrue(Heard.peak(clip) > 0.3, "peak " + Heard.peak(clip));
    assertTrue(Heard.voicedShare(clip) > 0.6, "voiced share " + Heard.voicedShare(clip));
    long paragraphPauses = script.sentences().stream()
        .filter(s -> s.pauseAfter().compareTo(VietnameseNormalizer.PARAGRAPH_PAUSE) >= 0).count();
    assertTrue(Heard.silences(clip, 0.6) >= paragraphPauses,
        "expected a silence after each of " + paragraphPauses + " paragraphs, heard " + Heard.silences(clip, 0.6));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vi", "vi-vn-x-central", "vi-vn-x-south"})
  void everyVietnameseVoiceSpeaks(String key) throws Exception {
    Voice voice = espeak.status().voices().stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
    PcmClip clip = say("Bà con chú ý, bão số 3 đổ bộ lúc 18:15.", voice, SpeechSettings.NORMAL);
    assertTrue(Heard.seconds(clip) > 1.0 && Heard.peak(clip) > 0.3, key + ": " + Heard.seconds(clip) + " s");
  }

  @Test
  void aBulletinIsLevelledToTheStationLoudnessAsAnIndependentMeterReadsIt() throws Exception {
    PcmClip spoken = espeak.synthesize(SpeechRequest.of(normalizer.script(bulletin()), espeak.defaultVoice()));
    PcmClip copy = new PcmClip(spoken.format(), spoken.samples());
    assertEquals(Loudness.integratedLufs(copy), Loudness.integratedLufs(spoken), 1e-9,
        "measured while espeak-ng spoke, it reads as the whole clip measured afterwards");

    PcmClip levelled = Loudness.normalise(spoken, Loudness.STATION_TARGET_LUFS);

    assertTrue(levelled.peak() <= Math.pow(10, Loudness.PEAK_CEILING_DBFS / 20), "peak " + levelled.peak());
    // the standard's own 48 kHz filters and 400 ms blocks, on the speech brought to 48 kHz
    double reference = ReferenceLoudness.integratedLufs(levelled.convertTo(new PcmFormat(48_000, 1)));
    assertEquals(Loudness.STATION_TARGET_LUFS, reference, 0.2);
  }

  @Test
  void aFasterRateReadsTheSameTextInLessTime() throws Exception {
    String text = "Ủy ban nhân dân xã thông báo lịch tiếp công dân trong tháng 4 năm 2024.";
    double normal = Heard.seconds(say(text, espeak.defaultVoice(), SpeechSettings.NORMAL));
    double fast = Heard.seconds(say(text, espeak.defaultVoice(), new SpeechSettings(200, 100, 100)));
    assertTrue(fast < normal * 0.7, "normal " + normal + " s, fast " + fast + " s");
  }

  @Test
  void aQuieterVolumeGivesAQuieterVoice() throws Exception {
    String text = "Thông báo lịch tiêm chủng.";
    double loud = Heard.peak(say(text, espeak.defaultVoice(), SpeechSettings.NORMAL));
    double quiet = Heard.peak(say(text, espeak.defaultVoice(), new SpeechSettings(100, 100, 30)));
    assertTrue(quiet < loud * 0.6, "loud " + loud + ", quiet " + quiet);
  }

  @Test
  void doctorListsTheThreeVietnameseVoicesAndTheVersion() {
    SpeechEngineStatus status = espeak.status();
    assertTrue(status.usable(), status.detail());
    assertTrue(status.detail().contains("1."), status.detail());
    assertEquals(List.of("vi", "vi-vn-x-central", "vi-vn-x-south"), status.voices().stream().map(Voice::key).toList());
  }

  @Test
  void textWithShellMetacharactersIsSpokenAsTextAndRunsNothing() throws Exception {
    Path canary = dir.resolve("canary");
    String text = "Bà con chú ý $(touch " + canary + ") `touch " + canary + "` ; rm -rf " + dir + " | cat & echo 'x' \"y\" > "
        + canary + " && $HOME ${PATH}";
    PcmClip clip = espeak.synthesize(SpeechRequest.of(SpeechScript.of("vi", text), espeak.defaultVoice()));
    assertFalse(Files.exists(canary), "a command in the text ran");
    assertTrue(Files.isDirectory(dir));
    assertTrue(Heard.seconds(clip) > 3 && Heard.peak(clip) > 0.3, "spoken for " + Heard.seconds(clip) + " s");
    assertFalse(EspeakNg.command("espeak-ng", "vi", SpeechSettings.NORMAL).stream().anyMatch(arg -> arg.contains("touch")));
  }

  @Test
  void markupInTheTextCannotInjectAPauseOrVoiceChange() throws Exception {
    String text = "Giờ phát thanh <break time=\"20s\"/> <voice name=\"en\">buổi sáng</voice> & tối.";
    PcmClip clip = espeak.synthesize(SpeechRequest.of(SpeechScript.of("vi", text), espeak.defaultVoice()));
    assertTrue(Heard.seconds(clip) < 15, "an injected 20 s break played: " + Heard.seconds(clip) + " s");
    assertTrue(EspeakNg.ssml(SpeechScript.of("vi", text)).contains("&lt;break time=&quot;20s&quot;/&gt;"));
  }

  @Test
  void aConfiguredBinaryThatIsNotThereIsReportedWithTheInstallCommand() {
    EspeakNg missing = new EspeakNg(dir.resolve("bin/espeak-ng").toString(), "", Duration.ofSeconds(5));
    SpeechEngineStatus status = missing.status();
    assertFalse(status.usable());
    assertTrue(status.detail().contains("not found") && status.detail().contains("apt-get install espeak-ng"), status.detail());
    AudioException e = assertThrows(AudioException.class,
        () -> missing.synthesize(SpeechRequest.of(SpeechScript.of("vi", "Xin chào."), missing.defaultVoice())));
    assertTrue(e.getMessage().contains("espeak-ng is not installed"), e.getMessage());
  }

  @Test
  void aPathWithoutEspeakMakesItUnusable() throws Exception {
    Path emptyBin = Files.createDirectory(dir.resolve("bin"));
    SpeechEngineStatus status = new EspeakNg("espeak-ng", emptyBin.toString(), Duration.ofSeconds(5)).status();
    assertFalse(status.usable());
    assertEquals("'espeak-ng' not found on PATH; install it with: apt-get install espeak-ng", status.detail());
  }

  @Test
  void aFailingEngineIsReportedWithItsExitCodeAndMessage() throws Exception {
    Path broken = script("broken-espeak", "#!/bin/sh\ncat > /dev/null\necho 'espeak-ng: voice data missing' >&2\nexit 3\n");
    EspeakNg engine = new EspeakNg(broken.toString(), "", Duration.ofSeconds(5));
    AudioException e = assertThrows(AudioException.class,
        () -> engine.synthesize(SpeechRequest.of(SpeechScript.of("vi", "Xin chào."), engine.defaultVoice())));
    assertEquals("espeak-ng failed (exit 3): espeak-ng: voice data missing", e.getMessage());
  }

  @Test
  void anEngineThatHangsIsStoppedAtTheTimeout() throws Exception {
    Path hanging = script("hanging-espeak", "#!/bin/sh\nexec sleep 30\n");
    EspeakNg engine = new EspeakNg(hanging.toString(), "", Duration.ofMillis(500));
    AudioException e = assertThrows(AudioException.class,
        () -> engine.synthesize(SpeechRequest.of(SpeechScript.of("vi", "Xin chào."), engine.defaultVoice())));
    assertEquals("espeak-ng did not finish within 0.5 s and was stopped", e.getMessage());
  }

  @Test
  void aVoiceOfAnotherEngineIsRefused() {
    Voice kevin = new Voice("freetts", "kevin16", "en", "English");
    AudioException e = assertThrows(AudioException.class,
        () -> espeak.synthesize(SpeechRequest.of(SpeechScript.of("vi", "Xin chào."), kevin)));
    assertTrue(e.getMessage().startsWith("voice 'kevin16' is not an espeak-ng voice"), e.getMessage());
  }

  @Test
  void aPreparedEspeakIsRunningBeforeItsTextComesAndSpeaksExactlyWhatAFreshOneWould() throws Exception {
    Path started = dir.resolve("started");
    EspeakNg engine = wrapped("echo started > '" + started + "'");
    SpeechScript script = normalizer.script("Thông báo: ngày 15/3 UBND xã tiếp dân từ 7h30.");
    try (SpeechSynthesizer.Prepared ready = engine.prepare(engine.defaultVoice(), SpeechSettings.NORMAL)) {
      Written.lines(started, 1); // the engine runs before it has anything to say
      PcmClip prepared = ready.synthesize(SpeechRequest.of(script, engine.defaultVoice()));
      PcmClip fresh = espeak.synthesize(SpeechRequest.of(script, espeak.defaultVoice()));
      assertArrayEquals(fresh.samples(), prepared.samples());
      assertThrows(IllegalStateException.class, () -> ready.synthesize(SpeechRequest.of(script, engine.defaultVoice())),
          "a prepared engine reads one request");
    }
  }

  @Test
  void aPreparedEspeakLetGoUnusedLeavesNoProcessBehind() throws Exception {
    Path pid = dir.resolve("pid");
    EspeakNg engine = wrapped("echo $$ > '" + pid + "'");
    SpeechSynthesizer.Prepared ready = engine.prepare(engine.defaultVoice(), SpeechSettings.NORMAL);
    ProcessHandle process = ProcessHandle.of(Long.parseLong(Written.lines(pid, 1).get(0))).orElseThrow();
    assertTrue(process.isAlive(), "espeak-ng waits for its text");
    ready.close();
    process.onExit().get(10, TimeUnit.SECONDS);
    assertFalse(process.isAlive());
  }

  @Test
  void aRequestForOtherSettingsThanPreparedIsReadWithItsOwn() throws Exception {
    SpeechScript script = normalizer.script("Ủy ban nhân dân xã thông báo lịch tiếp công dân trong tháng 4 năm 2024.");
    double normal = Heard.seconds(espeak.synthesize(SpeechRequest.of(script, espeak.defaultVoice())));
    try (SpeechSynthesizer.Prepared ready = espeak.prepare(espeak.defaultVoice(), SpeechSettings.NORMAL)) {
      double fast = Heard.seconds(ready.synthesize(new SpeechRequest(script, espeak.defaultVoice(),
          new SpeechSettings(200, 100, 100), false)));
      assertTrue(fast < normal * 0.7, "normal " + normal + " s, fast " + fast + " s");
    }
  }

  @Test
  void aPreparedEngineThatCannotStartIsReportedWhenItIsAskedToSpeak() {
    EspeakNg missing = new EspeakNg(dir.resolve("bin/espeak-ng").toString(), "", Duration.ofSeconds(5));
    try (SpeechSynthesizer.Prepared ready = missing.prepare(missing.defaultVoice(), SpeechSettings.NORMAL)) {
      AudioException e = assertThrows(AudioException.class,
          () -> ready.synthesize(SpeechRequest.of(SpeechScript.of("vi", "Xin chào."), missing.defaultVoice())));
      assertTrue(e.getMessage().contains("espeak-ng is not installed"), e.getMessage());
    }
    Voice kevin = new Voice("freetts", "kevin16", "en", "English");
    try (SpeechSynthesizer.Prepared ready = espeak.prepare(kevin, SpeechSettings.NORMAL)) {
      AudioException e = assertThrows(AudioException.class,
          () -> ready.synthesize(SpeechRequest.of(SpeechScript.of("vi", "Xin chào."), kevin)));
      assertTrue(e.getMessage().startsWith("voice 'kevin16' is not an espeak-ng voice"), e.getMessage());
    }
  }

  /** espeak-ng behind a shell script that first runs {@code before}. */
  private EspeakNg wrapped(String before) throws IOException {
    Path wrapper = script("espeak-wrapper", "#!/bin/sh\n" + before + "\nexec espeak-ng \"$@\"\n");
    return new EspeakNg(wrapper.toString(), "", Duration.ofSeconds(30));
  }

  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
