package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.AudioLimits;
import io.loaxa.audio.Id3v2Tag;
import java.util.OptionalLong;

/**
 * Walks the frame headers of an MP3 file (ISO 11172-3 / 13818-3) without decoding, so a file cut
 * short or with garbage inside is refused with the byte where it goes wrong. The decoder itself
 * skips such damage silently. Reads the Xing/Info header LAME writes into the first frame for the
 * frame count promised.
 */
final class Mp3Frames {
  private static final int[][] BITRATES_KBPS = {
      {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
      {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // MPEG-1 layer II
      {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG-1 layer III
      {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // MPEG-2/2.5 layer I
      {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}, // MPEG-2/2.5 layer II, III
  };
  private static final int[][] RATES = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}};

  /** What the walk found: frame count, audio frames (samples per channel) they hold, stream shape. */
  record Scan(long frames, long samples, int sampleRate, int channels, OptionalLong promisedFrames) {}

  /** One parsed frame header. */
  record Header(int version, int layer, int sampleRate, int channels, int length, int samplesPerFrame) {}

  private Mp3Frames() {}

  static boolean looksLikeMp3(byte[] head) {
    if (head.length >= 3 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
      return true;
    }
    return head.length >= 4 && header(head, 0) != null;
  }

  static Scan scan(byte[] data, String name) throws AudioException {
    int pos = Id3v2Tag.end(data, name);
    Header first = pos + 4 <= data.length ? header(data, pos) : null;
    if (first == null) {
      throw new AudioException(name + ": not an MP3 file (no MPEG audio frame at byte " + pos + " of " + data.length
          + ")");
    }
    AudioLimits.checkSampleRate(name, first.sampleRate());
    OptionalLong promised = xingFrames(data, pos, first);
    long frames = 0;
    long samples = 0;
    boolean xingFrame = promised.isPresent();
    while (pos < data.length) {
      if (isTrailingTag(data, pos)) {
        break;
      }
      Header h = pos + 4 <= data.length ? header(data, pos) : null;
      if (h == null || h.version() != first.version() || h.layer() != first.layer()
          || h.sampleRate() != first.sampleRate()) {
        throw new AudioException(name + ": corrupt MP3 data at byte " + pos + " of " + data.length
            + " (after " + frames + " good frames)");
      }
      if (pos + h.length() > data.length) {
        throw new AudioException(name + ": truncated, the MP3 frame at byte " + pos + " needs " + h.length()
            + " bytes but only " + (data.length - pos) + " are left");
      }
      if (xingFrame) {
        xingFrame = false; // the Info frame carries no audio
      } else {
        frames++;
        samples += h.samplesPerFrame();
      }
      pos += h.length();
    }
    if (frames == 0) {
      throw new AudioException(name + ": holds no MP3 audio frames");
    }
    AudioLimits.checkLength(name, samples, first.sampleRate(), first.channels());
    if (promised.isPresent() && frames < promised.getAsLong()) {
      throw new AudioException(name + ": truncated, " + frames + " of the " + promised.getAsLong()
          + " MP3 frames its header announces are present");
    }
    return new Scan(frames, samples, first.sampleRate(), first.channels(), promised);
  }

  private static boolean isTrailingTag(byte[] data, int pos) {
    boolean id3v1 = data.length - pos == 128 && data[pos] == 'T' && data[pos + 1] == 'A' && data[pos + 2] == 'G';
    boolean ape = data.length - pos >= 32 && new String(data, pos, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("APETAGEX");
    boolean lyrics = data.length - pos >= 11 && new String(data, pos, 11, java.nio.charset.StandardCharsets.US_ASCII).equals("LYRICSBEGIN");
    return id3v1 || ape || lyrics;
  }

  /** The header at {@code pos}, or null when the four bytes there are not a valid one. */
  static Header header(byte[] d, int pos) {
    int b1 = d[pos] & 0xFF;
    int b2 = d[pos + 1] & 0xFF;
    int b3 = d[pos + 2] & 0xFF;
    int b4 = d[pos + 3] & 0xFF;
    if (b1 != 0xFF || (b2 & 0xE0) != 0xE0) {
      return null;
    }
    int version = (b2 >> 3) & 3; // 0: 2.5, 2: 2, 3: 1
    int layerBits = (b2 >> 1) & 3; // 1: III, 2: II, 3: I
    int bitrateIndex = (b3 >> 4) & 0xF;
    int rateIndex = (b3 >> 2) & 3;
    if (version == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
      return null; // reserved values; free format is not used by broadcast encoders
    }
    int layer = 4 - layerBits;
    boolean mpeg1 = version == 3;
    int table = mpeg1 ? layer - 1 : (layer == 1 ? 3 : 4);
    int bitrate = BITRATES_KBPS[table][bitrateIndex] * 1000;
    int rate = RATES[version][rateIndex];
    int padding = (b3 >> 1) & 1;
    int channels = ((b4 >> 6) & 3) == 3 ? 1 : 2;
    int length;
    int samplesPerFrame;
    if (layer == 1) {
      length = (12 * bitrate / rate + padding) * 4;
      samplesPerFrame = 384;
    } else if (layer == 2 || mpeg1) {
      length = 144 * bitrate / rate + padding;
      samplesPerFrame = 1152;
    } else {
      length = 72 * bitrate / rate + padding;
      samplesPerFrame = 576;
    }
    return new Header(version, layer, rate, channels, length, samplesPerFrame);
  }

  private static OptionalLong xingFrames(byte[] d, int pos, Header h) {
    if (h.layer() != 3) {
      return OptionalLong.empty();
    }
    boolean mpeg1 = h.version() == 3;
    int sideInfo = mpeg1 ? (h.channels() == 1 ? 17 : 32) : (h.channels() == 1 ? 9 : 17);
    int at = pos + 4 + sideInfo;
    if (at + 12 > d.length) {
      return OptionalLong.empty();
    }
    String tag = new String(d, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
    if (!tag.equals("Xing") && !tag.equals("Info")) {
      return OptionalLong.empty();
    }
    int flags = readInt(d, at + 4);
    if ((flags & 1) == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(readInt(d, at + 8) & 0xFFFFFFFFL);
  }

  private static int readInt(byte[] d, int at) {
    return ((d[at] & 0xFF) << 24) | ((d[at + 1] & 0xFF) << 16) | ((d[at + 2] & 0xFF) << 8) | (d[at + 3] & 0xFF);
  }
}
