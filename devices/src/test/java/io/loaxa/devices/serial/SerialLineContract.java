package io.loaxa.devices.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.PortGoneException;
import io.loaxa.devices.SerialLine;
import io.loaxa.devices.SerialSettings;
import io.loaxa.testkit.PtyPair;
import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every serial line promises, over a real socat pty pair: the test holds the far end through
 * jSerialComm, loaxa's end is the implementation under test.
 */
@Integration
abstract class SerialLineContract {
  private Path dir;
  protected PtyPair pty;
  private SerialLine far;
  private SerialLine line;

  protected abstract SerialLine open(String port) throws DeviceException;

  @BeforeEach
  void cable() throws Exception {
    Tools.require("socat");
    dir = Files.createTempDirectory("loaxa-line");
    pty = PtyPair.start(dir);
    far = new JSerialCommPorts().open(pty.b().toString(), SerialSettings.DEFAULT);
    line = open(pty.a().toString());
  }

  @AfterEach
  void unplug() throws Exception {
    if (line != null) {
      line.close();
    }
    if (far != null) {
      far.close();
    }
    if (pty != null) {
      pty.close();
    }
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }

  private static byte[] read(SerialLine from, int n) throws DeviceException {
    byte[] buffer = new byte[n];
    assertEquals(n, from.read(buffer, 0, n, Duration.ofSeconds(2)));
    return buffer;
  }

  @Test
  void everyByteValueCrossesTheCableBothWays() throws DeviceException {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    line.write(all);
    assertArrayEquals(all, read(far, 256));
    far.write(all);
    assertArrayEquals(all, read(line, 256));
  }

  @Test
  void aReadReturnsWhatArrivedWhenTheTimeRunsOut() throws DeviceException {
    byte[] buffer = new byte[8];
    assertEquals(0, line.read(buffer, 0, 8, Duration.ofMillis(30)));
    far.write(new byte[] {1, 5, 0});
    assertEquals(3, line.read(buffer, 0, 8, Duration.ofMillis(200)));
  }

  @Test
  void discardingInputDropsALateReply() throws Exception {
    far.write(new byte[] {9, 9, 9});
    // give the bytes time to land in loaxa's input buffer before throwing them away
    io.loaxa.devices.Pause.sleeping().pause(Duration.ofMillis(50));
    line.discardInput();
    far.write(new byte[] {1});
    assertArrayEquals(new byte[] {1}, read(line, 1));
  }

  @Test
  void aVanishedPortIsAPortGoneFault() throws DeviceException {
    pty.stop();
    assertThrows(PortGoneException.class, () -> {
      line.write(new byte[] {1});
      line.read(new byte[1], 0, 1, Duration.ofMillis(50));
    });
  }

  @Test
  void closingTwiceIsHarmless() {
    line.close();
    line.close();
  }
}
