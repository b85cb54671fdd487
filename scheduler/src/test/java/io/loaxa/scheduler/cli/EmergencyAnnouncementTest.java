package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.AirRequest;
import static io.loaxa.scheduler.cli.CliRun.loaxa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.Signal;
import io.loaxa.testkit.Speakers;
import io.loaxa.testkit.Tools;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.airing.ManualAiring;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.station.Station;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.testkit.Integration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's announcements on the demo station: a text read aloud by espeak-ng and heard on the
 * sink, an emergency louder than a normal notice by the station's emergency loudness, repeats
 * cancelled with {@code loaxa air cancel}, and mistakes refused with the reason.
 */
@Integration
class EmergencyAnnouncementTest {
  private static final String NOTICE = "Thông báo: ngày 25/11/2026 Ủy ban nhân dân xã tổ chức tiêm phòng cho đàn gia súc.";

  @TempDir
  Path dir;

  private double loudnessDb(Signal heard) {
    int first = heard.firstAbove(0.01);
    int last = heard.lastAbove(0.01);
    assertTrue(first >= 0 && last - first > heard.rate(), "the announcement was not heard");
    return 20 * Math.log10(heard.rms(first, last));
  }

  @Test
  void aTextIsReadAloudAndAnEmergencyAirsLouderThanANormalNotice() throws Exception {
    Tools.require("espeak-ng");
    String data = dir.resolve("data").toString();
    try (Speakers speakers = Speakers.listen()) {
      Instant before = Speakers.CLOCK.instant();
      CliRun normal = loaxa("air", "--text", NOTICE, "--zones", "ap-1", "--data", data);
      Instant between = Speakers.CLOCK.instant();
      CliRun emergency = loaxa("air", "--text", NOTICE, "--priority", "emergency", "--zones", "ap-1,ap-2", "--data", data);
      Instant after = Speakers.CLOCK.instant();

      assertEquals(0, normal.code(), normal.out() + normal.err());
      assertEquals(0, emergency.code(), emergency.out() + emergency.err());
      assertTrue(emergency.out().contains("khan-"), "an emergency's key says so: " + emergency.out());
      double normalDb = loudnessDb(speakers.heard(before, between.plusMillis(300)));
      double emergencyDb = loudnessDb(speakers.heard(between, after.plusMillis(300)));
      double louder = emergencyDb - normalDb;
      double expected = StationConfig.DEFAULT_EMERGENCY_LUFS - io.loaxa.audio.Loudness.STATION_TARGET_LUFS;
      assertEquals(expected, louder, 1.5, "emergency " + emergencyDb + " dB vs normal " + normalDb + " dB");
    }
    List<AiringRunRecord> runs = runs(Path.of(data));
    assertEquals(2, runs.size());
    assertEquals("EMERGENCY", runs.get(1).priority());
    assertTrue(runs.get(1).title().startsWith("Thông báo khẩn"), runs.get(1).title());
  }

  @Test
  void theOperatorCancelsTheRepeatsOfAnEmergencyAndEachIsLoggedSkipped() throws Exception {
    Path data = dir.resolve("data");
    ManualAiring.Series series;
    try (Station station = Station.assemble(StationConfig.demoStation(), data)) {
      series = station.manualAiring().planSeries(new AirRequest(Optional.empty(), Optional.empty(), "ap-3",
          "emergency", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Lũ đang lên, bà con di dời ngay."),
          Optional.of("30m"), Optional.of("4"), Optional.empty()));
    }
    assertEquals(4, series.airings().size());

    CliRun cancel = loaxa("air", "cancel", series.ruleKey(), "--data", data.toString());
    CliRun again = loaxa("air", "cancel", series.ruleKey(), "--data", data.toString());

    assertEquals(0, cancel.code(), cancel.out() + cancel.err());
    assertTrue(cancel.out().contains("cancelled 4 airing(s)"), cancel.out());
    assertEquals(1, again.code(), "nothing left to cancel is the operator's mistake");
    assertTrue(again.err().contains("nothing of"), again.err());
    List<AiringRunRecord> runs = runs(data);
    assertEquals(4, runs.size());
    assertTrue(runs.stream().allMatch(r -> r.outcome().equals(Optional.of(Outcome.SKIPPED))
        && r.reason().equals("cancelled by the operator")), runs.toString());
  }

  @Test
  void mistakesInAnAnnouncementAreRefusedWithTheReasonAndNothingAirs() throws Exception {
    String data = dir.resolve("data").toString();
    CliRun tooOften = loaxa("air", "--text", "Thông báo", "--repeat-every", "20s", "--data", data);
    CliRun countAlone = loaxa("air", "--text", "Thông báo", "--count", "3", "--data", data);
    CliRun empty = loaxa("air", "--text", "   ", "--data", data);
    CliRun nothing = loaxa("air", "--data", data);
    CliRun badZone = loaxa("air", "--text", "Thông báo", "--zones", "ap-9", "--priority", "emergency", "--data", data);

    assertEquals(1, tooOften.code());
    assertTrue(tooOften.err().contains("at least 1 minute"), tooOften.err());
    assertEquals(1, countAlone.code());
    assertTrue(countAlone.err().contains("--repeat-every"), countAlone.err());
    assertEquals(1, empty.code());
    assertTrue(empty.err().contains("--text is empty"), empty.err());
    assertEquals(1, nothing.code(), "a usage error: " + nothing.err());
    assertTrue(nothing.err().contains("say what to air"), nothing.err());
    assertEquals(1, badZone.code());
    assertTrue(badZone.err().contains("unknown zone 'ap-9'"), badZone.err());
    assertTrue(runs(Path.of(data)).isEmpty(), "nothing aired, nothing logged");
  }

  private static List<AiringRunRecord> runs(Path data) throws Exception {
    List<AiringRunRecord> runs = new ArrayList<>();
    try (Station station = Station.assemble(StationConfig.demoStation(), data)) {
      station.log().forEachRun(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), runs::add);
    }
    return runs;
  }
}
