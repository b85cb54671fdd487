package io.loaxa.scheduler.config;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.Driver;
import io.loaxa.devices.SwitchPolicy;
import io.loaxa.schedules.ZoneKey;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One station as its config file describes it: name and time zone, relay boards, the amplifier, the
 * hamlet zones and the sound output.
 *
 * @param contentDir where recorded files named by relative paths live; relative to the data folder
 *     when not absolute
 * @param switching retries, stagger and the longest a line may stay on ({@code switching:})
 * @param speech how texts are read aloud (the {@code speech:} block)
 * @param web where the HTTP API listens (the {@code web:} block)
 * @param monitor the on-air monitor (the {@code monitor:} block); empty: none
 * @param alerts who is told of incidents and how (the {@code alerts:} block)
 * @param approval {@code approval: on}: what an operator uploads airs only once an approver accepts it
 * @param emergencyBypass {@code approval: { emergencyBypass: yes }} (the default): an operator's emergency text
 *     airs at once, without an approver, and the bypass is written to the audit log; {@code no}: it waits for
 *     an approver; meaningless without approval
 * @param maxUploadBytes the largest recording the content library takes ({@code content: { maxUploadMb: 32 }})
 * @param hub the link to the province hub (the {@code hub:} block); empty: the station is on its own
 */
public record StationConfig(
    String name,
    ZoneId timeZone,
    List<BoardSpec> boards,
    Optional<Amplifier> amplifier,
    List<Zone> zones,
    String audioOutput,
    String contentDir,
    boolean builtInDemo,
    SwitchPolicy switching,
    SpeechConfig speech,
    double emergencyLoudness,
    WebConfig web,
    Optional<MonitorConfig> monitor,
    AlertsConfig alerts,
    boolean approval,
    boolean emergencyBypass,
    long maxUploadBytes,
    Optional<HubConfig> hub) {

  /**
   * How loud an emergency (khẩn cấp) airs unless the config says ({@code audio.emergencyLoudness},
   * LUFS): 4 LU above the station's target, peaks still under the ceiling.
   */
  public static final double DEFAULT_EMERGENCY_LUFS = -14.0;
  /** The largest upload unless the config says ({@code content.maxUploadMb}): about 30 minutes of 128 kbit/s MP3. */
  public static final int DEFAULT_MAX_UPLOAD_MB = 32;
  /** The bounds of {@code content.maxUploadMb}. */
  public static final int LEAST_UPLOAD_MB = 1;
  public static final int MOST_UPLOAD_MB = 1024;
  private static final long MB = 1024L * 1024;

  /** The amplifier's mains relay and how long it takes to wake before the first sample. */
  public record Amplifier(String board, int channel, Duration warmUp) {
    public Amplifier {
      Objects.requireNonNull(board, "board");
      if (warmUp.isNegative()) {
        throw new IllegalArgumentException("warmUp must not be negative");
      }
    }
  }

  /**
   * A hamlet (thôn / ấp / khu phố) and the relay channel that switches its speaker line.
   *
   * @param inverted the line runs through the relay's normally-closed contact ({@code inverted: true})
   */
  public record Zone(ZoneKey key, String name, String board, int channel, boolean inverted) {
    public Zone(ZoneKey key, String name, String board, int channel) {
      this(key, name, board, channel, false);
    }
  }

  public StationConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(speech, "speech");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(switching, "switching");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(hub, "hub");
    boards = List.copyOf(boards);
    zones = List.copyOf(zones);
    if (!(emergencyLoudness >= -40 && emergencyLoudness <= -6)) {
      throw new IllegalArgumentException("emergencyLoudness must be between -40 and -6 LUFS: " + emergencyLoudness);
    }
    if (maxUploadBytes < LEAST_UPLOAD_MB * MB || maxUploadBytes > MOST_UPLOAD_MB * MB) {
      throw new IllegalArgumentException("maxUploadBytes must be 1 to 1024 MiB: " + maxUploadBytes);
    }
  }

  /** A station on its own, without a province hub. */
  public StationConfig(String name, ZoneId timeZone, List<BoardSpec> boards, Optional<Amplifier> amplifier,
      List<Zone> zones, String audioOutput, String contentDir, boolean builtInDemo, SwitchPolicy switching,
      SpeechConfig speech, double emergencyLoudness, WebConfig web, Optional<MonitorConfig> monitor, AlertsConfig alerts,
      boolean approval, boolean emergencyBypass, long maxUploadBytes) {
    this(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, switching, speech,
        emergencyLoudness, web, monitor, alerts, approval, emergencyBypass, maxUploadBytes, Optional.empty());
  }

  /** A station whose emergencies air at once even when approval is on, taking uploads up to 32 MiB. */
  public StationConfig(String name, ZoneId timeZone, List<BoardSpec> boards, Optional<Amplifier> amplifier,
      List<Zone> zones, String audioOutput, String contentDir, boolean builtInDemo, SwitchPolicy switching,
      SpeechConfig speech, double emergencyLoudness, WebConfig web, Optional<MonitorConfig> monitor, AlertsConfig alerts,
      boolean approval) {
    this(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, switching, speech,
        emergencyLoudness, web, monitor, alerts, approval, true, DEFAULT_MAX_UPLOAD_MB * MB);
  }

  /** A station that tells nobody of its incidents, without content approval. */
  public StationConfig(String name, ZoneId timeZone, List<BoardSpec> boards, Optional<Amplifier> amplifier,
      List<Zone> zones, String audioOutput, String contentDir, boolean builtInDemo, SwitchPolicy switching,
      SpeechConfig speech, double emergencyLoudness, WebConfig web, Optional<MonitorConfig> monitor) {
    this(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, switching, speech,
        emergencyLoudness, web, monitor, AlertsConfig.NONE, false);
  }

  /** A station without content approval. */
  public StationConfig(String name, ZoneId timeZone, List<BoardSpec> boards, Optional<Amplifier> amplifier,
      List<Zone> zones, String audioOutput, String contentDir, boolean builtInDemo, SwitchPolicy switching,
      SpeechConfig speech, double emergencyLoudness, WebConfig web, Optional<MonitorConfig> monitor, AlertsConfig alerts) {
    this(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, switching, speech,
        emergencyLoudness, web, monitor, alerts, false);
  }

  /** The same station with content approval on or off. */
  public StationConfig withApproval(boolean on) {
    return new StationConfig(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, switching, speech,
        emergencyLoudness, web, monitor, alerts, on, emergencyBypass, maxUploadBytes, hub);
  }

  /** The same station letting an operator's emergency bypass approval, or not. */
  public StationConfig withEmergencyBypass(boolean bypass) {
    return new StationConfig(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, switching, speech,
        emergencyLoudness, web, monitor, alerts, approval, bypass, maxUploadBytes, hub);
  }

  /** The same station telling its incidents as {@code with} says. */
  public StationConfig withAlerts(AlertsConfig with) {
    return new StationConfig(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, switching, speech,
        emergencyLoudness, web, monitor, with, approval, emergencyBypass, maxUploadBytes, hub);
  }

  /** The same station linked to the province hub. */
  public StationConfig withHub(HubConfig link) {
    return new StationConfig(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, switching, speech,
        emergencyLoudness, web, monitor, alerts, approval, emergencyBypass, maxUploadBytes, Optional.of(link));
  }

  /** A station whose API listens on loopback only, without an on-air monitor. */
  public StationConfig(String name, ZoneId timeZone, List<BoardSpec> boards, Optional<Amplifier> amplifier,
      List<Zone> zones, String audioOutput, String contentDir, boolean builtInDemo, SwitchPolicy switching,
      SpeechConfig speech, double emergencyLoudness) {
    this(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, switching, speech,
        emergencyLoudness, WebConfig.LOCAL_ONLY, Optional.empty());
  }

  /** A station whose emergencies air at {@link #DEFAULT_EMERGENCY_LUFS}. */
  public StationConfig(String name, ZoneId timeZone, List<BoardSpec> boards, Optional<Amplifier> amplifier,
      List<Zone> zones, String audioOutput, String contentDir, boolean builtInDemo, SwitchPolicy switching,
      SpeechConfig speech) {
    this(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, switching, speech,
        DEFAULT_EMERGENCY_LUFS);
  }

  /** A station with the default switching policy and speech settings. */
  public StationConfig(String name, ZoneId timeZone, List<BoardSpec> boards, Optional<Amplifier> amplifier,
      List<Zone> zones, String audioOutput, String contentDir, boolean builtInDemo) {
    this(name, timeZone, boards, amplifier, zones, audioOutput, contentDir, builtInDemo, SwitchPolicy.DEFAULT,
        SpeechConfig.DEFAULT);
  }

  public Duration warmUp() {
    return amplifier.map(Amplifier::warmUp).orElse(Duration.ZERO);
  }

  public List<ZoneKey> zoneKeys() {
    return zones.stream().map(Zone::key).toList();
  }

  /**
   * The built-in demo station: one simulated 8-channel board, four hamlets on channels 1–4, the
   * amplifier on channel 8 with a 2 s warm-up, audio to the default device.
   */
  public static StationConfig demoStation() {
    return new StationConfig(
        "Đài truyền thanh xã Tân Hưng (demo)",
        ZoneId.of("Asia/Ho_Chi_Minh"),
        List.of(new BoardSpec("tu-chinh", Driver.SIMULATED.configName(), Optional.empty(), 8, Map.of())),
        Optional.of(new Amplifier("tu-chinh", 8, Duration.ofSeconds(2))),
        List.of(
            new Zone(new ZoneKey("ap-1"), "Ấp 1", "tu-chinh", 1),
            new Zone(new ZoneKey("ap-2"), "Ấp 2", "tu-chinh", 2),
            new Zone(new ZoneKey("ap-3"), "Ấp 3", "tu-chinh", 3),
            new Zone(new ZoneKey("ap-4"), "Ấp 4", "tu-chinh", 4)),
        "default",
        "content",
        true);
  }
}
