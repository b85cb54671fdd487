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

  @Test
  void aSimWaitingForItsPinIsUnlockedOnceAndTheAlertGoesOut() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem()) {
      peer.tell("pin 4711");
      SimUnlock unlock = new SimUnlock("4711", "/etc/loaxa/sim-pin");
      try (GsmModem modem = open(peer, quick(false)).unlockingWith(unlock)) {
        modem.send("+84912345678", "Mat dien");
      }
      // a modem opened again (unplugged, reopened) finds the card unlocked and sends no PIN
      try (GsmModem modem = open(peer, quick(false)).unlockingWith(unlock)) {
        modem.send("+84912345678", "lan hai");
      }
      assertEquals("sent 2", peer.ask("sent").strip());
      assertEquals("pintries 1", peer.ask("pintries").strip());
    }
  }

  @Test
  void aWrongPinIsSentOnceAndNeverAgainSoTheCardDoesNotLockItself() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem()) {
      peer.tell("pin 4711");
      SimUnlock unlock = new SimUnlock("1234", "/etc/loaxa/sim-pin");
      SimLockedException first;
      try (GsmModem modem = open(peer, quick(false)).unlockingWith(unlock)) {
        first = assertThrows(SimLockedException.class, () -> modem.send("+84912345678", "khong di"));
        // the modem's own retries do not try the PIN again
        assertThrows(SimLockedException.class, () -> modem.send("+84912345678", "khong di"));
      }
      assertTrue(first.getMessage().contains("refused the PIN from /etc/loaxa/sim-pin ('+CME ERROR: 16')"), first.getMessage());
      assertTrue(first.getMessage().contains("not tried again until loaxa restarts"), first.getMessage());
      assertTrue(!first.getMessage().contains("1234"), "the PIN is never in a message: " + first.getMessage());
      for (int reopen = 0; reopen < 5; reopen++) {
        try (GsmModem modem = open(peer, quick(false)).unlockingWith(unlock)) {
          SimLockedException again = assertThrows(SimLockedException.class, () -> modem.send("+84912345678", "x"));
          assertTrue(again.getMessage().contains("still waits for its PIN"), again.getMessage());
        }
      }
      assertEquals("pintries 1", peer.ask("pintries").strip());
      assertEquals("sent 0", peer.ask("sent").strip());
      assertEquals(List.of(), pauses, "a locked card is not retried");
      assertTrue(unlock.refusal().isPresent());
      assertEquals("SIM PIN from /etc/loaxa/sim-pin", unlock.toString());
    }
  }

  @Test
  void aCardThatWantsItsPukIsReportedAndNoPinIsSent() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem()) {
      peer.tell("pin 4711");
      for (String wrong : List.of("0000", "1111", "2222")) {
        try (GsmModem modem = open(peer, quick(false)).unlockingWith(new SimUnlock(wrong, "/tmp/pin"))) {
          assertThrows(SimLockedException.class, () -> modem.send("+84912345678", "x"));
        }
      }
      try (GsmModem modem = open(peer, quick(false)).unlockingWith(new SimUnlock("4711", "/tmp/pin"))) {
        SimLockedException e = assertThrows(SimLockedException.class, () -> modem.send("+84912345678", "x"));
        assertTrue(e.getMessage().contains("wants its PUK"), e.getMessage());
      }
      assertEquals("pintries 3", peer.ask("pintries").strip());
    }
  }

  @Test
  void aSimWaitingForAPinNoneIsConfiguredForSaysWhereToWriteIt() throws Exception {
    try (PeerOnPty peer = PeerOnPty.gsmModem(); GsmModem modem = open(peer, quick(false))) {
      peer.tell("pin 4711");
      SimLockedException e = assertThrows(SimLockedException.class, () -> modem.send("+84912345678", "x"));
      assertTrue(e.getMessage().contains("alerts.sms.pinFile"), e.getMessage());
      assertEquals("pintries 0", peer.ask("pintries").strip());
    }
  }
}
