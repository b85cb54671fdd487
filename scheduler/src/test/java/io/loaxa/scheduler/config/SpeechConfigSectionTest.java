package io.loaxa.scheduler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.speech.Region;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code speech:} block of the station config. */
class SpeechConfigSectionTest {
  private static final String STATION = """
      station: { name: "Xã Thử", timeZone: Asia/Ho_Chi_Minh }
      boards:
        - { key: tu-chinh, driver: simulated, channels: 8 }
      zones:
        - { key: ap-1, board: tu-chinh, channel: 1 }
      """;

  @Test
  void withoutASpeechBlockTheStationReadsWithEspeaksNorthernVoice() throws Exception {
    assertEquals(SpeechConfig.DEFAULT, StationConfigReader.parse(STATION, "station.yaml").speech());
  }

  @Test
  void readsEveryKey() throws Exception {
    SpeechConfig speech = StationConfigReader.parse(STATION + """
        speech:
          engine: espeak-ng
          voice: vi-vn-x-south
          rate: 90
          pitch: 110
          volume: 120
          region: south
          dictionary: tu-viet-tat.txt
          englishFallback: true
        """, "station.yaml").speech();
    assertEquals(new SpeechConfig("espeak-ng", Optional.of("vi-vn-x-south"), new SpeechSettings(90, 110, 120), Region.SOUTH,
        Optional.of("tu-viet-tat.txt"), true, Optional.empty()), speech);
  }

  @Test
  void aNeuralVoicePlugsInAsACommand() throws Exception {
    SpeechConfig speech = StationConfigReader.parse(STATION + """
        speech:
          engine: command
          voice: vais1000
          command:
            name: piper-vi
            run: [piper, --model, "/opt/voices/vi_VN-vais1000-medium.onnx", --output_file, "{out}"]
            language: vi
            voices: [vais1000]
            timeout: PT90S
        """, "station.yaml").speech();
    assertEquals("command", speech.engine());
    assertEquals(List.of("piper", "--model", "/opt/voices/vi_VN-vais1000-medium.onnx", "--output_file", "{out}"),
        speech.command().orElseThrow().command());
    assertEquals(Duration.ofSeconds(90), speech.command().orElseThrow().timeout());
  }

  @Test
  void reportsEverySpeechProblemWithItsLineAndColumn() {
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(STATION + """
        speech:
          engine: mary
          rate: fast
          pitch: 500
          region: central
          voise: vi
          englishFallback: maybe
        """, "station.yaml"));
    assertEquals(List.of(
        "station.yaml:11:3: khóa lạ 'voise' trong mục 'speech'; các khóa dùng được: command, dictionary, engine, "
            + "englishFallback, pitch, rate, region, voice, volume (unknown key 'voise' in speech; expected command, dictionary, "
            + "engine, englishFallback, pitch, rate, region, voice, volume)",
        "station.yaml:7:11: giá trị 'mary' của trường 'engine' không hợp lệ; hãy viết espeak-ng, freetts hoặc command (bad engine "
            + "'mary'; write espeak-ng, freetts or command)",
        "station.yaml:8:9: trường 'rate' là một tỉ lệ phần trăm từ 30 đến 300, không phải 'fast' (rate is a percentage from 30 to "
            + "300, not 'fast')",
        "station.yaml:9:10: trường 'pitch' là một tỉ lệ phần trăm từ 0 đến 200, không phải '500' (pitch is a percentage from 0 to "
            + "200, not '500')",
        "station.yaml:10:11: giá trị 'central' của trường 'region' không hợp lệ; hãy viết north hoặc south (bad region 'central'; "
            + "write north or south)",
        "station.yaml:12:20: trường 'englishFallback' là true hoặc false, không phải 'maybe' (englishFallback is true or false, "
            + "not 'maybe')"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void aCommandEngineWithoutItsCommandIsReported() {
    SourceException e = assertThrows(SourceException.class,
        () -> StationConfigReader.parse(STATION + "speech: { engine: command }\n", "station.yaml"));
    assertEquals("station.yaml:6:9: speech engine 'command' cần một mục 'command' (name, run, language, voices) "
        + "(speech engine 'command' needs a 'command' block [name, run, language, voices])",
        e.problems().get(0).toString());
  }
}
