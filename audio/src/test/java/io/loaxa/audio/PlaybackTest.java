package io.loaxa.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackTest {
  @Test
  void aCleanAiringHasNoTroublesToLog() {
    assertEquals("", new Playback(Instant.EPOCH, Instant.EPOCH, 10, false).troubles());
  }

  @Test
  void aLostStreamASilentStretchAndUnderrunsAreWrittenForTheLog() {
    Playback p = new Playback(Instant.EPOCH, Instant.EPOCH, 10, false, 3,
        List.of(new Gap(Duration.ofSeconds(70), Duration.ofMillis(6000), "output below -50 dBFS")),
        List.of(new Gap(Duration.ofMillis(35_400), Duration.ofMillis(2100), "stream lost: HTTP 503")));
    assertEquals("stream lost: HTTP 503: 2.1 s of silence at 0:35; silent output (output below -50 dBFS) for 6.0 s"
        + " at 1:10; 3 underruns (the sound card ran dry)", p.troubles());
  }
}
