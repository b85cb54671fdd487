package io.loaxa.audio.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.audio.AudioException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The rebroadcast reader fed any answer from an upstream server: its head is read within its
 * bounds (at most 100 lines of 8 KiB, icy-metaint 1 B–1 MiB) and written back reads the same, or it
 * is refused with an {@link AudioException} naming the stream in both languages; the body then
 * yields audio bytes and metadata bytes that add up to exactly what the server sent after its head.
 */
class StreamReaderFuzzTest {
  private static final String NAME = "http://dai-tinh.example/vov1.mp3";

  @FuzzTest(maxDuration = "2h")
  void anyAnswerIsReadWithinItsBoundsOrRefusedNamingTheStream(byte[] input) throws IOException {
    long start = System.nanoTime();
    ByteArrayInputStream in = new ByteArrayInputStream(input);
    StreamHead head;
    try {
      head = StreamHead.read(in, NAME);
      head.requireMp3(NAME);
    } catch (AudioException e) {
      String m = e.getMessage();
      assertTrue(m.contains(NAME) && m.contains(" ("), "a refusal that does not name the stream: " + m);
      // what the server sent is quoted ('…' or "…") and may say anything; the words around it may not be Java's
      String ours = m.replaceAll("(?s)'.*?'|\".*?\"", "'…'");
      assertFalse(ours.matches("(?s).*(Exception|java\\.).*"), "Java's words: " + m);
      return;
    }
    assertTrue(head.headers().size() <= StreamHead.MAX_LINES);
    head.metaint().ifPresent(n -> assertTrue(n >= 1 && n <= StreamHead.MAX_METAINT, "metaint " + n));
    StreamHead again;
    try {
      again = StreamHead.read(new ByteArrayInputStream(head.format()), NAME);
    } catch (AudioException e) {
      throw new AssertionError("a head read, written back, is refused: " + e.getMessage(), e);
    }
    assertEquals(head, again, "format, then read back");
    int body = in.available();
    long audio;
    long metadata = 0;
    if (head.metaint().isPresent()) {
      IcyMetadataStream icy = new IcyMetadataStream(in, head.metaint().getAsInt());
      audio = drain(icy);
      metadata = icy.metadataBytes();
    } else {
      audio = drain(in);
    }
    assertEquals(body, audio + metadata, "every byte after the head is audio or metadata");
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "reading took too long");
  }

  private static long drain(InputStream in) throws IOException {
    byte[] chunk = new byte[4096];
    long total = 0;
    int n;
    while ((n = in.read(chunk, 0, chunk.length)) >= 0) {
      total += n;
    }
    return total;
  }
}
