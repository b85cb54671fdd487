package io.loaxa.scheduler.config;

import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the optional {@code hub:} block of a station config, adding every problem with its place:
 * <pre>
 * hub:
 *   broker: ssl://hub.tinh.gov.vn:8883   # tcp:// only for a broker on loopback
 *   stationId: tan-hung
 *   hubKey: /etc/loaxa/hub.pub           # the hub's Ed25519 public key
 *   caFile: /etc/loaxa/hub-ca.pem        # the CA that signed the broker's certificate
 *   passwordFile: /etc/loaxa/hub.secret  # this station's broker password (mode 0600)
 *   bulletins: review                    # review (default) | accept
 * </pre>
 */
final class HubConfigSection {
  private static final Set<String> KEYS = Set.of("broker", "stationId", "hubKey", "caFile", "passwordFile", "bulletins");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  private HubConfigSection() {}

  /** The hub link, empty without a block or with a problem in it; problems go to {@code fields}. */
  static Optional<HubConfig> read(Optional<Node> block, Fields fields) {
    if (block.isEmpty()) {
      return Optional.empty();
    }
    Optional<Node.Mapping> mapping = fields.mapping(block.get(), "hub", "broker, stationId, hubKey, caFile, passwordFile");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Node.Mapping m = mapping.get();
    fields.unknownKeys(m, KEYS, "hub");
    int before = fields.count();
    Optional<Node> brokerNode = fields.required(m, "broker", "hub (e.g. broker: ssl://hub.tinh.gov.vn:8883)");
    Optional<String> broker = brokerNode.flatMap(n -> fields.text(n, "hub.broker")).map(String::strip);
    if (broker.isPresent()) {
      broker(broker.get()).ifPresent(p -> fields.problem(brokerNode.get().at(), p));
    }
    Optional<Node> idNode = fields.required(m, "stationId", "hub (this station's name at the hub, e.g. stationId: tan-hung)");
    Optional<String> id = idNode.flatMap(n -> fields.text(n, "hub.stationId")).map(String::strip);
    if (id.isPresent() && !HubConfig.STATION_ID.matcher(id.get()).matches()) {
      fields.problem(idNode.get().at(), Bilingual.of("hub.stationId: '" + id.get()
          + "' phải gồm từ 1 đến 40 chữ thường, chữ số hoặc '-', ví dụ tan-hung", "hub.stationId: '" + id.get()
          + "' must be 1 to 40 lower-case letters, digits or '-', e.g. tan-hung"));
    }
    Optional<String> hubKey = path(m, "hubKey", "khóa công khai của hub, ví dụ hubKey: /etc/loaxa/hub.pub",
        "the hub's public key, e.g. hubKey: /etc/loaxa/hub.pub", fields);
    Optional<String> caFile = path(m, "caFile", "CA của broker, ví dụ caFile: /etc/loaxa/hub-ca.pem",
        "the broker's CA, e.g. caFile: /etc/loaxa/hub-ca.pem", fields);
    Optional<String> passwordFile = path(m, "passwordFile", "tệp mật khẩu broker của đài, ví dụ passwordFile: "
        + "/etc/loaxa/hub.secret", "the broker password's file, e.g. passwordFile: /etc/loaxa/hub.secret", fields);
    HubConfig.Bulletins bulletins = fields.oneOf(m, "bulletins", List.of("review", "accept"))
        .map(b -> b.equals("accept") ? HubConfig.Bulletins.ACCEPT : HubConfig.Bulletins.REVIEW)
        .orElse(HubConfig.Bulletins.REVIEW);
    if (fields.count() > before || broker.isEmpty() || id.isEmpty() || hubKey.isEmpty() || caFile.isEmpty()
        || passwordFile.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new HubConfig(broker.get(), id.get(), Path.of(hubKey.get()), Path.of(caFile.get()),
        Path.of(passwordFile.get()), bulletins));
  }

  private static Optional<String> path(Node.Mapping m, String key, String exampleVi, String example, Fields fields) {
    Optional<Node> node = fields.required(m, key, "hub (" + example + ")");
    Optional<String> text = node.flatMap(n -> fields.text(n, "hub." + key)).map(String::strip);
    if (text.isPresent() && text.get().isEmpty()) {
      fields.problem(node.get().at(), Bilingual.of("hub." + key + ": hãy ghi đường dẫn của tệp (" + exampleVi + ")",
          "hub." + key + ": give a file path (" + example + ")"));
      return Optional.empty();
    }
    return text;
  }

  /** Why a broker address is refused, in the installer's words; empty when it is good. */
  private static Optional<String> broker(String text) {
    String shape = Bilingual.of("hub.broker: '" + text + "' không phải ssl://HOST:PORT, ví dụ ssl://hub.tinh.gov.vn:8883",
        "hub.broker: '" + text + "' is not ssl://HOST:PORT such as ssl://hub.tinh.gov.vn:8883");
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return Optional.of(shape);
    }
    if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535
        || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
      return Optional.of(shape);
    }
    if ("tcp".equals(uri.getScheme())) {
      return LOOPBACK.contains(uri.getHost()) ? Optional.empty()
          : Optional.of(Bilingual.of("hub.broker: tcp:// gửi mật khẩu của đài không mã hóa; hãy viết ssl://" + uri.getHost()
              + ":" + uri.getPort() + "; tcp:// chỉ dùng cho broker trên chính máy này, 127.0.0.1",
              "hub.broker: tcp:// carries the station's password unencrypted; write ssl://" + uri.getHost()
              + ":" + uri.getPort() + " (tcp:// is only for a broker on this machine, 127.0.0.1)"));
    }
    return "ssl".equals(uri.getScheme()) ? Optional.empty() : Optional.of(shape);
  }
}
