package io.loaxa.scheduler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.PcmClip;
import io.loaxa.audio.speech.RiffWave;
import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's speech preview: {@code loaxa tts normalize}, {@code loaxa tts say}, and doctor. */
@Integration
class TtsCommandTest {
  private static final String STATION = """
      station: { name: "Đài truyền thanh xã Tân Hưng", timeZone: Asia/Ho_Chi_Minh }
      boards:
        - { key: tu-chinh, driver: simulated, channels: 8 }
      zones:
        - { key: ap-1, name: "Ấp 1", board: tu-chinh, channel: 1 }
      """;

  @TempDir
  Path dir;

  private record Result(int code, String out, String err) {}

  private static synchronized Result loaxa(String stdin, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    InputStream in = System.in;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      int code = Loaxa.execute(args);
      return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
      System.setIn(in);
    }
  }

  private Path station(String speechBlock) throws Exception {
    Path config = dir.resolve("station.yaml");
    Files.writeString(config, STATION + speechBlock, StandardCharsets.UTF_8);
    return config;
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  @Test
  void normalizePrintsTheTextAsItWillBeSpoken() {
    Result r = loaxa("", "tts", "normalize", "UBND xã họp lúc 7h30 ngày 15/3. Đạt 100% kế hoạch.", "--data", data());
    assertEquals(0, r.code(), r.err());
    assertEquals("Ủy ban nhân dân xã họp lúc bảy giờ ba mươi phút ngày mười lăm tháng ba.\n"
        + "Đạt một trăm phần trăm kế hoạch.\n", r.out());
  }

  @Test
  void normalizeReadsAWholeNoticeFromStandardInput() {
    Result r = loaxa("THÔNG BÁO\nCuộc họp quý III/2024 lúc 14:00.\n", "tts", "normalize", "-", "--data", data());
    assertEquals(0, r.code(), r.err());
    assertEquals("thông báo.\nCuộc họp quý ba năm hai nghìn không trăm hai mươi tư lúc mười bốn giờ.\n", r.out());
  }

  @Test
  void aSouthernStationWithItsOwnDictionaryHearsItsOwnWords() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/tu-viet-tat.txt"), "TT = thị trấn\n", StandardCharsets.UTF_8);
    Path config = station("speech: { region: south, dictionary: tu-viet-tat.txt }\n");
    Result r = loaxa("", "tts", "normalize", "UBND TT Phan chi 1.005 triệu đồng.", "--config", config.toString(), "--data", data());
    assertEquals(0, r.code(), r.err());
    assertEquals("Ủy ban nhân dân thị trấn Phan chi một ngàn không trăm lẻ năm triệu đồng.\n", r.out());
  }

  @Test
  void aBrokenDictionaryLineIsReportedWithItsPlace() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/tu-viet-tat.txt"), "TT = thị trấn\nHTX hợp tác xã\n", StandardCharsets.UTF_8);
    Path config = station("speech: { dictionary: tu-viet-tat.txt }\n");
    Result r = loaxa("", "tts", "normalize", "Xin chào.", "--config", config.toString(), "--data", data());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("tu-viet-tat.txt:2:1: expected 'ABBREVIATION = words'"), r.err());
  }

  @Test
  void aTextWithNothingToSayIsAUserError() {
    Result r = loaxa("   \n", "tts", "normalize", "-", "--data", data());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("nothing to speak"), r.err());
  }

  @Test
  void sayWritesTheWavTheAiringWillUseAndKeepsItInTheSpeechCache() throws Exception {
    Tools.require("espeak-ng");
    Path wav = dir.resolve("nghe-thu.wav");
    String notice = "Thông báo của UBND xã: ngày 10-10 tổ chức hướng dẫn cài đặt VNeID tại hội trường lúc 7h30.";
    Result r = loaxa("", "tts", "say", notice, "--out", wav.toString(), "--data", data());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("voice: vi (Vietnamese (Northern)), engine espeak-ng"), r.out());
    PcmClip clip = RiffWave.decode(Files.readAllBytes(wav), wav.toString());
    double seconds = clip.frames() / (double) clip.format().sampleRate();
    assertTrue(seconds > 4 && seconds < 30, seconds + " s");
    float peak = 0;
    for (float v : clip.samples()) {
      peak = Math.max(peak, Math.abs(v));
    }
    assertEquals(Math.pow(10, -1 / 20.0), peak, 0.01, "levelled to the station's peak");
    try (var cached = Files.list(dir.resolve("data/cache/speech"))) {
      assertEquals(1, cached.filter(f -> f.toString().endsWith(".wav")).count());
    }
    Result again = loaxa("", "tts", "say", notice, "--out", wav.toString(), "--data", data());
    assertTrue(again.out().contains("(from the speech cache)"), again.out());
  }

  @Test
  void sayWithTheSouthernVoice() throws Exception {
    Tools.require("espeak-ng");
    Path wav = dir.resolve("nam.wav");
    Result r = loaxa("", "tts", "say", "Bà con ấp 3 chú ý.", "--voice", "vi-vn-x-south", "--out", wav.toString(), "--data", data());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("vi-vn-x-south (Vietnamese (Southern))"), r.out());
  }

  @Test
  void anUnknownVoiceNamesTheVoicesThereAre() {
    Result r = loaxa("", "tts", "say", "Xin chào.", "--voice", "vi-hue", "--out", dir.resolve("x.wav").toString(), "--data", data());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("speech voice 'vi-hue' is not a voice of espeak-ng; choose one of [vi, vi-vn-x-central, vi-vn-x-south]"),
        r.err());
  }

  @Test
  void theEnglishOnlyEngineRefusesVietnameseUntilTheOperatorAgreesAndSaysSoLoudly() throws Exception {
    Path config = station("speech: { engine: freetts }\n");
    Path wav = dir.resolve("en.wav");
    Result refused = loaxa("", "tts", "say", "Bà con chú ý.", "--out", wav.toString(), "--config", config.toString(), "--data", data());
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("refusing to read Vietnamese text with FreeTTS"), refused.err());
    assertTrue(refused.out().contains("WARNING: FreeTTS speaks English only"), refused.out());
    assertTrue(Files.notExists(wav));

    Result agreed = loaxa("", "tts", "say", "Bà con chú ý.", "--accept-english-voice", "--out", wav.toString(),
        "--config", config.toString(), "--data", data());
    assertEquals(0, agreed.code(), agreed.err());
    assertTrue(agreed.out().contains("WARNING: FreeTTS speaks English only"), agreed.out());
    assertEquals(16_000, RiffWave.decode(Files.readAllBytes(wav), "en.wav").format().sampleRate());
  }

  @Test
  void doctorTellsWhichSpeechEnginesAndVoicesWorkHere() {
    Tools.require("espeak-ng");
    Result r = loaxa("", "doctor", "--data", data());
    assertTrue(r.out().contains("[speech] OK   espeak-ng: eSpeak NG"), r.out());
    assertTrue(r.out().contains("vi-vn-x-south (Vietnamese (Southern))"), r.out());
    assertTrue(r.out().contains("[speech] WARN FreeTTS speaks English only"), r.out());
    assertTrue(r.out().contains("[speech] OK   the station reads with espeak-ng voice vi (Vietnamese (Northern))"), r.out());
  }

}
