package io.loaxa.audio.jorbis;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.AudioLimits;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes an Ogg Vorbis recording (any rate, mono or stereo) with JOrbis. Left to itself the
 * decoder steps over damage: it drops a page whose checksum fails, resynchronises on the next
 * page, and stops quietly where a file is cut. Here each of those refuses the file: bytes that are
 * no valid page (with the byte where they start), a page missing from the sequence, a file that
 * ends without the page marked last, and fewer samples than the last page's granule position
 * counts.
 */
public final class OggVorbisFiles {
  /** How much of the file the Ogg sync layer is handed at a time. */
  private static final int CHUNK = 64 * 1024;

  private OggVorbisFiles() {}

  /** Whether the bytes start as an Ogg file does ("OggS", the capture pattern of its first page). */
  public static boolean looksLikeOgg(byte[] head) {
    return head.length >= 4 && head[0] == 'O' && head[1] == 'g' && head[2] == 'g' && head[3] == 'S';
  }

  /**
   * The whole recording as a clip in its own rate and channels.
   *
   * @param name the file, for messages
   * @throws io.loaxa.audio.AudioException naming the file and what is wrong: not Vorbis, corrupt
   *     (with the byte offset), truncated, or more than one stream in the file
   */
  public static PcmClip decode(byte[] data, String name) throws AudioException {
    try {
      return new Decoding(data, name).run();
    } catch (RuntimeException e) {
      // JOrbis meets bitstreams it cannot parse with runtime exceptions (array bounds)
      throw AudioLimits.refusal("tệp Ogg Vorbis " + name + " hỏng, bộ giải mã không đọc được dữ liệu",
          "Ogg Vorbis file " + name + " is corrupt: its data cannot be decoded", e);
    }
  }

  /** One pass over one file. */
  private static final class Decoding {
    private final byte[] data;
    private final String name;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info info = new Info();
    private final Comment comment = new Comment();
    private final DspState dsp = new DspState();
    private final Block block = new Block(dsp);
    /** Bytes handed to the sync layer. */
    private int fed;
    /** Bytes of the whole pages read so far: where the next page starts. */
    private long consumed;
    private long pageStart;
    private int pages;
    private int serial;
    private long lastGranule = -1;
    /**
     * The first audio page's granule position less the samples decoded through it: 0 for a file
     * encoded from its start, more for a stream cut from a longer one, whose positions run on.
     */
    private long startOffset = -1;
    private boolean endOfStream;
    private float[] samples = new float[0];
    private int written;

    Decoding(byte[] data, String name) {
      this.data = data;
      this.name = name;
      sync.init();
    }

    PcmClip run() throws AudioException {
      if (!nextPage()) {
        throw new AudioException(name + ": truncated, the file ends inside its first Ogg page");
      }
      serial = page.serialno();
      stream.init(serial);
      info.init();
      comment.init();
      pageIn();
      if (stream.packetout(packet) != 1) {
        throw new AudioException(name + ": corrupt, the first Ogg page holds no whole packet");
      }
      if (info.synthesis_headerin(comment, packet) < 0) {
        throw new AudioException(name + ": an Ogg file holding " + codecOf(packet)
            + ", not Vorbis (of Ogg files, Vorbis is supported)");
      }
      formatOf(info);
      for (int headers = 1; headers < 3;) {
        int got = stream.packetout(packet);
        if (got == 1) {
          if (info.synthesis_headerin(comment, packet) < 0) {
            throw new AudioException(name + ": corrupt Vorbis header " + (headers + 1) + " of 3");
          }
          headers++;
        } else if (got < 0) {
          throw missingPage();
        } else if (nextPage()) {
          pageIn();
        } else {
          throw new AudioException(name + ": truncated, the file ends inside the Vorbis headers (byte "
              + data.length + ")");
        }
      }
      PcmFormat format = formatOf(info);
      dsp.synthesis_init(info);
      block.init(dsp);
      samples = new float[initialCapacity(format.channels())];
      decodeAudio(format.channels());
      return finish(format);
    }

    private void decodeAudio(int channels) throws AudioException {
      float[][][] pcm = new float[1][][];
      int[] index = new int[channels];
      AudioLimits.DecodeClock clock = AudioLimits.DecodeClock.started(name);
      while (true) {
        clock.check(written / channels / (double) info.rate);
        int got = stream.packetout(packet);
        if (got == 1) {
          if (block.synthesis(packet) != 0) {
            throw new AudioException(name + ": corrupt, an audio packet in the Ogg page at byte " + pageStart
                + " cannot be decoded");
          }
          dsp.synthesis_blockin(block);
          int frames;
          while ((frames = dsp.synthesis_pcmout(pcm, index)) > 0) {
            AudioLimits.checkLength(name, (long) written / channels + frames, info.rate, channels);
            append(pcm[0], index, frames, channels);
            dsp.synthesis_read(frames);
          }
        } else if (got < 0) {
          throw missingPage();
        } else if (startOffset < 0 && lastGranule > 0) {
          startOffset = Math.max(0, lastGranule - written / channels);
        } else if (endOfStream) {
          return;
        } else if (nextPage()) {
          pageIn();
        } else {
          throw new AudioException(name + ": truncated, the file ends without the Ogg stream's last page"
              + " (whole pages up to byte " + consumed + " of " + data.length + ", "
              + seconds(written / channels) + " s of audio)");
        }
      }
    }

    private PcmClip finish(PcmFormat format) throws AudioException {
      int channels = format.channels();
      long frames = written / channels;
      if (frames == 0) {
        throw new AudioException(name + ": holds no audio");
      }
      long counted = lastGranule - Math.max(0, startOffset);
      if (lastGranule >= 0 && frames < counted) {
        throw new AudioException(name + ": corrupt, only " + frames + " of the " + counted
            + " samples per channel its Ogg pages count could be decoded");
      }
      int length = lastGranule >= 0 ? Math.toIntExact(counted * channels) : written;
      int trailing = consumed < data.length ? indexOf(data, (int) consumed, "OggS") : -1;
      if (trailing >= 0) {
        throw new AudioException(name + ": holds a second Ogg stream at byte " + trailing
            + " (chained Ogg files are not supported: re-encode it as one recording)");
      }
      return PcmClip.front(format, samples, length);
    }

    /** Reads the next whole page, handing the sync layer more of the file as it needs; false at the end. */
    private boolean nextPage() throws AudioException {
      while (true) {
        int got = sync.pageout(page);
        if (got == 1) {
          pageStart = consumed;
          consumed += page.header_len + page.body_len;
          pages++;
          return true;
        }
        if (got < 0) {
          throw new AudioException(name + ": corrupt Ogg data at byte " + consumed + " of " + data.length
              + " (a page whose checksum fails, or bytes that are no page, after " + pages + " good pages)");
        }
        if (fed == data.length) {
          pageClaimBeyondFile();
          return false;
        }
        int n = Math.min(CHUNK, data.length - fed);
        int at = sync.buffer(n);
        System.arraycopy(data, fed, sync.data, at, n);
        sync.wrote(n);
        fed += n;
      }
    }

    /**
     * At the end of the bytes with no whole page left: when a page header is there, the page it
     * claims is longer than the bytes left, and that is what the operator is told.
     */
    private void pageClaimBeyondFile() throws AudioException {
      int at = (int) consumed;
      if (at + 27 > data.length || !matches(data, at, "OggS")) {
        return;
      }
      int segments = data[at + 26] & 0xFF;
      long claimed = 27L + segments;
      if (at + claimed <= data.length) {
        for (int i = 0; i < segments; i++) {
          claimed += data[at + 27 + i] & 0xFF;
        }
      }
      String[] what = {"trang Ogg ở byte " + AudioLimits.vi(at), "the Ogg page at byte " + AudioLimits.en(at)};
      AudioLimits.checkClaim(name, what, claimed, at, data.length);
    }

    private void pageIn() throws AudioException {
      if (page.serialno() != serial) {
        throw new AudioException(name + ": holds a second Ogg stream at byte " + pageStart
            + " (chained or multiplexed Ogg files are not supported)");
      }
      if (stream.pagein(page) < 0) {
        throw new AudioException(name + ": corrupt Ogg page at byte " + pageStart);
      }
      if (page.granulepos() >= 0) {
        lastGranule = page.granulepos();
      }
      if (page.eos() != 0) {
        endOfStream = true;
      }
    }

    private AudioException missingPage() {
      return new AudioException(name + ": corrupt, an Ogg page is missing before the page at byte " + pageStart);
    }

    private void append(float[][] pcm, int[] index, int frames, int channels) {
      int needed = written + frames * channels;
      if (needed > samples.length) {
        samples = Arrays.copyOf(samples, Math.max(needed, samples.length + samples.length / 2));
      }
      for (int c = 0; c < channels; c++) {
        float[] channel = pcm[c];
        int from = index[c];
        for (int i = 0; i < frames; i++) {
          // Vorbis may overshoot full scale a little; the station's samples stay within [-1, 1]
          samples[written + i * channels + c] = Math.max(-1f, Math.min(1f, channel[from + i]));
        }
      }
      written = needed;
    }

    /**
     * Room for the samples the file's last page announces, so a whole file needs no growing; never
     * more than the bytes could plausibly hold, so a damaged position cannot ask for gigabytes.
     */
    private int initialCapacity(int channels) {
      long plausible = 64L * data.length + (1 << 20);
      int last = lastIndexOf(data, "OggS");
      if (last >= 0 && last + 14 <= data.length) {
        long granule = 0;
        for (int i = 7; i >= 0; i--) {
          granule = (granule << 8) | (data[last + 6 + i] & 0xFF);
        }
        if (granule > 0) {
          return (int) Math.min(Math.min(plausible, Integer.MAX_VALUE - 16), (granule + 8192) * channels);
        }
      }
      return (int) Math.min(plausible, 1 << 22);
    }

    private String seconds(long frames) {
      return String.format(java.util.Locale.ROOT, "%.1f", frames / (double) info.rate);
    }

    private PcmFormat formatOf(Info vorbis) throws AudioException {
      AudioLimits.checkSampleRate(name, vorbis.rate);
      AudioLimits.checkChannels(name, vorbis.channels);
      return new PcmFormat(vorbis.rate, vorbis.channels);
    }
  }

  /** What an Ogg stream carries, told by its first packet, for the message when it is not Vorbis. */
  private static String codecOf(Packet first) {
    String head = new String(first.packet_base, first.packet, Math.min(8, first.bytes), StandardCharsets.ISO_8859_1);
    if (head.startsWith("OpusHead")) {
      return "Opus";
    }
    if (head.startsWith("\u007fFLAC")) {
      return "FLAC";
    }
    if (head.startsWith("Speex")) {
      return "Speex";
    }
    if (head.startsWith("\u0080theora")) {
      return "Theora video";
    }
    return "an unknown codec";
  }

  private static int indexOf(byte[] data, int from, String text) {
    for (int i = from; i + text.length() <= data.length; i++) {
      if (matches(data, i, text)) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] data, String text) {
    for (int i = data.length - text.length(); i >= Math.max(0, data.length - 256 * 1024); i--) {
      if (matches(data, i, text)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matches(byte[] data, int at, String text) {
    for (int k = 0; k < text.length(); k++) {
      if (data[at + k] != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
