package io.loaxa.scheduler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The station config's {@code web:} block: where the API listens and its TLS keystore, or why not, at file:line:col. */
class WebConfigSectionTest {
  private static final String STATION = """
      station: { name: "Đài xã Thử", timeZone: Asia/Ho_Chi_Minh }
      boards: [ { key: tu-chinh, driver: simulated, channels: 8 } ]
      zones:
        - { key: ap-1, name: "Ấp 1", board: tu-chinh, channel: 1 }
      """;

  private static List<String> problems(String web) {
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(STATION + web, "station.yaml"));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void withoutAWebBlockTheApiIsOnLoopbackOnly() throws Exception {
    assertEquals(WebConfig.LOCAL_ONLY, StationConfigReader.parse(STATION, "station.yaml").web());
    assertTrue(WebConfig.LOCAL_ONLY.loopbackOnly());
  }

  @Test
  void theListeningAddressAndTheKeystoreAreRead() throws Exception {
    WebConfig web = StationConfigReader.parse(STATION + """
        web: { listen: "0.0.0.0:8443", tls: { keystore: /etc/loaxa/web.p12, password: "mật-khẩu" } }
        """, "station.yaml").web();
    assertEquals(new WebConfig("0.0.0.0", 8443, Optional.of(new WebConfig.Tls("/etc/loaxa/web.p12", "mật-khẩu"))), web);
    assertEquals(false, web.loopbackOnly());
    assertEquals(new WebConfig("::1", 8080, Optional.empty()),
        StationConfigReader.parse(STATION + "web: { listen: \"[::1]:8080\" }\n", "station.yaml").web());
  }

  @Test
  void aListeningAddressThatIsNotHostAndPortIsRefusedAtItsPlace() {
    for (String listen : List.of("8080", "0.0.0.0:99999", "0.0.0.0:0", ":8080", "0.0.0.0:http", "0.0.0.0")) {
      List<String> p = problems("web: { listen: \"" + listen + "\" }\n");
      assertEquals(List.of("station.yaml:5:16: web.listen: '" + listen
          + "' không phải HOST:PORT, ví dụ 0.0.0.0:8080 hoặc 127.0.0.1:8080 (web.listen: '" + listen
          + "' is not HOST:PORT such as 0.0.0.0:8080 or 127.0.0.1:8080)"), p, listen);
    }
  }

  @Test
  void unknownKeysMissingFieldsAndAHalfTlsBlockAreEachRefused() {
    List<String> unknown = problems("web: { listn: \"0.0.0.0:8080\" }\n");
    assertTrue(unknown.stream().anyMatch(p -> p.startsWith("station.yaml:5:8:") && p.contains("listn")), unknown.toString());
    assertTrue(unknown.stream().anyMatch(p -> p.startsWith("station.yaml:5:") && p.contains("listen")), unknown.toString());
    List<String> half = problems("web:\n  listen: \"0.0.0.0:8443\"\n  tls: { keystore: web.p12 }\n");
    assertTrue(half.stream().anyMatch(p -> p.startsWith("station.yaml:7:") && p.contains("password")), half.toString());
    List<String> extra = problems("web:\n  listen: \"0.0.0.0:8443\"\n  tls: { keystore: web.p12, password: x, alias: web }\n");
    assertTrue(extra.stream().anyMatch(p -> p.startsWith("station.yaml:7:") && p.contains("alias")), extra.toString());
    List<String> notMapping = problems("web: \"0.0.0.0:8080\"\n");
    assertTrue(notMapping.stream().anyMatch(p -> p.startsWith("station.yaml:5:6:")), notMapping.toString());
  }
}
