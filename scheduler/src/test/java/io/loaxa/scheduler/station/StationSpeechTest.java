package io.loaxa.scheduler.station;

import io.loaxa.scheduler.ClockPause;
import io.loaxa.testkit.MutableClock;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.config.SpeechConfig;
import io.loaxa.scheduler.config.StationConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.audio.speech.Region;
import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's speech as the composition root wires it. */
@Integration
class StationSpeechTest {
  @TempDir
  Path data;

  private StationConfig withSpeech(SpeechConfig speech) {
    StationConfig c = TestStations.config(Duration.ZERO);
    return new StationConfig(c.name(), c.timeZone(), c.boards(), c.amplifier(), c.zones(), c.audioOutput(), c.contentDir(),
        false, c.switching(), speech);
  }

  @Test
  void aTextIsRenderedAheadAndAirsFromTheCacheInTheStationFormat() throws Exception {
    Tools.require("espeak-ng");
    StationSpeech speech = StationSpeech.assemble(SpeechConfig.DEFAULT, data);
    PcmClip ahead = speech.forAir("Thông báo lịch tiếp công dân ngày 15/3.", PcmFormat.STATION);
    assertEquals(PcmFormat.STATION, ahead.format());
    assertTrue(ahead.duration().toMillis() > 1500, ahead.duration().toString());
    try (var files = Files.list(data.resolve("cache/speech"))) {
      assertEquals(1, files.count());
    }
    assertTrue(speech.renderer().render("Thông báo lịch tiếp công dân ngày 15/3.").fromCache());
  }

  @Test
  void renderingsUnusedForAMonthLeaveTheCacheWhenTheNextTextIsRendered() throws Exception {
    Tools.require("espeak-ng");
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    StationSpeech speech = StationSpeech.assemble(SpeechConfig.DEFAULT, data, clock);
    speech.forAir("Thông báo lịch tiếp công dân ngày 15/3.", PcmFormat.STATION);
    speech.forAir("Lịch họp thôn ngày 20/3.", PcmFormat.STATION);
    clock.advance(Duration.ofDays(20));
    speech.forAir("Lịch họp thôn ngày 20/3.", PcmFormat.STATION);
    clock.advance(Duration.ofDays(15));

    speech.forAir("Bà con chú ý phòng chống bão.", PcmFormat.STATION);

    try (var files = Files.list(data.resolve("cache/speech"))) {
      assertEquals(2, files.count(), "the notice nobody asked for in 35 days is gone, the meeting notice stays");
    }
    assertTrue(speech.renderer().render("Lịch họp thôn ngày 20/3.").fromCache());
  }

  @Test
  void aStationWithABrokenDictionaryDoesNotStartAndSaysWhere() throws Exception {
    Files.writeString(data.resolve("tu-viet-tat.txt"), "TT thị trấn\n", StandardCharsets.UTF_8);
    SpeechConfig speech = new SpeechConfig("espeak-ng", Optional.empty(), SpeechSettings.NORMAL, Region.NORTH,
        Optional.of("tu-viet-tat.txt"), false, Optional.empty());
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T22:00:00Z"));
    UserError e = assertThrows(UserError.class, () -> Station.assemble(withSpeech(speech), data, clock,
        new ClockPause(clock), new SimulatedSoundOutput(clock, clock::advance)));
    assertTrue(e.getMessage().startsWith(data.resolve("tu-viet-tat.txt") + ":1:1: expected 'ABBREVIATION = words'"),
        e.getMessage());
  }

  @Test
  void theEnglishOnlyEngineRefusesAVietnameseNoticeBeforeAirTime() {
    SpeechConfig freetts = new SpeechConfig("freetts", Optional.empty(), SpeechSettings.NORMAL, Region.NORTH,
        Optional.empty(), false, Optional.empty());
    AudioException e = assertThrows(AudioException.class,
        () -> StationSpeech.assemble(freetts, data).forAir("Bà con chú ý.", PcmFormat.STATION));
    assertTrue(e.getMessage().contains("English only"), e.getMessage());
  }

  @Test
  void doctorListsTheConfiguredEngineFirst() {
    SpeechConfig freetts = new SpeechConfig("freetts", Optional.empty(), SpeechSettings.NORMAL, Region.NORTH,
        Optional.empty(), true, Optional.empty());
    List<String> engines = StationSpeech.assemble(freetts, data).engines().stream().map(s -> s.engine()).toList();
    assertEquals(List.of("freetts", "espeak-ng"), engines);
  }
}
