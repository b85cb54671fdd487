package io.loaxa.scheduler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.schedules.source.Problem;
import io.loaxa.schedules.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsConfigSectionTest {
  private static final String STATION = """
      station: { name: "Đài xã Thử", timeZone: Asia/Ho_Chi_Minh }
      boards: [ { key: tu-chinh, driver: simulated, channels: 8 } ]
      zones:
        - { key: ap-1, name: "Ấp 1", board: tu-chinh, channel: 1 }
      """;

  private static final String KINDS = "board-offline, sound-card-missing, dead-air, mismatch, audio-outside-schedule, "
      + "clock-untrusted, cchc-at-risk, disk-nearly-full, self-test-failed";

  @Test
  void aStationWithoutAnAlertsBlockTellsNobody() throws Exception {
    assertEquals(AlertsConfig.NONE, StationConfigReader.parse(STATION, "station.yaml").alerts());
  }

  @TempDir
  Path dir;

  @Test
  void theAlertsBlockIsReadWithChannelsRecipientsAndRepeat() throws Exception {
    Path pin = Files.writeString(dir.resolve("sim-pin"), "4711\n");
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    AlertsConfig a = StationConfigReader.parse(STATION + """
        alerts:
          sms: { port: /dev/ttyUSB2, pinFile: %s, diacritics: yes }
          email: { host: smtp.tanhung.vn, user: dai, password: "mật khẩu", from: dai@tanhung.vn, ca: %s }
          recipients:
            - { name: "Chị Lan", phone: "+84912345678", email: lan@tanhung.vn }
            - { name: "Anh Tâm", phone: "+84987654321", kinds: [dead-air, audio-outside-schedule] }
          repeat: 2h
          cchcByDay: 15
          diskMinFreeMb: 800
        """.formatted(pin, ca), "station.yaml").alerts();
    assertEquals(Optional.of(new AlertsConfig.Sms("/dev/ttyUSB2", 115_200, Optional.of(pin.toString()), true)), a.sms());
    assertEquals(Optional.of(new AlertsConfig.Email("smtp.tanhung.vn", 587, Optional.of("dai"), Optional.of("mật khẩu"),
        "dai@tanhung.vn", AlertsConfig.Tls.STARTTLS, Optional.of(ca.toString()))), a.email());
    assertEquals(Optional.of("4711"), AlertsConfig.readPin(pin.toString()).digits());
    assertTrue(!a.toString().contains("4711"), "the PIN is not in the config: " + a);
    assertEquals(List.of(
        new AlertsConfig.Recipient("Chị Lan", Optional.of("+84912345678"), Optional.of("lan@tanhung.vn"), Set.of()),
        new AlertsConfig.Recipient("Anh Tâm", Optional.of("+84987654321"), Optional.empty(),
            Set.of(IncidentKind.DEAD_AIR, IncidentKind.AUDIO_OUTSIDE_SCHEDULE))), a.recipients());
    assertEquals(Optional.of(Duration.ofHours(2)), a.repeat());
    assertEquals(15, a.cchcByDay());
    assertEquals(800, a.diskMinFreeMb());
  }

  @Test
  void everyProblemIsReportedAtItsLineWithTheFieldNamed() {
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(STATION + """
        alerts:
          email: { host: smtp.tanhung.vn, from: "dai(a)tanhung", tls: tls12 }
          recipients:
            - { name: "Chị Lan", phone: "+84912345678" }
            - { name: "Anh Tâm", email: tam@tanhung.vn, kinds: [dead-air, mat-dien] }
            - { name: "Bác Ba" }
          repeat: "hai giờ"
          cchcByDay: 31
        """, "station.yaml"));
    List<String> lines = e.problems().stream().map(Problem::toString).toList();
    assertEquals(List.of(
        "station.yaml:6:63: giá trị 'tls12' của trường 'tls' không hợp lệ; hãy viết none, starttls hoặc ssl (bad tls 'tls12'; "
            + "write none, starttls or ssl)",
        "station.yaml:6:41: alerts.email.from: 'dai(a)tanhung' không phải địa chỉ e-mail, ví dụ vhxh@example.vn "
            + "(alerts.email.from: 'dai[a]tanhung' is not an e-mail address such as vhxh@example.vn)",
        "station.yaml:8:33: alerts.recipients.phone: chưa cấu hình modem alerts.sms nào để gửi tin (alerts.recipients.phone: "
            + "no alerts.sms modem is configured to send it)",
        "station.yaml:9:67: alerts.recipients.kinds: không có loại 'mat-dien'; các loại: " + KINDS
            + " (alerts.recipients.kinds: no kind 'mat-dien'; the kinds are " + KINDS + ")",
        "station.yaml:10:7: alerts.recipients: 'Bác Ba' không có phone cũng không có email (alerts.recipients: 'Bác Ba' has "
            + "neither phone nor email)",
        "station.yaml:11:11: thời lượng 'hai giờ' của trường 'repeat' không hợp lệ; hãy viết thời lượng ISO-8601 như PT30M, "
            + "PT1H30M, PT45S hoặc dạng ngắn 30m, 1h30m, 45s (bad repeat 'hai giờ'; write an ISO-8601 duration such as PT30M, "
            + "PT1H30M, PT45S or the short form 30m, 1h30m, 45s)",
        "station.yaml:12:14: trường 'cchcByDay' là một số nguyên từ 1 đến 28, không phải '31' (cchcByDay is a whole number from 1 "
            + "to 28, not '31')"), lines);
  }

  @Test
  void theSimPinIsRefusedInTheConfigAndItsFileCheckedWithoutQuotingIt() throws Exception {
    Path bad = Files.writeString(dir.resolve("pin-bad"), "12ab34\n");
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(STATION + """
        alerts:
          sms: { port: /dev/ttyUSB2, pin: "1234" }
        """, "station.yaml"));
    assertEquals(List.of("station.yaml:6:35: alerts.sms.pin: đừng ghi mã PIN của SIM trong cấu hình đài; hãy ghi riêng nó vào"
        + " một tệp chỉ loaxa đọc được (chmod 600) và ghi đường dẫn tệp ấy là pinFile: /etc/loaxa/sim-pin (alerts.sms.pin: do"
        + " not write the SIM PIN in the station config; put it alone in a file only loaxa can read [chmod 600] and write its"
        + " path as pinFile: /etc/loaxa/sim-pin)"),
        e.problems().stream().map(Problem::toString).toList());
    for (String file : List.of(bad.toString(), dir.resolve("none").toString(), "sim-pin")) {
      SourceException f = assertThrows(SourceException.class, () -> StationConfigReader.parse(STATION + """
          alerts:
            sms: { port: /dev/ttyUSB2, pinFile: "%s" }
          """.formatted(file), "station.yaml"));
      String problem = f.problems().get(0).toString();
      assertTrue(problem.matches("station\\.yaml:6:\\d+: alerts\\.sms\\.pinFile: .*[^\\x00-\\x7F].* \\(alerts\\.sms\\.pinFile: "
          + "[\\x00-\\x7F]+\\)"), "the field before each half, Vietnamese then English: " + problem);
      assertTrue(!problem.contains("12ab34"), "the file's content is never quoted: " + problem);
    }
  }

  private Path secret(String name, String text, String mode) throws Exception {
    Path file = Files.writeString(dir.resolve(name), text);
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
    return file;
  }

  private static String email(Object passwordFile) {
    return STATION + """
        alerts:
          email: { host: smtp.tanhung.vn, user: dai, passwordFile: "%s", from: dai@tanhung.vn }
        """.formatted(passwordFile);
  }

  @Test
  void theSmtpPasswordIsReadFromItsFileWithTheTrailingLineBreakDroppedAndNeverShown() throws Exception {
    Path file = secret("smtp-password", " mật khẩu có dấu cách \n", "rw-------");
    AlertsConfig.Email e = StationConfigReader.parse(email(file), "station.yaml").alerts().email().orElseThrow();
    assertEquals(Optional.of(" mật khẩu có dấu cách "), e.password());
    assertEquals(Optional.of(file.toString()), e.passwordFile());
    assertTrue(!e.passwordInline());
    assertTrue(!e.toString().contains("mật khẩu"), "the password is not in the config's text: " + e);
    Path owner = secret("smtp-password-2", "s3cret\r\n", "r--------");
    assertEquals(Optional.of("s3cret"), StationConfigReader.parse(email(owner), "station.yaml").alerts().email()
        .orElseThrow().password());
  }

  @Test
  void anInlineSmtpPasswordStillWorksAndIsKnownAsInline() throws Exception {
    AlertsConfig.Email e = StationConfigReader.parse(STATION + """
        alerts:
          email: { host: smtp.tanhung.vn, user: dai, password: "mật khẩu", from: dai@tanhung.vn }
        """, "station.yaml").alerts().email().orElseThrow();
    assertEquals(Optional.of("mật khẩu"), e.password());
    assertTrue(e.passwordInline());
    assertTrue(!e.toString().contains("mật khẩu"), e.toString());
  }

  @Test
  void aPasswordFileThatIsMissingEmptyOrReadableByOthersIsRefusedAtItsFieldWithoutQuotingIt() throws Exception {
    Path empty = secret("empty", "\n", "rw-------");
    Path group = secret("group", "bi-mat-nhom", "rw-r-----");
    Path others = secret("others", "bi-mat-chung", "rw----r--");
    Path none = dir.resolve("none");
    java.util.Map<Object, String> expected = new java.util.LinkedHashMap<>();
    String field = "station.yaml:6:60: alerts.email.passwordFile: ";
    expected.put(none, field + "không có tệp " + none + " (alerts.email.passwordFile: there is no file " + none + ")");
    expected.put(empty, field + empty + " trống; hãy ghi riêng mật khẩu vào đó (alerts.email.passwordFile: " + empty
        + " is empty; write the password alone in it)");
    expected.put(group, field + group + " để tài khoản khác đọc được (quyền rw-r-----); hãy để chỉ loaxa đọc nó: chmod 600 "
        + group + " (alerts.email.passwordFile: " + group + " may be read by other accounts [mode rw-r-----]; let only loaxa"
        + " read it: chmod 600 " + group + ")");
    expected.put(others, field + others + " để tài khoản khác đọc được (quyền rw----r--); hãy để chỉ loaxa đọc nó: chmod 600 "
        + others + " (alerts.email.passwordFile: " + others + " may be read by other accounts [mode rw----r--]; let only"
        + " loaxa read it: chmod 600 " + others + ")");
    expected.put("smtp-password", field + "hãy ghi đường dẫn đầy đủ của tệp, ví dụ /etc/loaxa/smtp-password, không phải"
        + " 'smtp-password' (alerts.email.passwordFile: write the file's full path, e.g. /etc/loaxa/smtp-password, not"
        + " 'smtp-password')");
    for (var c : expected.entrySet()) {
      SourceException f = assertThrows(SourceException.class, () -> StationConfigReader.parse(email(c.getKey()),
          "station.yaml"), c.getKey().toString());
      List<String> problems = f.problems().stream().map(Problem::toString).toList();
      assertEquals(List.of(c.getValue()), problems);
      assertTrue(problems.stream().noneMatch(p -> p.contains("bi-mat")), "the file's content is never quoted: " + problems);
    }
  }

  @Test
  void aMissingModemPortIsToldWithItsExampleInBothLanguages() {
    SourceException e = assertThrows(SourceException.class, () -> StationConfigReader.parse(STATION + """
        alerts:
          sms: { baud: 9600 }
        """, "station.yaml"));
    assertEquals(List.of("station.yaml:6:8: thiếu 'port' trong mục 'alerts.sms' (cổng nối tiếp của modem, ví dụ /dev/ttyUSB2)"
        + " (missing 'port' in alerts.sms [the modem's serial port, e.g. /dev/ttyUSB2])"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void aPasswordAndAPasswordFileTogetherAreRefused() throws Exception {
    Path file = secret("smtp-password", "s3cret", "rw-------");
    SourceException f = assertThrows(SourceException.class, () -> StationConfigReader.parse(STATION + """
        alerts:
          email: { host: smtp.tanhung.vn, user: dai, password: x, passwordFile: "%s", from: dai@tanhung.vn }
        """.formatted(file), "station.yaml"));
    assertEquals(List.of("station.yaml:6:56: alerts.email.password: hãy ghi mật khẩu hoặc passwordFile của nó, không ghi cả"
        + " hai; giữ passwordFile và xóa password (alerts.email.password: write the password or its passwordFile, not both;"
        + " keep passwordFile and remove password)"), f.problems().stream().map(Problem::toString).toList());
  }
}
