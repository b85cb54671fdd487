package io.loaxa.devices.gsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.SerialSettings;
import io.loaxa.devices.serial.JSerialCommPorts;
import io.loaxa.testkit.Integration;
import io.loaxa.testkit.PeerOnPty;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The modem driver against the scripted modem on a socat pty: prompt, Ctrl-Z, refusals, silence, a slow network. */
@Integration
class GsmModemOverPtyTest {
  private final List<Duration> pauses = new ArrayList<>();

  private GsmModem open(PeerOnPty peer, GsmModem.Settings settings) throws DeviceException {
    return new GsmModem(new JSerialCommPorts().open(peer.port(), new SerialSettings(115200, 8, SerialSettings.Parity.NONE, 1)),
        settings, pauses::add);
  }

  private static GsmModem.Settings quick(boolean diacritics) {
    return new GsmModem.Settings(diacritics, 3, Duration.ofMillis(800), Duration.ofMillis(1500), 3, Duration.ofSeconds(5));
  }

  private static String lastText(PeerOnPty peer) throws Exception {
    String[] words = peer.ask("last").split(" ");
    return words[0] + " " + words[1] + " " + words[2] + " "
        + new String(HexFormat.of().parseHex(words[3]), StandardCharsets.UTF_8);
  }

  @Test
  void aVietnameseAlertGoesOutWithoutDiacriticsInGsm7() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem(); GsmModem modem = open(peer, quick(false))) {
      GsmModem.Receipt receipt = modem.send("+84912345678", "Mất điện ở thôn Đông");
      assertEquals(List.of(1), receipt.references());
      assertEquals("last GSM +84912345678 Mat dien o thon Dong", lastText(peer));
      assertEquals(List.of(), pauses);
    }
  }

  @Test
  void withDiacriticsKeptTheTextGoesOutAsUcs2() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem(); GsmModem modem = open(peer, quick(true))) {
      modem.send("+84912345678", "Mất điện ở thôn Đông");
      assertEquals("last UCS2 +84912345678 Mất điện ở thôn Đông", lastText(peer));
    }
  }

  @Test
  void aLongTextGoesOutAsNumberedMessages() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem(); GsmModem modem = open(peer, quick(true))) {
      GsmModem.Receipt receipt = modem.send("+84912345678", "Đường dây thôn Đông không có tiếng. ".repeat(3));
      assertEquals(2, receipt.parts().size());
      assertEquals(List.of(1, 2), receipt.references());
      assertEquals("sent 2", peer.ask("sent"));
      assertTrue(lastText(peer).startsWith("last UCS2 +84912345678 (2/2) "), lastText(peer));
    }
  }

  @Test
  void aCmsErrorIsTriedAgainAndTheModemsWordsKeptWhenItPersists() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem(); GsmModem modem = open(peer, quick(false))) {
      peer.tell("cms 38");
      modem.send("+84912345678", "thu lai");
      assertEquals(List.of(Duration.ofSeconds(5)), pauses, "one retry after one refusal");
      assertEquals("sent 1", peer.ask("sent"));
      peer.tell("cms 38");
      peer.tell("cms 38");
      peer.tell("cms 500");
      ModemException e = assertThrows(ModemException.class, () -> modem.send("+84912345678", "khong di"));
      assertEquals(OptionalInt.of(500), e.cmsError());
      assertTrue(e.getMessage().contains("+CMS ERROR: 500"), e.getMessage());
      assertEquals("sent 1", peer.ask("sent"));
    }
  }

  @Test
  void aModemThatStopsAnsweringIsReportedAsSilent() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem(); GsmModem modem = open(peer, quick(false))) {
      modem.send("+84912345678", "truoc");
      peer.tell("silence");
      ModemSilentException e = assertThrows(ModemSilentException.class, () -> modem.send("+84912345678", "sau"));
      assertTrue(e.getMessage().contains("did not answer") && e.getMessage().contains(peer.port()), e.getMessage());
      assertEquals(2, pauses.size(), "three attempts");
      peer.tell("reset");
      modem.send("+84912345678", "tro lai");
      assertEquals("sent 2", peer.ask("sent"));
    }
  }

  @Test
  void aSlowNetworkIsWaitedForWithinTheSendTimeoutOnly() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem(); GsmModem modem = open(peer, quick(false))) {
      peer.tell("slow 0.6");
      assertEquals(List.of(1), modem.send("+84912345678", "cham").references());
      assertEquals(List.of(), pauses);
    }
    try (PeerOnPty peer = PeerOnPty.gsmModem();
        GsmModem modem = open(peer, new GsmModem.Settings(false, 1, Duration.ofMillis(800), Duration.ofMillis(300), 1,
            Duration.ZERO))) {
      peer.tell("slow 1.0");
      assertThrows(ModemSilentException.class, () -> modem.send("+84912345678", "qua cham"));
    }
  }
}
