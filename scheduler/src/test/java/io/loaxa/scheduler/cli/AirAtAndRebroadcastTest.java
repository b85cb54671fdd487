package io.loaxa.scheduler.cli;

import static io.loaxa.scheduler.cli.CliRun.loaxa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.LiveMp3Server;
import io.loaxa.testkit.Signal;
import io.loaxa.testkit.Sox;
import io.loaxa.testkit.Speakers;
import io.loaxa.testkit.Integration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loaxa air --at} and {@code loaxa air --rebroadcast} on the demo station, in process, heard
 * on the PulseAudio sink's monitor: the operator's notice lands on its second, the relay airs its
 * length.
 */
@Integration
class AirAtAndRebroadcastTest {
  @TempDir
  Path dir;

  @Test
  void aNoticeAiredAtAGivenSecondIsHeardOnThatSecond() throws Exception {
    Path wav = Sox.toneWav(dir, "thong-bao.wav", 22_050, 1, 16, 880, 1.5, 0.3);
    try (Speakers speakers = Speakers.listen()) {
      Instant planned = Speakers.CLOCK.instant().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
      String at = LocalTime.ofInstant(planned, ZoneId.of("Asia/Ho_Chi_Minh"))
          .format(DateTimeFormatter.ofPattern("HH:mm:ss"));

      CliRun air = loaxa("air", "--file", wav.toString(), "--at", at, "--data", dir.resolve("data").toString());

      assertEquals(0, air.code(), air.out() + air.err());
      assertTrue(air.out().contains("COMPLETED"), air.out());
      Signal heard = speakers.heard(planned.minusMillis(500), planned.plusMillis(2500));
      int first = heard.firstAbove(0.005);
      assertTrue(first >= 0, "nothing heard");
      long errorMillis = Duration.between(planned, speakers.instantOf(planned.minusMillis(500), first)).toMillis();
      assertTrue(Math.abs(errorMillis) <= 20, "first sample heard " + errorMillis + " ms off " + at);
      assertEquals(880, heard.dominantHz(first + 4410, first + 44_100, 700, 1000), 2);
    }
  }

  @Test
  void aRelayAsksForItsStreamAndAirsItsLength() throws Exception {
    byte[] mp3 = Files.readAllBytes(Sox.mp3(Sox.toneWav(dir, "vov.wav", 44_100, 2, 16, 440, 20, 0.4), "vov.mp3", 128));
    try (Speakers speakers = Speakers.listen(); LiveMp3Server server = new LiveMp3Server(mp3, 128)) {
      Instant before = Speakers.CLOCK.instant();
      CliRun air = loaxa("air", "--rebroadcast", server.url().toString(), "--length", "4s",
          "--data", dir.resolve("data").toString());
      Instant after = Speakers.CLOCK.instant();

      assertEquals(0, air.code(), air.out() + air.err());
      assertTrue(air.out().contains("COMPLETED"), air.out());
      Signal heard = speakers.heard(before, after.plusMillis(300));
      int first = heard.firstAbove(0.05);
      assertTrue(first >= 0, "nothing of the relay was heard");
      assertEquals(4.0, heard.seconds(heard.lastAbove(0.05) - first), 0.1);
      assertEquals(440, heard.dominantHz(first + 4410, first + 3 * 44_100, 300, 600), 2);
    }
  }

  @Test
  void aRelayWithoutALengthOrWithABadAddressIsRefused() {
    CliRun noLength = loaxa("air", "--rebroadcast", "http://127.0.0.1:9/vov1.mp3", "--data", dir.resolve("d").toString());
    assertEquals(1, noLength.code());
    assertTrue(noLength.err().contains("--length"), noLength.err());
    CliRun ftp = loaxa("air", "--rebroadcast", "ftp://vov.vn/vov1", "--length", "30m", "--data", dir.resolve("d").toString());
    assertEquals(1, ftp.code());
    assertTrue(ftp.err().contains("http or https"), ftp.err());
  }
}
