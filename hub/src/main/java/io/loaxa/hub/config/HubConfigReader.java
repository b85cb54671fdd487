package io.loaxa.hub.config;

import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.config.WebConfig;
import io.loaxa.scheduler.report.PeakWindows;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.source.TextFiles;
import io.loaxa.schedules.source.UnreadableFileException;
import io.loaxa.schedules.yaml.YamlDocuments;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads HUB.yaml:
 * <pre>
 * hub: { name: "Sở VHTT tỉnh …", timeZone: Asia/Ho_Chi_Minh, data: /var/lib/loaxa-hub, signingKey: /etc/loaxa/hub.key }
 * database: { url: jdbc:postgresql://127.0.0.1:5432/loaxa_hub, user: loaxa_hub, passwordFile: …, pool: 8 }
 * broker: { url: ssl://127.0.0.1:8883, user: hub, passwordFile: …, caFile: /etc/loaxa/hub-ca.pem }
 * web: { listen: "0.0.0.0:8090" }
 * peakWindows: "05:00-07:00,17:00-19:30"
 * </pre>
 */
public final class HubConfigReader {
  private final List<Problem> problems = new ArrayList<>();
  private final Fields fields = new Fields(problems);
  private final Path base;

  private HubConfigReader(Path base) {
    this.base = base;
  }

  /**
   * @throws UnreadableFileException when the file cannot be opened
   * @throws SourceException with every problem, each as FILE:LINE:COL with the field named
   */
  public static HubConfig read(Path file) throws SourceException, UnreadableFileException {
    Path base = file.toAbsolutePath().getParent();
    return parse(TextFiles.read(file, file.toString()), file.toString(), base);
  }

  public static HubConfig parse(String text, String fileName, Path base) throws SourceException {
    HubConfigReader r = new HubConfigReader(base);
    Node root = YamlDocuments.parse(text, fileName);
    HubConfig config = r.config(root);
    if (!r.problems.isEmpty() || config == null) {
      throw new SourceException(r.problems);
    }
    return config;
  }

  private HubConfig config(Node root) {
    Optional<Node.Mapping> top = fields.mapping(root, "the hub file", "hub, database, broker, web, peakWindows");
    if (top.isEmpty()) {
      return null;
    }
    Node.Mapping t = top.get();
    fields.unknownKeys(t, Set.of("hub", "database", "broker", "web", "peakWindows"), "the hub file");
    Optional<Node.Mapping> hub = fields.required(t, "hub", "the hub file").flatMap(n -> fields.mapping(n, "hub",
        "name, timeZone, data, signingKey"));
    Optional<Node.Mapping> db = fields.required(t, "database", "the hub file").flatMap(n -> fields.mapping(n, "database",
        "url, user, passwordFile, pool"));
    Optional<Node.Mapping> broker = fields.required(t, "broker", "the hub file").flatMap(n -> fields.mapping(n, "broker",
        "url, user, passwordFile, caFile"));
    String name = "";
    ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
    Path data = base.resolve("data");
    Path key = base.resolve("hub.key");
    if (hub.isPresent()) {
      Node.Mapping h = hub.get();
      fields.unknownKeys(h, Set.of("name", "timeZone", "data", "signingKey"), "hub");
      name = fields.required(h, "name", "hub").flatMap(n -> fields.text(n, "hub.name")).orElse("");
      Optional<Node> tz = Fields.optional(h, "timeZone");
      if (tz.isPresent()) {
        Optional<String> z = fields.text(tz.get(), "hub.timeZone");
        try {
          zone = z.map(ZoneId::of).orElse(zone);
        } catch (DateTimeException e) {
          fields.problem(tz.get().at(), "hub.timeZone: '" + z.get() + "' is not a time zone; write e.g. Asia/Ho_Chi_Minh");
        }
      }
      data = path(h, "data", "hub.data").orElse(data);
      key = fields.required(h, "signingKey", "hub (made by 'loaxa hub keys --out DIR')")
          .flatMap(n -> fields.text(n, "hub.signingKey")).map(base::resolve).orElse(key);
    }
    HubConfig.Database database = null;
    if (db.isPresent()) {
      Node.Mapping d = db.get();
      fields.unknownKeys(d, Set.of("url", "user", "passwordFile", "pool"), "database");
      Optional<String> url = fields.required(d, "url", "database").flatMap(n -> fields.text(n, "database.url"));
      url.filter(u -> !u.startsWith("jdbc:postgresql://")).ifPresent(u -> fields.problem(d.get("url").orElseThrow().at(),
          "database.url: '" + u + "' is not a PostgreSQL JDBC url; write e.g. jdbc:postgresql://127.0.0.1:5432/loaxa_hub"));
      String user = fields.required(d, "user", "database").flatMap(n -> fields.text(n, "database.user")).orElse("");
      int pool = fields.integer(d, "pool", 1, 64).orElse(8);
      database = new HubConfig.Database(url.orElse(""), user, path(d, "passwordFile", "database.passwordFile"), pool);
    }
    HubConfig.Broker b = null;
    if (broker.isPresent()) {
      Node.Mapping m = broker.get();
      fields.unknownKeys(m, Set.of("url", "user", "passwordFile", "caFile"), "broker");
      Optional<String> url = fields.required(m, "url", "broker").flatMap(n -> fields.text(n, "broker.url"));
      url.filter(u -> !u.startsWith("ssl://") && !u.startsWith("tcp://")).ifPresent(u -> fields.problem(
          m.get("url").orElseThrow().at(), "broker.url: '" + u + "' must start with ssl:// (or tcp:// on loopback)"));
      String user = fields.required(m, "user", "broker").flatMap(n -> fields.text(n, "broker.user")).orElse("");
      b = new HubConfig.Broker(url.orElse(""), user, path(m, "passwordFile", "broker.passwordFile"),
          path(m, "caFile", "broker.caFile"));
    }
    WebConfig web = web(t);
    PeakWindows peaks = PeakWindows.DEFAULT;
    Optional<Node> p = Fields.optional(t, "peakWindows");
    if (p.isPresent()) {
      Optional<String> text = fields.text(p.get(), "peakWindows");
      try {
        peaks = text.map(PeakWindows::parse).orElse(peaks);
      } catch (UserError e) {
        fields.problem(p.get().at(), "peakWindows: " + e.getMessage());
      }
    }
    if (database == null || b == null) {
      return null;
    }
    return new HubConfig(name, zone, data, key, database, b, web, peaks);
  }

  private Optional<Path> path(Node.Mapping m, String key, String what) {
    return Fields.optional(m, key).flatMap(n -> fields.text(n, what)).map(base::resolve);
  }

  private WebConfig web(Node.Mapping top) {
    Optional<Node.Mapping> node = Fields.optional(top, "web").flatMap(n -> fields.mapping(n, "web", "listen"));
    if (node.isEmpty()) {
      return WebConfig.LOCAL_ONLY;
    }
    fields.unknownKeys(node.get(), Set.of("listen"), "web");
    Optional<Node> listen = fields.required(node.get(), "listen", "web (e.g. listen: \"0.0.0.0:8090\")");
    Optional<String> text = listen.flatMap(n -> fields.text(n, "web.listen"));
    if (text.isEmpty()) {
      return WebConfig.LOCAL_ONLY;
    }
    String s = text.get().strip();
    int colon = s.lastIndexOf(':');
    try {
      int port = Integer.parseInt(s.substring(colon + 1));
      if (colon > 0 && port >= 1 && port <= 65535) {
        return new WebConfig(s.substring(0, colon), port, Optional.empty());
      }
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      // refused below with the field named
    }
    fields.problem(listen.get().at(), "web.listen: '" + s + "' is not HOST:PORT such as 0.0.0.0:8090 or 127.0.0.1:8090");
    return WebConfig.LOCAL_ONLY;
  }
}
