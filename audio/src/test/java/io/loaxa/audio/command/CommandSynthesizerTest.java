package io.loaxa.audio.command;

import io.loaxa.audio.CommandEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.SpeechRequest;
import io.loaxa.audio.SpeechScript;
import io.loaxa.audio.speech.Heard;
import io.loaxa.audio.speech.SpeechProcess;
import io.loaxa.audio.speech.VietnameseNormalizer;
import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A neural-style voice plugged in by configuration alone: the engine is a real script shipped with
 * the tests that reads text on stdin and writes WAV through espeak-ng, as a Piper command would.
 */
@Integration
class CommandSynthesizerTest {
  private final VietnameseNormalizer normalizer = VietnameseNormalizer.northern();
  @TempDir Path dir;
  private Path engineScript;
  private Path record;

  @BeforeEach
  void installTheScriptEngine() throws IOException {
    Tools.require("espeak-ng");
    engineScript = dir.resolve("espeak-engine.sh");
    try (InputStream in = getClass().getResourceAsStream("espeak-engine.sh")) {
      Files.write(engineScript, in.readAllBytes());
    }
    Files.setPosixFilePermissions(engineScript, PosixFilePermissions.fromString("rwxr-xr-x"));
    record = dir.resolve("received.txt");
  }

  private CommandSynthesizer engine(String out, boolean sentenceBySentence) {
    CommandEngine spec = new CommandEngine("piper-vi", List.of(engineScript.toString(), "{voice}", out, record.toString()),
        "vi", List.of("vi", "vi-vn-x-south"), Duration.ofSeconds(30), sentenceBySentence);
    return CommandSynthesizer.onPath(spec);
  }

  private String received() throws IOException {
    return Files.readString(record, StandardCharsets.UTF_8);
  }

  @Test
  void speaksTheWholeScriptInOneRunWritingAWavFile() throws Exception {
    CommandSynthesizer engine = engine("{out}", false);
    SpeechScript script = normalizer.script("Thông báo của UBND xã. Lịch tiếp dân từ 7h30 ngày 15/3.");
    PcmClip clip = engine.synthesize(SpeechRequest.of(script, engine.defaultVoice()));
    assertTrue(Heard.seconds(clip) > 2 && Heard.peak(clip) > 0.3, Heard.seconds(clip) + " s");
    assertEquals(script.text() + "\n", received(), "the engine got the normalised sentences, one per line");
  }

  @Test
  void readsTheWavFromStandardOutputWhenTheCommandHasNoOutFile() throws Exception {
    CommandSynthesizer engine = engine("-", false);
    PcmClip clip = engine.synthesize(SpeechRequest.of(normalizer.script("Bà con chú ý."), engine.defaultVoice()));
    assertTrue(Heard.peak(clip) > 0.3);
  }

  @Test
  void sentenceBySentencePutsTheNormalisersPausesBetweenRuns() throws Exception {
    CommandSynthesizer engine = engine("{out}", true);
    SpeechScript script = new SpeechScript("vi", List.of(
        new SpeechScript.Sentence("Một.", Duration.ofMillis(1500)), new SpeechScript.Sentence("Hai.", Duration.ZERO)));
    PcmClip clip = engine.synthesize(SpeechRequest.of(script, engine.defaultVoice()));
    assertTrue(Heard.silences(clip, 1.4) >= 1, "the 1.5 s pause is in the audio");
    assertEquals("Một.\nHai.\n", received(), "one run per sentence");
  }

  @Test
  void textWithShellMetacharactersReachesTheEngineVerbatimAndRunsNothing() throws Exception {
    Path canary = dir.resolve("canary");
    String text = "Chú ý $(touch " + canary + ") `touch " + canary + "` ; rm -rf " + dir + " | cat & echo 'a' \"b\" > " + canary;
    CommandSynthesizer engine = engine("{out}", false);
    PcmClip clip = engine.synthesize(SpeechRequest.of(SpeechScript.of("vi", text), engine.defaultVoice()));
    assertEquals(text + "\n", received(), "spoken as text: the engine saw exactly these characters");
    assertFalse(Files.exists(canary), "a command in the text ran");
    assertTrue(Heard.seconds(clip) > 3, "spoken for " + Heard.seconds(clip) + " s");
  }

  @Test
  void doctorShowsTheConfiguredVoicesOrWhyTheProgramIsMissing() {
    SpeechEngineStatus ok = engine("{out}", false).status();
    assertTrue(ok.usable());
    assertEquals(List.of("vi", "vi-vn-x-south"), ok.voices().stream().map(v -> v.key()).toList());

    CommandSynthesizer missing = new CommandSynthesizer(new CommandEngine("piper-vi", List.of("piper", "--model", "{voice}"),
        "vi", List.of("vi_VN-vais1000-medium.onnx"), Duration.ofSeconds(30), false), dir.toString());
    SpeechEngineStatus status = missing.status();
    assertFalse(status.usable());
    assertEquals("program 'piper' not found", status.detail());
    AudioException e = assertThrows(AudioException.class,
        () -> missing.synthesize(SpeechRequest.of(SpeechScript.of("vi", "Xin chào."), missing.defaultVoice())));
    assertEquals("piper-vi: program 'piper' not found", e.getMessage());
  }

  @Test
  void anEnglishModelWillNotReadVietnameseWithoutConsent() {
    CommandSynthesizer english = new CommandSynthesizer(new CommandEngine("piper-en", List.of(engineScript.toString(), "{voice}",
        "{out}", record.toString()), "en", List.of("en"), Duration.ofSeconds(30), false), SpeechProcess.systemPath());
    AudioException e = assertThrows(AudioException.class,
        () -> english.synthesize(SpeechRequest.of(SpeechScript.of("vi", "Xin chào."), english.defaultVoice())));
    assertEquals("piper-en speaks 'en' and will not read 'vi' text without the operator's consent", e.getMessage());
  }
}
