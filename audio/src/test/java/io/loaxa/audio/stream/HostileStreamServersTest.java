package io.loaxa.audio.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.javasound.JavaSoundDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Upstream servers that misbehave, one limit each: a truncated Icecast head, endless header lines,
 * a line without end, an absurd icy-metaint, a web page instead of audio, a server that stalls.
 * Each is an {@link AudioException} in one Vietnamese/English sentence naming the stream.
 */
class HostileStreamServersTest {
  private static final String NAME = "http://dai-tinh.example/vov1.mp3";

  private static StreamHead head(String text) throws AudioException, IOException {
    return StreamHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), NAME);
  }

  private static void refused(String text, String... words) {
    AudioException e = assertThrows(AudioException.class, () -> head(text).requireMp3(NAME));
    String m = e.getMessage();
    assertTrue(m.contains(NAME) && m.endsWith(")") && m.contains(" (the stream server " + NAME)
        || m.contains(" (stream " + NAME), "both languages, naming the stream: " + m);
    for (String w : words) {
      assertTrue(m.contains(w), "says " + w + ": " + m);
    }
  }

  @Test
  void anIcecastHeadCutShortIsRefused() {
    refused("ICY 200 OK\r\nicy-name: VOV1\r\nicy-meta", "closed the connection inside its headers");
    refused("", "closed the connection without an answer");
  }

  @Test
  void anIcecastHeadIsReadWithItsMetadataInterval() throws Exception {
    StreamHead head = head("ICY 200 OK\r\ncontent-type: audio/mpeg\r\nicy-metaint: 16000\r\n\r\n");
    head.requireMp3(NAME);
    assertEquals(OptionalInt.of(16000), head.metaint());
    assertEquals(head, StreamHead.read(new ByteArrayInputStream(head.format()), NAME), "format, then read back");
  }

  @Test
  void moreThanAHundredHeaderLinesAreRefused() {
    refused("HTTP/1.0 200 OK\r\n" + "x-pad: 1\r\n".repeat(101) + "\r\n", "more than 100 header lines");
  }

  @Test
  void aHeaderLineLongerThanEightKibibytesIsRefused() {
    refused("HTTP/1.0 200 OK\r\nx-pad: " + "a".repeat(9000) + "\r\n\r\n", "longer than 8,192 bytes");
  }

  @Test
  void aMetadataIntervalOutsideOneByteToOneMebibyteIsRefused() {
    refused("ICY 200 OK\r\nicy-metaint: 0\r\n\r\n", "icy-metaint '0'", "outside 1 byte to 1 MiB");
    refused("ICY 200 OK\r\nicy-metaint: 2097152\r\n\r\n", "icy-metaint '2097152'");
    refused("ICY 200 OK\r\nicy-metaint: -5\r\n\r\n", "icy-metaint '-5'");
  }

  @Test
  void aWebPageOrAnErrorIsRefusedForWhatItIs() {
    refused("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html>", "is a web page (\"text/html\")",
        "không phải âm thanh MP3");
    refused("HTTP/1.1 503 Service Unavailable\r\n\r\n", "answered 503 \"Service Unavailable\"");
    refused("SSH-2.0-OpenSSH_9.2\r\n", "does not answer in HTTP or Icecast");
    refused("HTTP/1.1 200 OK\r\nContent-Type: audio/aac\r\n\r\n", "is \"audio/aac\", not MP3");
  }

  @Test
  void metadataBlocksAreTakenOutLeavingTheAudioBytes() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    byte[] title = "StreamTitle='Thoi su';".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 5; i++) {
      byte[] chunk = new byte[10];
      java.util.Arrays.fill(chunk, (byte) i);
      body.writeBytes(chunk);
      audio.writeBytes(chunk);
      body.write(i % 2 == 0 ? 2 : 0);
      if (i % 2 == 0) {
        body.writeBytes(java.util.Arrays.copyOf(title, 32));
      }
    }
    IcyMetadataStream in = new IcyMetadataStream(new ByteArrayInputStream(body.toByteArray()), 10);
    assertArrayEquals(audio.toByteArray(), in.readAllBytes());
    assertEquals(3 * 33 + 2, in.metadataBytes());
  }

  @Test
  void aServerThatStallsAfterItsHeadIsAStallSaidInBothLanguages() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread peer = new Thread(() -> {
        try (Socket s = server.accept()) {
          InputStream request = s.getInputStream();
          request.read(new byte[4096]);
          OutputStream out = s.getOutputStream();
          out.write("ICY 200 OK\r\ncontent-type: audio/mpeg\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          s.setSoTimeout(5000);
          request.read(); // stays silent until the client gives up and closes
        } catch (IOException e) {
          // the client closed: what the test waits for
        }
      });
      peer.setDaemon(true);
      peer.start();
      HttpRebroadcast.Settings settings = new HttpRebroadcast.Settings(Duration.ofMillis(500), Duration.ofSeconds(2),
          Duration.ofMillis(1500), Duration.ofMillis(300), Duration.ofSeconds(5));
      URI url = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/vov1.mp3");
      AudioException e = assertThrows(AudioException.class,
          () -> new HttpRebroadcasts(new JavaSoundDecoder(), PcmFormat.STATION, settings).connect(url,
              Duration.ofMinutes(30)));
      assertTrue(e.getMessage().contains("sent nothing for more than 300 ms"), e.getMessage());
    }
  }
}
