package io.loaxa.scheduler.config;

import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.schedules.Bilingual;
import io.loaxa.schedules.source.Fields;
import io.loaxa.schedules.source.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code alerts:} block of a station config, adding every problem with its place:
 * <pre>
 * alerts:
 *   sms: { port: /dev/serial/by-id/usb-…-if02-port0, baud: 115200, pinFile: /etc/loaxa/sim-pin, diacritics: no }
 *   email: { host: smtp.example.vn, port: 587, user: dai, passwordFile: /etc/loaxa/smtp-password,
 *            from: dai@example.vn, tls: starttls, ca: /etc/loaxa/smtp-ca.pem }
 *   recipients:
 *     - { name: "Chị Lan", phone: "+84912345678", email: lan@example.vn }          # every kind
 *     - { name: "Anh Tâm", phone: "+84987654321", kinds: [dead-air, audio-outside-schedule] }
 *   repeat: 2h               # unresolved incidents told again this often; never when left out
 *   cchcByDay: 20            # from this day on, a month without a completed CCHC airing is an incident
 *   diskMinFreeMb: 500       # less free space on the data folder's disk is an incident
 * </pre>
 */
final class AlertsConfigSection {
  private static final Set<String> KEYS = Set.of("sms", "email", "recipients", "repeat", "cchcByDay", "diskMinFreeMb");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private AlertsConfigSection() {}

  static AlertsConfig read(Optional<Node> block, Fields fields) {
    if (block.isEmpty()) {
      return AlertsConfig.NONE;
    }
    Optional<Node.Mapping> mapping = fields.mapping(block.get(), "alerts", "sms, email, recipients, repeat, …");
    if (mapping.isEmpty()) {
      return AlertsConfig.NONE;
    }
    Node.Mapping m = mapping.get();
    fields.unknownKeys(m, KEYS, "alerts");
    int before = fields.count();
    Optional<AlertsConfig.Sms> sms = m.get("sms").flatMap(n -> sms(n, fields));
    Optional<AlertsConfig.Email> email = m.get("email").flatMap(n -> email(n, fields));
    List<AlertsConfig.Recipient> recipients = new ArrayList<>();
    m.get("recipients").ifPresent(node -> {
      for (Node item : fields.items(node, "alerts.recipients")) {
        recipient(item, m.get("sms").isPresent(), m.get("email").isPresent(), fields).ifPresent(recipients::add);
      }
    });
    Optional<Duration> repeat = fields.duration(m, "repeat", Fields.Zero.REFUSED);
    int cchcByDay = fields.integer(m, "cchcByDay", 1, 28).orElse(AlertsConfig.DEFAULT_CCHC_BY_DAY);
    long diskMinFreeMb = fields.integer(m, "diskMinFreeMb", 1, 1_000_000).map(Integer::longValue)
        .orElse(AlertsConfig.DEFAULT_DISK_MIN_FREE_MB);
    if (fields.count() > before) {
      return AlertsConfig.NONE;
    }
    return new AlertsConfig(sms, email, recipients, repeat, cchcByDay, diskMinFreeMb);
  }

  private static Optional<AlertsConfig.Sms> sms(Node n, Fields fields) {
    Optional<Node.Mapping> mapping = fields.mapping(n, "alerts.sms", "port, baud, pin, diacritics");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Node.Mapping m = mapping.get();
    fields.unknownKeys(m, Set.of("port", "baud", "pin", "pinFile", "diacritics"), "alerts.sms");
    Optional<String> port = fields.required(m, "port", "alerts.sms (the modem's serial port, e.g. /dev/ttyUSB2)")
        .flatMap(p -> fields.text(p, "alerts.sms.port")).map(String::strip);
    int baud = fields.integer(m, "baud", 1200, 921_600).orElse(115_200);
    // a PIN written in the config would travel with every copy of it and every config shown: it lives in its own file
    m.get("pin").ifPresent(node -> fields.problem(node.at(), Bilingual.of("alerts.sms.pin: đừng ghi mã PIN của SIM trong cấu"
        + " hình đài; hãy ghi riêng nó vào một tệp chỉ loaxa đọc được (chmod 600) và ghi đường dẫn tệp ấy là pinFile:"
        + " /etc/loaxa/sim-pin", "alerts.sms.pin: do not write the SIM PIN in the station config; put it alone in a file"
        + " only loaxa can read (chmod 600) and write its path as pinFile: /etc/loaxa/sim-pin")));
    Optional<String> pinFile = m.get("pinFile").flatMap(node -> fields.text(node, "alerts.sms.pinFile").map(String::strip)
        .filter(f -> pinFileProblem(f).map(problem -> {
          fields.problem(node.at(), prefixed("alerts.sms.pinFile: ", problem));
          return false;
        }).orElse(true)));
    boolean diacritics = fields.bool(m, "diacritics").orElse(false);
    return port.map(p -> new AlertsConfig.Sms(p, baud, pinFile, diacritics));
  }

  /** {@code field} before each half of {@code problem}, which may be one sentence in English or "vi (en)". */
  private static String prefixed(String field, String problem) {
    return Bilingual.of(field + Bilingual.vietnamese(problem), field + Bilingual.english(problem));
  }

  private static Optional<String> pinFileProblem(String file) {
    return AlertsConfig.readPin(file).problem();
  }

  private static Optional<AlertsConfig.Email> email(Node n, Fields fields) {
    Optional<Node.Mapping> mapping = fields.mapping(n, "alerts.email", "host, port, user, password, from, tls");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Node.Mapping m = mapping.get();
    fields.unknownKeys(m, Set.of("host", "port", "user", "password", "passwordFile", "from", "tls", "ca"), "alerts.email");
    Optional<String> host = fields.required(m, "host", "alerts.email (the SMTP server, e.g. smtp.example.vn)")
        .flatMap(h -> fields.text(h, "alerts.email.host")).map(String::strip);
    Optional<AlertsConfig.Tls> tls = fields.oneOf(m, "tls", List.of("none", "starttls", "ssl"))
        .map(t -> AlertsConfig.Tls.valueOf(t.toUpperCase(java.util.Locale.ROOT)));
    AlertsConfig.Tls protection = tls.orElse(AlertsConfig.Tls.STARTTLS);
    int port = fields.integer(m, "port", 1, 65535)
        .orElse(protection == AlertsConfig.Tls.SSL ? 465 : protection == AlertsConfig.Tls.STARTTLS ? 587 : 25);
    Optional<String> user = fields.text(m, "user").map(String::strip);
    Optional<String> inline = fields.text(m, "password");
    Optional<String> passwordFile = m.get("passwordFile").flatMap(node -> fields.text(node, "alerts.email.passwordFile")
        .map(String::strip));
    Optional<String> password = inline;
    if (inline.isPresent() && passwordFile.isPresent()) {
      fields.problem(m.get("password").get().at(), Bilingual.of("alerts.email.password: hãy ghi mật khẩu hoặc passwordFile"
          + " của nó, không ghi cả hai; giữ passwordFile và xóa password", "alerts.email.password: write the password or its"
          + " passwordFile, not both; keep passwordFile and remove password"));
    } else if (passwordFile.isPresent()) {
      AlertsConfig.SecretRead read = AlertsConfig.readSecret(passwordFile.get(), "/etc/loaxa/smtp-password");
      read.problem().ifPresent(p -> fields.problem(m.get("passwordFile").get().at(), prefixed("alerts.email.passwordFile: ", p)));
      password = read.secret();
      if (read.problem().isPresent()) {
        passwordFile = Optional.empty();
      }
    }
    boolean secretGiven = inline.isPresent() || m.get("passwordFile").isPresent();
    if (user.isPresent() != secretGiven) {
      fields.problem(m.at(), Bilingual.of("alerts.email: hãy ghi user cùng với passwordFile hoặc password, hoặc không ghi cả hai",
          "alerts.email: write user together with passwordFile (or password), or neither"));
    }
    Optional<String> from = fields.required(m, "from", "alerts.email (the station's address, e.g. dai@example.vn)")
        .flatMap(f -> address(f, "alerts.email.from", fields));
    Optional<String> ca = m.get("ca").flatMap(node -> fields.text(node, "alerts.email.ca").map(String::strip).filter(f -> {
      Path path = Path.of(f);
      if (!path.isAbsolute() || !Files.isReadable(path)) {
        fields.problem(node.at(), Bilingual.of("alerts.email.ca: '" + f + "' không phải tệp đọc được; hãy ghi đường dẫn đầy đủ"
            + " của tệp PEM của tổ chức cấp chứng chỉ đã ký chứng chỉ của máy chủ SMTP, ví dụ /etc/loaxa/smtp-ca.pem",
            "alerts.email.ca: '" + f + "' is not a readable file; write the full path of the certificate authority's PEM"
            + " file that signed the SMTP server's certificate, e.g. /etc/loaxa/smtp-ca.pem"));
        return false;
      }
      return true;
    }));
    if (ca.isPresent() && protection == AlertsConfig.Tls.NONE) {
      fields.problem(m.get("ca").get().at(), Bilingual.of("alerts.email.ca: tổ chức cấp chứng chỉ cần tls: starttls hoặc ssl",
          "alerts.email.ca: a certificate authority needs tls: starttls or ssl"));
    }
    if (host.isEmpty() || from.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AlertsConfig.Email(host.get(), port, user, password, from.get(), protection, ca, passwordFile));
  }

  private static Optional<String> address(Node n, String what, Fields fields) {
    return fields.text(n, what).map(String::strip).filter(a -> {
      if (!ADDRESS.matcher(a).matches()) {
        fields.problem(n.at(), Bilingual.of(what + ": '" + a + "' không phải địa chỉ e-mail, ví dụ vhxh@example.vn",
            what + ": '" + a + "' is not an e-mail address such as vhxh@example.vn"));
        return false;
      }
      return true;
    });
  }

  private static Optional<AlertsConfig.Recipient> recipient(Node item, boolean sms, boolean email, Fields fields) {
    Optional<Node.Mapping> mapping = fields.mapping(item, "a recipient of alerts.recipients", "name, phone, email, kinds");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Node.Mapping m = mapping.get();
    fields.unknownKeys(m, Set.of("name", "phone", "email", "kinds"), "alerts.recipients");
    String name = fields.text(m, "name").map(String::strip).orElse("");
    Optional<String> phone = m.get("phone").flatMap(n -> fields.text(n, "alerts.recipients.phone").map(String::strip)
        .filter(p -> {
          if (!PHONE.matcher(p.replace(" ", "")).matches()) {
            fields.problem(n.at(), Bilingual.of("alerts.recipients.phone: '" + p + "' không phải số điện thoại, ví dụ \"+84912345678\"",
                "alerts.recipients.phone: '" + p + "' is not a phone number such as \"+84912345678\""));
            return false;
          }
          return true;
        }).map(p -> p.replace(" ", "")));
    Optional<String> address = m.get("email").flatMap(n -> address(n, "alerts.recipients.email", fields));
    if (m.get("phone").isEmpty() && m.get("email").isEmpty()) {
      fields.problem(m.at(), Bilingual.of("alerts.recipients: " + (name.isEmpty() ? "một người nhận" : "'" + name + "'")
          + " không có phone cũng không có email", "alerts.recipients: " + (name.isEmpty() ? "a recipient" : "'" + name + "'")
          + " has neither phone nor email"));
    }
    if (phone.isPresent() && !sms) {
      fields.problem(m.get("phone").get().at(), Bilingual.of("alerts.recipients.phone: chưa cấu hình modem alerts.sms nào để gửi tin",
          "alerts.recipients.phone: no alerts.sms modem is configured to send it"));
    }
    if (address.isPresent() && !email) {
      fields.problem(m.get("email").get().at(), Bilingual.of("alerts.recipients.email: chưa cấu hình máy chủ alerts.email nào"
          + " để gửi thư", "alerts.recipients.email: no alerts.email server is configured to send it"));
    }
    Set<IncidentKind> kinds = new HashSet<>();
    List<String> names = Arrays.stream(IncidentKind.values()).map(IncidentKind::configName).toList();
    m.get("kinds").ifPresent(node -> {
      for (Node k : fields.items(node, "alerts.recipients.kinds")) {
        fields.text(k, "a kind of alerts.recipients.kinds").map(String::strip).ifPresent(t -> {
          Optional<IncidentKind> kind = Arrays.stream(IncidentKind.values()).filter(x -> x.configName().equals(t)).findFirst();
          if (kind.isEmpty()) {
            fields.problem(k.at(), Bilingual.of("alerts.recipients.kinds: không có loại '" + t + "'; các loại: "
                + String.join(", ", names), "alerts.recipients.kinds: no kind '" + t + "'; the kinds are " + String.join(", ", names)));
          } else {
            kinds.add(kind.get());
          }
        });
      }
    });
    return Optional.of(new AlertsConfig.Recipient(name, phone, address, kinds));
  }
}
