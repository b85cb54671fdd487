package io.loaxa.audio.speech;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.Loudness;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Decodes a WAV while an engine is still writing it, so a long bulletin is ready the moment the
 * engine exits. 16-bit PCM (what espeak-ng writes) is converted as it arrives; any other layout is
 * kept as bytes and handed to {@link RiffWave} at the end. The loudness meter reads the samples
 * as they are decoded, so levelling the clip afterwards needs no pass of its own to measure it:
 * that work is done while the engine is still speaking. Not thread-safe: one reader thread feeds
 * it, then the caller calls {@link #clip} after the process has ended.
 */
public final class WavStream implements SpeechProcess.Sink {
  private static final int MAX_HEADER = 1 << 16;
  private static final int FIRST_CAPACITY = 1 << 18;
  /** What may be reserved at once (64 MB, 12 minutes of espeak-ng); a longer output grows the buffer. */
  private static final int MAX_FIRST_CAPACITY = 1 << 24;

  private final ByteArrayOutputStream header = new ByteArrayOutputStream(64);
  private ByteArrayOutputStream whole;
  private PcmFormat format;
  private Loudness.Meter meter;
  private long dataLeft;
  // one buffer, doubled when full: the copies happen while the engine is still speaking, and at
  // the end the clip takes the front of the buffer as it is, so nothing is copied after the engine
  // exits (a long bulletin's pieces used to be joined then, on the critical path)
  private float[] samples = new float[0];
  private int filled;
  /** Samples the meter has read. */
  private int metered;
  private int carry = -1;
  private final int expected;

  public WavStream() {
    this(FIRST_CAPACITY);
  }

  /**
   * @param expectedSamples about how many samples the engine will write (from the length of the
   *     text): room for them is taken at once, so a long bulletin is not copied while it grows
   */
  public WavStream(int expectedSamples) {
    this.expected = Math.max(1024, Math.min(expectedSamples, MAX_FIRST_CAPACITY));
  }

  @Override
  public void accept(byte[] buffer, int length) {
    if (whole != null) {
      whole.write(buffer, 0, length);
      return;
    }
    int offset = 0;
    if (format == null) {
      header.write(buffer, 0, length);
      byte[] head = header.toByteArray();
      int data = dataStart(head);
      if (data < 0) {
        if (head.length > MAX_HEADER) {
          keepWhole(head);
        }
        return;
      }
      if (!sixteenBitPcm(head)) {
        keepWhole(head);
        return;
      }
      format = formatOf(head);
      meter = new Loudness.Meter(format);
      long declared = Integer.toUnsignedLong(le32(head, data - 4));
      dataLeft = declared == 0 || declared >= 0x7fff0000L ? Long.MAX_VALUE : declared;
      // a file that says how long it is gets its buffer once; a stream (espeak-ng's placeholder) starts
      // with the room its engine expects and grows from there
      samples = new float[dataLeft == Long.MAX_VALUE ? expected : (int) Math.min(dataLeft / 2, MAX_FIRST_CAPACITY)];
      buffer = Arrays.copyOfRange(head, data, head.length);
      length = buffer.length;
      offset = 0;
    }
    convert(buffer, offset, length);
  }

  private void convert(byte[] buffer, int offset, int length) {
    int end = offset + (int) Math.min(length, dataLeft);
    dataLeft -= end - offset;
    int i = offset;
    if (carry >= 0 && i < end) {
      add((short) ((buffer[i] << 8) | carry));
      carry = -1;
      i++;
    }
    int n = (end - i) / 2;
    if (n > 0) {
      room(n);
      float[] c = samples;
      int at = filled;
      for (int k = 0; k < n; k++, i += 2) {
        c[at + k] = (short) ((buffer[i + 1] << 8) | (buffer[i] & 0xFF)) / 32768f;
      }
      filled += n;
    }
    if (i < end) {
      carry = buffer[i] & 0xFF;
    }
    meter.accept(samples, metered, filled - metered);
    metered = filled;
  }

  private void add(short s) {
    room(1);
    samples[filled++] = s / 32768f;
  }

  private void room(int more) {
    if (filled + more > samples.length) {
      long wanted = Math.max((long) filled + more, Math.max(FIRST_CAPACITY, 2L * samples.length));
      samples = Arrays.copyOf(samples, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
    }
  }

  private void keepWhole(byte[] head) {
    whole = new ByteArrayOutputStream(Math.max(head.length, 1 << 16));
    whole.write(head, 0, head.length);
  }

  /**
   * The audio received.
   *
   * @throws AudioException when it was not a WAV, or held no audio
   */
  public PcmClip clip(String source) throws AudioException {
    if (whole != null) {
      return RiffWave.decode(whole.toByteArray(), source);
    }
    if (format == null) {
      return RiffWave.decode(header.toByteArray(), source);
    }
    int used = filled - filled % format.channels();
    if (used == 0) {
      throw new AudioException(source + ": WAV holds no audio");
    }
    return meter.clip(samples, used);
  }

  /** Where the samples start, or -1 while the header is incomplete. */
  private static int dataStart(byte[] b) {
    if (b.length < 12) {
      return -1;
    }
    if (!tag(b, 0, "RIFF") || !tag(b, 8, "WAVE")) {
      return Integer.MAX_VALUE;
    }
    int at = 12;
    while (at + 8 <= b.length) {
      long size = Integer.toUnsignedLong(le32(b, at + 4));
      if (tag(b, at, "data")) {
        return at + 8;
      }
      at += 8 + (int) Math.min(size + (size & 1), MAX_HEADER);
    }
    return -1;
  }

  private static boolean sixteenBitPcm(byte[] b) {
    int fmt = chunk(b, "fmt ");
    if (fmt < 0 || fmt + 16 > b.length) {
      return false;
    }
    int code = le16(b, fmt);
    int channels = le16(b, fmt + 2);
    int rate = le32(b, fmt + 4);
    int bits = le16(b, fmt + 14);
    return code == 1 && bits == 16 && channels >= 1 && channels <= 8 && rate >= 4000 && rate <= 192_000;
  }

  private static PcmFormat formatOf(byte[] b) {
    int fmt = chunk(b, "fmt ");
    return new PcmFormat(le32(b, fmt + 4), le16(b, fmt + 2));
  }

  private static int chunk(byte[] b, String id) {
    int at = 12;
    while (at + 8 <= b.length) {
      long size = Integer.toUnsignedLong(le32(b, at + 4));
      if (tag(b, at, id)) {
        return at + 8;
      }
      if (tag(b, at, "data")) {
        return -1;
      }
      at += 8 + (int) Math.min(size + (size & 1), MAX_HEADER);
    }
    return -1;
  }

  private static boolean tag(byte[] b, int at, String id) {
    for (int i = 0; i < 4; i++) {
      if (at + i >= b.length || b[at + i] != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int le16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static int le32(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
  }
}
