package io.loaxa.scheduler.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A filed ack from the hub held to its limits: size, version, seqs. */
class FiledAckLimitsTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFiledAckOver64KibIsRefusedBeforeItIsRead() {
    assertEquals("a filed ack of 65537 bytes, over 65536",
        assertThrows(IllegalArgumentException.class, () -> HubBodies.filedSeqs(new byte[65_537])).getMessage());
  }

  @Test
  void aVersionOfABillionDigitsIsRefusedAtOnce() {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertEquals("v is not 1", assertThrows(
        IllegalArgumentException.class, () -> HubBodies.filedSeqs(utf8("{\"v\":1e999999999,\"seqs\":[1]}"))).getMessage()));
  }

  @Test
  void aSeqTooLargeIsQuotedShort() {
    assertEquals("a seq is not a positive whole number: 1E+999999999", assertThrows(IllegalArgumentException.class,
        () -> HubBodies.filedSeqs(utf8("{\"v\":1,\"seqs\":[1e999999999]}"))).getMessage());
  }

  @Test
  void aFiledAckReadsItsSeqsInOrder() {
    assertEquals(List.of(9L, 7L, 8L), HubBodies.filedSeqs(utf8("{\"v\":1,\"seqs\":[9,7,8],\"at\":\"2026-12-07T01:30:00Z\"}")));
  }
}
