package io.loaxa.scheduler.airing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Cue;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.Playback;
import io.loaxa.audio.SoundOutput;
import io.loaxa.audio.StopToken;
import io.loaxa.audio.simulated.SimulatedSoundOutput;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.scheduler.AiringRunRecord;
import io.loaxa.scheduler.ClockPause;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.TestStations;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.station.Station;
import io.loaxa.schedules.Category;
import io.loaxa.schedules.PlannedAiring;
import io.loaxa.schedules.Priority;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.Segment;
import io.loaxa.testkit.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled airings through the real runner while a peer misbehaves: the upstream stream server on
 * loopback, the relay board, the sound card. Each airing ends with an outcome and a reason in the
 * operator's words, every line off (read back), and the next airing still airs.
 */
class MisbehavingPeersTest {
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final Instant T0 = Instant.parse("2026-03-02T22:00:00Z");
  private static final ProgrammeKey RELAY = new ProgrammeKey("tiep-am");
  private static final List<String> JAVA_WORDS = List.of("Exception", "java.", "\tat ", "io.loaxa", "Input length",
      "NoSuchFile", "null");

  @TempDir
  Path data;

  private MutableClock clock;
  private Station station;
  private SimulatedRelayBoard board;
  private ServerSocket server;

  @BeforeEach
  void setUp() throws Exception {
    clock = new MutableClock(T0);
    assemble(new SimulatedSoundOutput(clock, clock::advance));
  }

  private void assemble(SoundOutput sound) throws Exception {
    if (station != null) {
      station.close();
    }
    station = TestStations.station(data, clock, new ClockPause(clock), sound, WARM_UP);
    board = (SimulatedRelayBoard) station.switchboard().board("tu-chinh").orElseThrow();
  }

  @AfterEach
  void tearDown() throws IOException {
    station.close();
    if (server != null) {
      server.close();
    }
  }

  /** A loopback server that answers every connection with what {@code answer} writes. */
  private String serve(Consumer<OutputStream> answer) throws IOException {
    server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          InputStream in = s.getInputStream();
          byte[] head = new byte[4096];
          in.read(head);
          answer.accept(s.getOutputStream());
        } catch (IOException e) {
          return; // the server was closed at the end of the test
        }
      }
    }, "misbehaving-stream-server");
    t.setDaemon(true);
    t.start();
    return "http://127.0.0.1:" + server.getLocalPort() + "/vov1.mp3";
  }

  private PlannedAiring planRelay(String url, Instant at) {
    station.programmes().put(new Programme(RELAY, "Tiếp âm VOV1", Category.INFORMATION, Priority.NORMAL,
        List.of(new Segment.Rebroadcast(url, Duration.ofSeconds(5))), Duration.ofMinutes(2), Optional.empty()));
    return TestStations.plan(station, RELAY, at, "all");
  }

  private AiringRunRecord run(PlannedAiring airing) {
    List<AiringRunRecord> runs = new ArrayList<>();
    station.log().forEachRun(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), runs::add);
    return runs.stream().filter(r -> r.plannedKey().equals(airing.key())).findFirst().orElseThrow();
  }

  /** The outcome logged with a plain reason, every line read back off, and the next airing airs. */
  private void endedPlainly(PlannedAiring airing, Optional<Outcome> outcome, Outcome expected, String words)
      throws Exception {
    assertEquals(Optional.of(expected), outcome);
    AiringRunRecord run = run(airing);
    assertEquals(Optional.of(expected), run.outcome());
    String reason = run.reason();
    assertTrue(reason.contains(words), "says '" + words + "': " + reason);
    for (String word : JAVA_WORDS) {
      assertFalse(reason.contains(word), "Java's words '" + word + "' in the airing log: " + reason);
    }
    board.failNext(0);
    for (int c = 1; c <= board.channelCount(); c++) {
      assertEquals(Optional.of(false), board.readBack(new RelayChannel(c)), "line " + c + " read back off");
    }
    clock.advance(Duration.ofMinutes(5));
    PlannedAiring next = TestStations.plan(station, TestStations.CHIME, clock.instant().plusSeconds(10), "all");
    assertEquals(Optional.of(Outcome.COMPLETED), station.runner().run(next.key(), clock.instant(), Trigger.SCHEDULED),
        "the next airing airs: " + run(next).reason());
  }

  @Test
  void aStreamServerAnsweringAWebPageFailsTheRelayInPlainWordsAndTheNextAiringAirs() throws Exception {
    String url = serve(out -> {
      try {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>Trang bảo trì</body></html>")
            .getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    PlannedAiring airing = planRelay(url, T0.plusSeconds(10));

    endedPlainly(airing, station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED), Outcome.FAILED,
        "127.0.0.1");
  }

  @Test
  void aStreamServerSendingEndlessHeadersFailsTheRelayInPlainWordsAndTheNextAiringAirs() throws Exception {
    String url = serve(out -> {
      try {
        out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 100_000; i++) {
          out.write(("X-Filler-" + i + ": " + "a".repeat(40) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException e) {
        return; // the reader hung up, as it should
      }
    });
    PlannedAiring airing = planRelay(url, T0.plusSeconds(10));

    endedPlainly(airing, station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED), Outcome.FAILED,
        "header lines");
  }

  @Test
  void aBoardThatStopsAnsweringMidAiringLeavesAnOutcomeAndEveryLineOff() throws Exception {
    AtomicBoolean quiet = new AtomicBoolean(true);
    SimulatedSoundOutput sound = new SimulatedSoundOutput(clock, d -> {
      clock.advance(d);
      if (quiet.getAndSet(false)) {
        board.silent(true); // the board goes quiet while the chime plays
      }
    });
    assemble(sound);
    PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");

    Optional<Outcome> outcome = station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED);

    board.silent(false);
    assertTrue(outcome.isPresent(), "an outcome is logged");
    String reason = run(airing).reason();
    assertFalse(reason.isBlank(), "a reason is logged");
    for (String word : JAVA_WORDS) {
      assertFalse(reason.contains(word), "Java's words '" + word + "' in the airing log: " + reason);
    }
    // once the board answers again, the next airing airs and ends with every line off
    clock.advance(Duration.ofMinutes(5));
    PlannedAiring next = TestStations.plan(station, TestStations.CHIME, clock.instant().plusSeconds(10), "all");
    assertEquals(Optional.of(Outcome.COMPLETED), station.runner().run(next.key(), clock.instant(), Trigger.SCHEDULED),
        "the next airing airs: " + run(next).reason());
    for (int c = 1; c <= board.channelCount(); c++) {
      assertEquals(Optional.of(false), board.readBack(new RelayChannel(c)), "line " + c + " read back off");
    }
  }

  @Test
  void aSoundCardThatDisappearsMidAiringFailsInPlainWordsAndTheNextAiringAirs() throws Exception {
    SimulatedSoundOutput healthy = new SimulatedSoundOutput(clock, clock::advance);
    AtomicBoolean gone = new AtomicBoolean(true);
    assemble(new SoundOutput() {
      @Override
      public String name() {
        return "usb";
      }

      @Override
      public OpenLine open(PcmFormat format) throws AudioException {
        OpenLine line = healthy.open(format);
        return new OpenLine() {
          @Override
          public Playback play(PcmSource source, StopToken stop, Cue cue) throws AudioException {
            if (gone.getAndSet(false)) {
              throw new AudioException("thẻ âm thanh 'usb' bị rút ra giữa buổi phát (sound card 'usb' unplugged mid-airing)");
            }
            return line.play(source, stop, cue);
          }

          @Override
          public void close() {
            line.close();
          }
        };
      }
    });
    PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");

    endedPlainly(airing, station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED), Outcome.FAILED,
        "usb");
  }

  @Test
  void aBoardWhoseRepliesGoBadMidAiringStillEndsWithEveryLineOffAndTheNextAiringAirs() throws Exception {
    AtomicBoolean noisy = new AtomicBoolean(true);
    assemble(new SimulatedSoundOutput(clock, d -> {
      clock.advance(d);
      if (noisy.getAndSet(false)) {
        board.failNext(2); // garbage or a wrong CRC on the bus: the next two commands get no usable reply
      }
    }));
    PlannedAiring airing = TestStations.plan(station, TestStations.CHIME, T0.plusSeconds(10), "all");

    Optional<Outcome> outcome = station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED);

    assertTrue(outcome.isPresent(), "an outcome is logged");
    String reason = run(airing).reason();
    for (String word : JAVA_WORDS) {
      assertFalse(reason.contains(word), "Java's words '" + word + "' in the airing log: " + reason);
    }
    endedPlainly(airing, outcome, outcome.get(), "");
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void aStreamThatStallsMidAiringEndsWithAnOutcomeInPlainWordsAndTheNextAiringAirs() throws Exception {
    byte[] mp3 = java.nio.file.Files.readAllBytes(io.loaxa.testkit.Sox.mp3(
        io.loaxa.testkit.Sox.toneWav(data, "vov.wav", 44_100, 2, 16, 440, 20, 0.4), "vov.mp3", 128));
    java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
    String url = serve(out -> {
      try {
        out.write("HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(mp3, 0, 16_000 * 4); // four seconds at 128 kbit/s, then nothing more
        out.flush();
        end.await();
      } catch (IOException e) {
        return; // the reader hung up
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    station.programmes().put(new Programme(RELAY, "Tiếp âm VOV1", Category.INFORMATION, Priority.NORMAL,
        List.of(new Segment.Rebroadcast(url, Duration.ofSeconds(20))), Duration.ofMinutes(2), Optional.empty()));
    PlannedAiring airing = TestStations.plan(station, RELAY, T0.plusSeconds(10), "all");

    Optional<Outcome> outcome = station.runner().run(airing.key(), clock.instant(), Trigger.SCHEDULED);
    end.countDown();

    assertTrue(outcome.isPresent(), "an outcome is logged");
    // at most four seconds of a twenty-second relay were carried (the simulated card runs on the
    // test clock, faster than the stream): not a completed airing, and the log says why
    assertTrue(outcome.get() == Outcome.PARTIAL || outcome.get() == Outcome.FAILED, outcome.toString());
    endedPlainly(airing, outcome, outcome.get(), "stream lost");
    assertTrue(run(airing).reason().contains("silence on air for "), run(airing).reason());
  }
}
