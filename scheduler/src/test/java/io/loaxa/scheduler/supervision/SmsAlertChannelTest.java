package io.loaxa.scheduler.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.SerialSettings;
import io.loaxa.devices.gsm.GsmModem;
import io.loaxa.devices.serial.JSerialCommPorts;
import io.loaxa.scheduler.TestStations;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.MutableClock;
import io.loaxa.testkit.PeerOnPty;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SMS alerts through the scripted GSM modem on a socat pty, through the dispatcher's retries. */
@Integration
class SmsAlertChannelTest {
  private static final String PHONE = "+84912345678";
  private final MutableClock clock = MutableClock.at("2026-12-07T11:15:00Z");

  private static SmsAlertChannel channel(PeerOnPty peer) {
    GsmModem.Settings quick = new GsmModem.Settings(false, 3, Duration.ofMillis(800), Duration.ofMillis(1500), 1,
        Duration.ofSeconds(5));
    return new SmsAlertChannel(() -> new GsmModem(new JSerialCommPorts().open(peer.port(),
        new SerialSettings(115200, 8, SerialSettings.Parity.NONE, 1)), quick, d -> {}));
  }

  private static String lastText(PeerOnPty peer) throws Exception {
    String[] words = peer.ask("last").split(" ", 4);
    return new String(HexFormat.of().parseHex(words[3].strip()), StandardCharsets.UTF_8);
  }

  private AlertDispatcher dispatcher(SmsAlertChannel sms) {
    return new AlertDispatcher("Đài xã Tân Hưng", TestStations.HCM, List.of(sms),
        List.of(new AlertDispatcher.Route("sms", PHONE, Set.of())),
        new AlertDispatcher.Settings(Optional.empty(), Duration.ofMinutes(1), 5), IncidentLog.NONE, clock);
  }

  @Test
  void anIncidentGoesOutAsAnSmsWithoutDiacritics() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem(); SmsAlertChannel sms = channel(peer)) {
      IncidentTracker incidents = new IncidentTracker(IncidentLog.NONE, dispatcher(sms));
      incidents.observed(IncidentKind.DEAD_AIR, "ap-1", clock.instant(), "");
      incidents.tick(clock.instant());
      assertEquals("sent 1", peer.ask("sent").strip());
      String text = lastText(peer);
      assertTrue(text.startsWith("Dai xa Tan Hung: Su co: Mat tieng tren loa khi dang phat (ap-1)"), text);
      assertTrue(text.contains("Bat dau: 18:15:00 07/12/2026"), text);
    }
  }

  @Test
  void aCmsErrorIsReportedAndTheAlertGoesOutOnTheNextTry() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem(); SmsAlertChannel sms = channel(peer)) {
      peer.tell("cms 38");
      AlertException e = assertThrows(AlertException.class, () -> sms.send(List.of(PHONE), "Thử", "lần 1"));
      assertTrue(e.getMessage().contains("+CMS ERROR: 38"), e.getMessage());

      peer.tell("cms 38");
      IncidentTracker incidents = new IncidentTracker(IncidentLog.NONE, dispatcher(sms));
      incidents.observed(IncidentKind.BOARD_OFFLINE, "tu-chinh", clock.instant(), "");
      incidents.tick(clock.instant());
      assertEquals("sent 0", peer.ask("sent").strip());
      clock.advance(Duration.ofMinutes(1));
      incidents.tick(clock.instant());
      assertEquals("sent 1", peer.ask("sent").strip());
    }
  }

  @Test
  void aModemThatStopsAnsweringFailsTheSendAndIsOpenedAgainWhenItAnswers() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem(); SmsAlertChannel sms = channel(peer)) {
      sms.send(List.of(PHONE), "Thử", "trước");
      peer.tell("silence");
      AlertException e = assertThrows(AlertException.class, () -> sms.send(List.of(PHONE), "Thử", "im lặng"));
      assertTrue(e.getMessage().startsWith("SMS to " + PHONE), e.getMessage());
      peer.tell("reset");
      String answer = sms.send(List.of(PHONE), "Thử", "sau");
      assertTrue(answer.contains("+CMGS"), answer);
      assertEquals("sent 2", peer.ask("sent").strip());
      assertTrue(lastText(peer).endsWith("sau"), lastText(peer));
    }
  }

  @Test
  void aWrongSimPinIsReportedOnceAndNeverTriedAgainByTheDispatcher() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem()) {
      peer.tell("pin 4711");
      io.loaxa.devices.gsm.SimUnlock unlock = new io.loaxa.devices.gsm.SimUnlock("1234", "/etc/loaxa/sim-pin");
      GsmModem.Settings quick = new GsmModem.Settings(false, 3, Duration.ofMillis(800), Duration.ofMillis(1500), 3,
          Duration.ofSeconds(5));
      try (SmsAlertChannel sms = new SmsAlertChannel(() -> new GsmModem(new JSerialCommPorts().open(peer.port(),
          new SerialSettings(115200, 8, SerialSettings.Parity.NONE, 1)), quick, d -> {}).unlockingWith(unlock))) {
        AlertDispatcher alerts = dispatcher(sms);
        IncidentTracker incidents = new IncidentTracker(IncidentLog.NONE, alerts);
        incidents.observed(IncidentKind.DEAD_AIR, "ap-1", clock.instant(), "");
        incidents.tick(clock.instant());
        assertEquals(0, alerts.pending(), "a locked SIM card is given up at once, not retried");
        incidents.observed(IncidentKind.BOARD_OFFLINE, "tu-chinh", clock.instant(), "");
        for (int minute = 0; minute < 10; minute++) {
          clock.advance(Duration.ofMinutes(1));
          incidents.tick(clock.instant());
        }
        AlertException later = assertThrows(AlertException.class, () -> sms.send(List.of(PHONE), "Thử", "sau"));
        assertTrue(later.permanent());
        assertTrue(later.getMessage().startsWith("SMS off until loaxa restarts: the SIM card refused the PIN from"
            + " /etc/loaxa/sim-pin ('+CME ERROR: 16')"), later.getMessage());
        assertEquals("pintries 1", peer.ask("pintries").strip());
        assertEquals("sent 0", peer.ask("sent").strip());
      }
    }
  }

  @Test
  void alertTestUnlocksTheSimWithThePinFromItsFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem()) {
      peer.tell("pin 4711");
      java.nio.file.Path pin = java.nio.file.Files.writeString(dir.resolve("sim-pin"), "4711\n");
      io.loaxa.scheduler.config.StationConfig config = io.loaxa.scheduler.config.StationConfigReader.parse("""
          station: { name: "Đài xã Thử", timeZone: Asia/Ho_Chi_Minh }
          boards: [ { key: tu-chinh, driver: simulated, channels: 8 } ]
          zones:
            - { key: ap-1, name: "Ấp 1", board: tu-chinh, channel: 1 }
          alerts:
            sms: { port: "%s", pinFile: "%s" }
            recipients: [ { name: "Chị Lan", phone: "+84912345678" } ]
          """.formatted(peer.port(), pin), "station.yaml");
      var result = io.loaxa.scheduler.station.Station.testAlerts(config).get("sms");
      assertTrue(result.sent(), result.what());
      assertEquals("sent 1", peer.ask("sent").strip());
      assertEquals("pintries 1", peer.ask("pintries").strip());
    }
  }
}
