package io.loaxa.audio.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.Gap;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.testkit.LiveMp3Server;
import io.loaxa.audio.javasound.JavaSoundDecoder;
import io.loaxa.audio.javasound.JavaSoundOutput;
import io.loaxa.testkit.Signal;
import io.loaxa.testkit.Sox;
import io.loaxa.testkit.Speakers;
import io.loaxa.testkit.Integration;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@Integration
class HttpRebroadcastTest {
  private static final HttpRebroadcast.Settings SETTINGS = new HttpRebroadcast.Settings(Duration.ofMillis(1500),
      Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(200));
  private static Speakers speakers;
  private static byte[] mp3;

  @BeforeAll
  static void setUp() throws Exception {
    Path dir = Files.createTempDirectory("loaxa-relay");
    // the provincial station's relay: a 440 Hz tone, 128 kbps stereo
    mp3 = Files.readAllBytes(Sox.mp3(Sox.toneWav(dir, "vov.wav", 44_100, 2, 16, 440, 30, 0.4), "vov.mp3", 128));
    speakers = Speakers.listen();
  }

  @AfterAll
  static void tearDown() {
    if (speakers != null) {
      speakers.close();
    }
  }

  private static HttpRebroadcasts relays() {
    return new HttpRebroadcasts(new JavaSoundDecoder(), PcmFormat.STATION, SETTINGS);
  }

  @Test
  void aRebroadcastStartsOnThePlannedSecondAndAirsExactlyItsLength() throws Exception {
    try (LiveMp3Server server = new LiveMp3Server(mp3, 128);
        PcmSource relay = relays().connect(server.url(), Duration.ofSeconds(4));
        SoundOutput.OpenLine line = new JavaSoundOutput("default", Speakers.CLOCK).open(PcmFormat.STATION)) {
      // connected: the prebuffer fills while the amplifier would warm up
      Instant planned = Speakers.CLOCK.instant().plusMillis(1200);
      Playback playback = line.play(relay, new StopToken(), Cue.at(planned));
      Speakers.requireUnbroken(playback.underruns());
      Signal heard = speakers.heard(planned.minusMillis(200), planned.plusMillis(4400));

      assertEquals(0, playback.dropouts().size(), playback.dropouts().toString());
      int start = heard.firstAbove(0.05);
      long errorMillis = Duration.between(planned, speakers.instantOf(planned.minusMillis(200), start)).toMillis();
      assertTrue(Math.abs(errorMillis) <= 10, "started " + errorMillis + " ms off the planned instant");
      assertEquals(4.0, heard.seconds(heard.lastAbove(0.05) - start), 0.03);
      assertEquals(440, heard.dominantHz(start + 4410, start + 3 * 44_100, 300, 600), 2);
      assertEquals(0.4, heard.peak(start + 4410, start + 3 * 44_100), 0.04);
      assertEquals(4 * 44_100, playback.framesPlayed());
      assertEquals(0, playback.dropouts().size(), playback.dropouts().toString());
      assertEquals(1, server.connections());
    }
  }

  @Test
  void aStreamThatDropsMidAiringIsRejoinedAndTheSilentGapReported() throws Exception {
    try (LiveMp3Server server = new LiveMp3Server(mp3, 128)) {
      // the uplink drops after 3 s of stream and stays away 3 s; the 1.5 s held in hand bridges part of it
      server.dropFirstConnectionAfter(Duration.ofMillis(3000), Duration.ofMillis(3000));
      try (PcmSource relay = relays().connect(server.url(), Duration.ofSeconds(8));
          SoundOutput.OpenLine line = new JavaSoundOutput("default", Speakers.CLOCK).open(PcmFormat.STATION)) {
        Instant planned = Speakers.CLOCK.instant().plusMillis(500);
        Playback playback = line.play(relay, new StopToken(), Cue.at(planned).withSilenceAfter(Duration.ofSeconds(1)));
        Signal heard = speakers.heard(planned.minusMillis(200), planned.plusMillis(8400));

        assertEquals(8 * 44_100, playback.framesPlayed());
        assertEquals(1, playback.dropouts().size(), playback.dropouts().toString());
        Gap dropout = playback.dropouts().get(0);
        assertTrue(dropout.reason().startsWith("stream lost"), dropout.reason());
        assertTrue(dropout.length().toMillis() >= 1000 && dropout.length().toMillis() <= 4000, dropout.toString());
        assertTrue(server.connections() >= 2);
        // our own output watch saw the same stretch
        assertEquals(1, playback.silences().size(), playback.silences().toString());
        assertEquals(dropout.at().toMillis(), playback.silences().get(0).at().toMillis(), 60);

        Speakers.requireUnbroken(playback.underruns());
        // the stream itself opens with the encoder's few dozen milliseconds of silence: measure from
        // the planned instant, which the start test shows is kept
        int start = heard.rate() / 5;
        int[] silent = longestQuiet(heard, heard.firstAbove(0.05));
        double heardGap = heard.seconds(silent[1] - silent[0]);
        assertEquals(dropout.length().toMillis() / 1000.0, heardGap, 0.15, "the silence heard is the gap reported");
        assertEquals(440, heard.dominantHz(silent[0] - 44_100, silent[0] - 2205, 300, 600), 2, "before the drop");
        assertEquals(440, heard.dominantHz(silent[1] + 2205, silent[1] + 22_050, 300, 600), 2, "after the drop");
        assertEquals(8.0, heard.seconds(heard.lastAbove(0.05) - start), 0.03, "the airing kept its length: " + playback);
      }
    }
  }

  /** The longest stretch after {@code from} whose 10 ms windows all stay under -50 dBFS: {start, end}. */
  private static int[] longestQuiet(Signal s, int from) {
    int window = s.rate() / 100;
    int[] best = {from, from};
    int runStart = -1;
    for (int i = from; i + window <= s.samples().length; i += window) {
      boolean quiet = s.peak(i, i + window) < 0.003;
      if (quiet && runStart < 0) {
        runStart = i;
      } else if (!quiet && runStart >= 0) {
        if (i - runStart > best[1] - best[0]) {
          best = new int[] {runStart, i};
        }
        runStart = -1;
      }
    }
    return best;
  }

  @Test
  void aStreamThatCannotBeHadFailsBeforeAirTimeSayingWhy() throws Exception {
    HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    refusing.createContext("/gone.mp3", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    refusing.createContext("/page.mp3", exchange -> {
      byte[] html = "<html><body>Trang không tồn tại</body></html>".repeat(2000).getBytes();
      exchange.sendResponseHeaders(200, html.length);
      exchange.getResponseBody().write(html);
      exchange.close();
    });
    refusing.start();
    String base = "http://127.0.0.1:" + refusing.getAddress().getPort();
    try {
      AudioException notFound = assertThrows(AudioException.class,
          () -> relays().connect(URI.create(base + "/gone.mp3"), Duration.ofMinutes(30)));
      assertTrue(notFound.getMessage().contains("answered 404 \"Not Found\" instead of sending audio"), notFound.getMessage());
      AudioException notMp3 = assertThrows(AudioException.class,
          () -> relays().connect(URI.create(base + "/page.mp3"), Duration.ofMinutes(30)));
      assertTrue(notMp3.getMessage().contains("not ready") && notMp3.getMessage().contains("page.mp3"),
          notMp3.getMessage());
    } finally {
      refusing.stop(0);
    }
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    AudioException refused = assertThrows(AudioException.class,
        () -> relays().connect(URI.create("http://127.0.0.1:" + closedPort + "/vov1.mp3"), Duration.ofMinutes(30)));
    assertTrue(refused.getMessage().contains("cannot connect"), refused.getMessage());
  }
}
