package io.loaxa.hub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loaxa.schedules.source.SourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HubConfigReaderTest {
  static final Path BASE = Path.of("/etc/loaxa");

  @Test
  void aWholeFileIsReadWithPathsBesideIt() throws Exception {
    HubConfig c = HubConfigReader.parse("""
        hub: { name: "Sở VHTT tỉnh Đồng Tháp", timeZone: Asia/Ho_Chi_Minh, data: /var/lib/loaxa-hub, signingKey: hub.key }
        database: { url: "jdbc:postgresql://127.0.0.1:5432/loaxa_hub", user: loaxa_hub, pool: 4 }
        broker: { url: "ssl://hub.tinh.gov.vn:8883", user: hub, passwordFile: hub-broker.secret, caFile: ca.pem }
        web: { listen: "0.0.0.0:8090" }
        """, "hub.yaml", BASE);
    assertEquals(Path.of("/etc/loaxa/hub.key"), c.signingKey());
    assertEquals(Path.of("/var/lib/loaxa-hub"), c.dataDir());
    assertEquals(4, c.database().pool());
    assertEquals(Optional.of(Path.of("/etc/loaxa/ca.pem")), c.broker().caFile());
    assertEquals(8090, c.web().port());
  }

  @Test
  void everyProblemIsRefusedWithItsLineAndField() {
    SourceException e = assertThrows(SourceException.class, () -> HubConfigReader.parse("""
        hub: { name: "Tỉnh", signingKey: hub.key, timeZone: Mars/Olympus }
        database: { url: "mysql://x", user: u, pool: 0 }
        broker: { url: "http://x", user: hub, colour: red }
        web: { listen: "8090" }
        """, "hub.yaml", BASE));
    List<String> lines = e.problems().stream().map(Object::toString).toList();
    assertEquals(6, lines.size(), String.join("\n", lines));
    assertEquals(List.of(true, true, true, true, true, true), List.of(
        lines.stream().anyMatch(l -> l.startsWith("hub.yaml:1:") && l.contains("hub.timeZone")),
        lines.stream().anyMatch(l -> l.startsWith("hub.yaml:2:") && l.contains("database.url")),
        lines.stream().anyMatch(l -> l.startsWith("hub.yaml:2:") && l.contains("pool")),
        lines.stream().anyMatch(l -> l.startsWith("hub.yaml:3:") && l.contains("broker.url")),
        lines.stream().anyMatch(l -> l.startsWith("hub.yaml:3:") && l.contains("colour")),
        lines.stream().anyMatch(l -> l.startsWith("hub.yaml:4:") && l.contains("web.listen"))), String.join("\n", lines));
  }
}
