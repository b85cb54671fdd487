package io.loaxa.scheduler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The station config's {@code hub:} block: the broker, the station's id, the hub's key, or why not, at file:line:col. */
class HubConfigSectionTest {
  private static final String STATION = """
      station: { name: "Đài xã Tân Hưng", timeZone: Asia/Ho_Chi_Minh }
      boards: [ { key: tu-chinh, driver: simulated, channels: 8 } ]
      zones:
        - { key: thon-1, name: "Thôn 1", board: tu-chinh, channel: 1 }
      """;
  private static final String FULL = """
      hub:
        broker: ssl://hub.tinh.gov.vn:8883
        stationId: tan-hung
        hubKey: /etc/loaxa/hub.pub
        caFile: /etc/loaxa/hub-ca.pem
        passwordFile: /etc/loaxa/hub.secret
      """;

  private static List<String> problems(String hub) {
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(STATION + hub, "station.yaml"));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void withoutAHubBlockTheStationIsOnItsOwn() throws Exception {
    assertEquals(Optional.empty(), StationConfigReader.parse(STATION, "station.yaml").hub());
  }

  @Test
  void everyFieldIsReadAndBulletinsWaitForTheOperatorByDefault() throws Exception {
    HubConfig hub = StationConfigReader.parse(STATION + FULL, "station.yaml").hub().orElseThrow();
    assertEquals(new HubConfig("ssl://hub.tinh.gov.vn:8883", "tan-hung", Path.of("/etc/loaxa/hub.pub"),
        Path.of("/etc/loaxa/hub-ca.pem"), Path.of("/etc/loaxa/hub.secret"), HubConfig.Bulletins.REVIEW), hub);
    assertEquals(HubConfig.Bulletins.ACCEPT, StationConfigReader.parse(STATION + FULL + "  bulletins: accept\n",
        "station.yaml").hub().orElseThrow().bulletins());
    assertEquals("tcp://127.0.0.1:1883", StationConfigReader.parse(STATION + FULL.replace("ssl://hub.tinh.gov.vn:8883",
        "tcp://127.0.0.1:1883"), "station.yaml").hub().orElseThrow().broker());
  }

  @Test
  void aBrokerThatIsNotAnAddressOrSendsThePasswordInClearIsRefusedAtItsPlace() {
    assertEquals(List.of("station.yaml:6:11: hub.broker: 'hub.tinh.gov.vn' không phải ssl://HOST:PORT, ví dụ "
        + "ssl://hub.tinh.gov.vn:8883 (hub.broker: 'hub.tinh.gov.vn' is not ssl://HOST:PORT such as "
        + "ssl://hub.tinh.gov.vn:8883)"), problems(FULL.replace("ssl://hub.tinh.gov.vn:8883", "hub.tinh.gov.vn")));
    List<String> clear = problems(FULL.replace("ssl://", "tcp://"));
    assertEquals(1, clear.size(), clear.toString());
    assertEquals("station.yaml:6:11: hub.broker: tcp:// gửi mật khẩu của đài không mã hóa; hãy viết ssl://hub.tinh.gov.vn:8883;"
        + " tcp:// chỉ dùng cho broker trên chính máy này, 127.0.0.1 (hub.broker: tcp:// carries the station's password"
        + " unencrypted; write ssl://hub.tinh.gov.vn:8883 [tcp:// is only for a broker on this machine, 127.0.0.1])",
        clear.get(0));
  }

  @Test
  void aStationIdOutsideTheBrokersAlphabetIsRefused() {
    assertEquals(List.of("station.yaml:7:14: hub.stationId: 'Tân Hưng' phải gồm từ 1 đến 40 chữ thường, chữ số hoặc '-', "
        + "ví dụ tan-hung (hub.stationId: 'Tân Hưng' must be 1 to 40 lower-case letters, digits or '-', e.g. tan-hung)"),
        problems(FULL.replace("tan-hung", "\"Tân Hưng\"")));
  }

  @Test
  void missingFieldsUnknownKeysAndABadBulletinPolicyAreEachRefused() {
    List<String> missing = problems("hub: { broker: \"ssl://h:8883\", stationId: tan-hung }\n");
    for (String field : List.of("hubKey", "caFile", "passwordFile")) {
      assertTrue(missing.stream().anyMatch(p -> p.startsWith("station.yaml:5:") && p.contains(field)), missing.toString());
    }
    List<String> unknown = problems(FULL + "  hubkey: /x\n");
    assertTrue(unknown.stream().anyMatch(p -> p.startsWith("station.yaml:11:3:") && p.contains("hubkey")), unknown.toString());
    List<String> policy = problems(FULL + "  bulletins: sometimes\n");
    assertTrue(policy.stream().anyMatch(p -> p.startsWith("station.yaml:11:") && p.contains("sometimes")), policy.toString());
    List<String> notMapping = problems("hub: ssl://h:8883\n");
    assertTrue(notMapping.stream().anyMatch(p -> p.startsWith("station.yaml:5:6:")), notMapping.toString());
  }
}
