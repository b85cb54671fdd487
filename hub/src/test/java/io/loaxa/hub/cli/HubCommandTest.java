package io.loaxa.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.hub.signing.HubKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCommandTest {
  @TempDir
  Path dir;

  static int run(ByteArrayOutputStream err, String... args) {
    PrintStream before = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return HubCommand.run(args);
    } finally {
      System.setErr(before);
    }
  }

  @Test
  void keysAreMadeOnceAndNeverOverwritten() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, run(err, "keys", "--out", dir.toString()));
    String pub = Files.readString(dir.resolve(HubKeys.PUBLIC));
    HubKeys.readPublic(dir.resolve(HubKeys.PUBLIC));
    HubKeys.readPrivate(dir.resolve(HubKeys.PRIVATE));
    assertEquals(1, run(err, "keys", "--out", dir.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("không ghi đè"), err.toString(StandardCharsets.UTF_8));
    assertEquals(pub, Files.readString(dir.resolve(HubKeys.PUBLIC)));
  }

  @Test
  void aBadHubFileIsRefusedWithItsLinesBeforeAnythingStarts() throws Exception {
    Path file = Files.writeString(dir.resolve("hub.yaml"), "hub: { name: Tỉnh, signingKey: hub.key }\n"
        + "database: { url: \"jdbc:postgresql://127.0.0.1:1/x\", user: u, pool: 99 }\n"
        + "broker: { url: \"tcp://127.0.0.1:1\", user: hub }\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(1, run(err, "run", "--config", file.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("hub.yaml:2:"), err.toString(StandardCharsets.UTF_8));
  }
}
