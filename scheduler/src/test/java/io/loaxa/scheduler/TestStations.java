package io.loaxa.scheduler;

import io.loaxa.devices.Pause;

import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.station.Station;

import io.loaxa.audio.SoundOutput;
import io.loaxa.devices.BoardSpec;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.PlannedAiringKey;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.ZoneSelection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A four-hamlet test station on one simulated board, amplifier on channel 8. */
public final class TestStations {
  public static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  public static final ProgrammeKey CHIME = new ProgrammeKey("chuong");

  private TestStations() {}

  public static StationConfig config(Duration warmUp) {
    return new StationConfig("Đài truyền thanh xã Thử", HCM,
        List.of(new BoardSpec("tu-chinh", "simulated", Optional.empty(), 8, Map.of())),
        Optional.of(new StationConfig.Amplifier("tu-chinh", 8, warmUp)),
        List.of(
            new StationConfig.Zone(new ZoneKey("ap-1"), "Ấp 1", "tu-chinh", 1),
            new StationConfig.Zone(new ZoneKey("ap-2"), "Ấp 2", "tu-chinh", 2),
            new StationConfig.Zone(new ZoneKey("ap-3"), "Ấp 3", "tu-chinh", 3),
            new StationConfig.Zone(new ZoneKey("ap-4"), "Ấp 4", "tu-chinh", 4)),
        "default", "content", false);
  }

  public static Station station(Path data, Clock clock, Pause pause, SoundOutput sound, Duration warmUp) throws Exception {
    Station station = Station.assemble(config(warmUp), data, clock, pause, sound);
    station.programmes().put(new Programme(CHIME, "Nhạc hiệu", Category.INFORMATION, Priority.NORMAL,
        List.of(new Segment.Chime("default")), Duration.ofMinutes(2), Optional.empty()));
    return station;
  }

  public static PlannedAiring plan(Station station, ProgrammeKey programme, Instant at, String zones) {
    PlannedAiring airing = new PlannedAiring(
        PlannedAiringKey.of(programme.value(), LocalDateTime.ofInstant(at, HCM)), programme, at,
        ZoneSelection.parse(zones), Priority.NORMAL);
    station.planned().add(airing);
    return airing;
  }
}
