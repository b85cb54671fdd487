package io.loaxa.audio.jflac;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.AudioLimits;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.metadata.StreamInfo;

/**
 * Decodes a FLAC recording (any rate, mono or stereo, 8 to 24-bit) with jFLAC. Left to itself the
 * decoder reports a damaged frame to a listener and plays on: a frame whose checksum fails becomes
 * silence, one whose header is garbage is skipped, and a file cut short just ends early. Here any
 * such report refuses the file (with the byte near where it happened), and the audio is held
 * against what the encoder wrote into the STREAMINFO block: the number of samples (a file cut
 * short is refused as truncated) and the MD5 signature of the samples, when the encoder wrote one.
 */
public final class FlacFiles {
  private static final int STREAMINFO_LENGTH = 34;

  private FlacFiles() {}

  /**
   * Where the FLAC stream starts in the bytes: 0 when they start with "fLaC", after an ID3v2 tag
   * that some taggers put in front of it, or -1 when the bytes are not FLAC.
   */
  public static int streamStart(byte[] data) {
    int at = 0;
    if (data.length >= 10 && data[0] == 'I' && data[1] == 'D' && data[2] == '3') {
      int size = ((data[6] & 0x7F) << 21) | ((data[7] & 0x7F) << 14) | ((data[8] & 0x7F) << 7) | (data[9] & 0x7F);
      at = 10 + size + ((data[5] & 0x10) != 0 ? 10 : 0);
    }
    boolean flac = at + 4 <= data.length && data[at] == 'f' && data[at + 1] == 'L' && data[at + 2] == 'a'
        && data[at + 3] == 'C';
    return flac ? at : -1;
  }

  /**
   * The whole recording as a clip in its own rate and channels.
   *
   * @param name the file, for messages
   * @throws AudioException naming the file and what is wrong: not FLAC, an unsupported shape,
   *     truncated, or corrupt (with the byte near where it goes wrong)
   */
  public static PcmClip decode(byte[] data, String name) throws AudioException {
    int start = streamStart(data);
    if (start < 0) {
      throw new AudioException(name + ": not a FLAC file (no \"fLaC\" marker)");
    }
    int frames = metadataBlocks(data, start, name);
    try {
      return new Decoding(data, start, frames, name).run();
    } catch (EOFException e) {
      throw new AudioException(name + ": truncated, the file ends inside its FLAC header (" + data.length
          + " bytes)", e);
    } catch (IOException e) {
      throw AudioLimits.refusal("tệp FLAC " + name + " hỏng ở phần đầu", "FLAC file " + name
          + " has a corrupt header", e);
    } catch (RuntimeException e) {
      // jFLAC meets bitstreams it cannot parse with runtime exceptions (array bounds); the cause goes to the log
      throw AudioLimits.refusal("tệp FLAC " + name + " hỏng, bộ giải mã không đọc được dữ liệu", "FLAC file " + name
          + " is corrupt: its data cannot be decoded", e);
    }
  }

  /**
   * Walks the metadata blocks before the decoder sees them: each block's length is held against the
   * bytes present, and STREAMINFO (first, 34 bytes) against the station's limits.
   */
  /**
   * @return where the first frame starts
   */
  static int metadataBlocks(byte[] data, int start, String name) throws AudioException {
    int at = start + 4;
    for (int index = 0;; index++) {
      if (at + 4 > data.length) {
        throw AudioLimits.claimBeyondFile(name, new String[] {"khối siêu dữ liệu FLAC thứ " + (index + 1),
            "FLAC metadata block " + (index + 1)}, 4, data.length - at);
      }
      boolean last = (data[at] & 0x80) != 0;
      int type = data[at] & 0x7F;
      long length = (data[at + 1] & 0xFFL) << 16 | (data[at + 2] & 0xFFL) << 8 | (data[at + 3] & 0xFFL);
      AudioLimits.checkClaim(name, new String[] {"khối siêu dữ liệu FLAC thứ " + (index + 1) + " ở byte "
          + AudioLimits.vi(at), "FLAC metadata block " + (index + 1) + " at byte " + AudioLimits.en(at)},
          length, at + 4, data.length);
      if (index == 0) {
        if (type != 0 || length != STREAMINFO_LENGTH) {
          throw new AudioException(name + ": corrupt, the FLAC stream does not start with its STREAMINFO block");
        }
        streamInfoBounds(data, at + 4, name);
      } else if (type == 0 || type == 127) {
        throw AudioLimits.refusal("tệp FLAC " + name + " hỏng: khối siêu dữ liệu thứ " + (index + 1) + " có kiểu "
            + type + " không hợp lệ", "FLAC file " + name + " is corrupt: metadata block " + (index + 1)
            + " has the invalid type " + type);
      }
      at += 4 + (int) length;
      if (last) {
        return at;
      }
    }
  }

  private static void streamInfoBounds(byte[] d, int at, String name) throws AudioException {
    int minBlock = (d[at] & 0xFF) << 8 | (d[at + 1] & 0xFF);
    int maxBlock = (d[at + 2] & 0xFF) << 8 | (d[at + 3] & 0xFF);
    long rate = (d[at + 10] & 0xFFL) << 12 | (d[at + 11] & 0xFFL) << 4 | (d[at + 12] & 0xF0L) >> 4;
    int channels = ((d[at + 12] & 0x0E) >> 1) + 1;
    int bits = ((d[at + 12] & 0x01) << 4 | (d[at + 13] & 0xF0) >> 4) + 1;
    long total = (d[at + 13] & 0x0FL) << 32 | (d[at + 14] & 0xFFL) << 24 | (d[at + 15] & 0xFFL) << 16
        | (d[at + 16] & 0xFFL) << 8 | (d[at + 17] & 0xFFL);
    AudioLimits.checkSampleRate(name, rate);
    AudioLimits.checkChannels(name, channels);
    if (minBlock < 16 || maxBlock < minBlock) {
      throw AudioLimits.refusal("tệp FLAC " + name + " hỏng: STREAMINFO ghi cỡ khối " + minBlock + "–" + maxBlock
          + " mẫu (phải từ 16 trở lên)", "FLAC file " + name + " is corrupt: its STREAMINFO gives block sizes of "
          + minBlock + "–" + maxBlock + " samples (16 or more are valid)");
    }
    if (bits < 4 || bits > 24) {
      throw AudioLimits.refusal("tệp FLAC " + name + " dùng " + bits + " bit mỗi mẫu, không được hỗ trợ (4 đến 24 bit)",
          "FLAC file " + name + " uses " + bits + " bits per sample, unsupported (4 to 24 are)");
    }
    AudioLimits.checkLength(name, total, (int) rate, channels);
  }

  /** One pass over one file. */
  private static final class Decoding implements FrameListener {
    private final byte[] data;
    private final int start;
    private final String name;
    private final FLACDecoder decoder;
    /** What the decoder reported, with the byte it had read up to then. */
    private final List<Report> errors = new ArrayList<>();
    /** Where the decoder starts looking for the next frame: the end of the last one. */
    private long frameStart;
    private float[] samples;
    private int written;

    /** Where the frames start in the file less where they start in what the decoder reads. */
    private final long shift;

    Decoding(byte[] data, int start, int frames, String name) {
      this.data = data;
      this.start = start;
      this.name = name;
      // the decoder sees STREAMINFO alone: comments, pictures and seek tables are not needed to play,
      // and jFLAC walks a comment block's claimed count of entries for as long as it says
      byte[] head = Arrays.copyOfRange(data, start, start + 8 + STREAMINFO_LENGTH);
      head[4] |= (byte) 0x80;
      this.shift = frames - head.length;
      this.decoder = new FLACDecoder(new SequenceInputStream(new ByteArrayInputStream(head),
          new ByteArrayInputStream(data, frames, data.length - frames)));
      decoder.addFrameListener(this);
    }

    PcmClip run() throws IOException, AudioException {
      StreamInfo info = streamInfo(decoder.readMetadata());
      int channels = info.getChannels();
      int bits = info.getBitsPerSample();
      int rate = info.getSampleRate();
      AudioLimits.checkSampleRate(name, rate);
      AudioLimits.checkChannels(name, channels);
      long total = info.getTotalSamples();
      AudioLimits.checkLength(name, total, rate, channels);
      AudioLimits.DecodeClock clock = AudioLimits.DecodeClock.started(name);
      // room for the length announced, within what the bytes could plausibly hold (a damaged
      // header must not ask for gigabytes); anything beyond grows as it is decoded
      long plausible = 512L * data.length + (1 << 20);
      long room = Math.min(total > 0 ? total * channels : 1 << 20, plausible);
      samples = new float[(int) Math.min(room, Integer.MAX_VALUE - 16)];
      MessageDigest md5 = md5();
      int bytesPerSample = (bits + 7) / 8;
      byte[] pcm = new byte[0];
      double scale = 1L << (bits - 1);
      // stop at the announced end: past it jFLAC no longer looks for a frame's sync code and would
      // spin forever on bytes after the last frame
      while (total == 0 || written / channels < total) {
        int errorsBefore = errors.size();
        frameStart = shift + decoder.getTotalBytesRead();
        Frame frame = decoder.readNextFrame();
        if (frame == null) {
          break;
        }
        if (errors.size() > errorsBefore) {
          throw corrupt(errors.get(errorsBefore));
        }
        int frames = frame.header.blockSize;
        clock.check(written / channels / (double) rate);
        AudioLimits.checkLength(name, (long) written / channels + frames, rate, channels);
        if (frame.header.channels != channels) {
          throw corrupt("a frame of " + frame.header.channels + " channels in a " + channels + "-channel stream");
        }
        ChannelData[] channelData = decoder.getChannelData();
        int needed = written + frames * channels;
        if (needed > samples.length) {
          samples = Arrays.copyOf(samples, Math.max(needed, samples.length + samples.length / 2));
        }
        if (pcm.length < frames * channels * bytesPerSample) {
          pcm = new byte[frames * channels * bytesPerSample];
        }
        int b = 0;
        for (int i = 0; i < frames; i++) {
          for (int c = 0; c < channels; c++) {
            int value = channelData[c].getOutput()[i];
            samples[written + i * channels + c] = (float) (value / scale);
            // the signature is over the samples as signed little-endian bytes, interleaved
            for (int k = 0; k < bytesPerSample; k++) {
              pcm[b++] = (byte) (value >> (8 * k));
            }
          }
        }
        md5.update(pcm, 0, b);
        written = needed;
      }
      long decoded = written / channels;
      if (total > 0 && decoded < total) {
        throw new AudioException(name + ": truncated, " + decoded + " of the " + total
            + " samples per channel its STREAMINFO announces are present (" + seconds(decoded, rate) + " of "
            + seconds(total, rate) + " s)");
      }
      // damage in a frame that decoded was refused above; what is left was met looking for a frame
      // that never came: the file is cut short, or it is damaged near its end
      if (!errors.isEmpty()) {
        throw corrupt(errors.get(0));
      }
      if (decoded == 0) {
        throw new AudioException(name + ": holds no audio");
      }
      byte[] promised = Arrays.copyOfRange(data, start + 26, start + 26 + 16);
      if (!isZero(promised) && !MessageDigest.isEqual(promised, md5.digest())) {
        throw new AudioException(name + ": corrupt, the decoded audio does not match the MD5 signature in its"
            + " STREAMINFO");
      }
      int length = total > 0 ? Math.toIntExact(total * channels) : written;
      return PcmClip.front(new PcmFormat(rate, channels), samples, length);
    }

    private StreamInfo streamInfo(Metadata[] metadata) throws AudioException {
      boolean first = data.length >= start + 8 + STREAMINFO_LENGTH && (data[start + 4] & 0x7F) == 0
          && ((data[start + 5] & 0xFF) << 16 | (data[start + 6] & 0xFF) << 8 | (data[start + 7] & 0xFF))
              == STREAMINFO_LENGTH;
      if (!first || metadata.length == 0 || !(metadata[0] instanceof StreamInfo info)) {
        throw new AudioException(name + ": corrupt, the FLAC stream does not start with its STREAMINFO block");
      }
      return info;
    }

    private AudioException corrupt(String what) {
      return corrupt(new Report(what, frameStart));
    }

    private AudioException corrupt(Report report) {
      // jFLAC's own words ("CRC Error: 5e14 vs 2c06") stay out of the operator's sentence
      String what = report.message().contains("CRC") ? "its checksum fails" : "it cannot be read";
      return new AudioException(name + ": corrupt FLAC frame at byte " + report.at() + " of " + data.length
          + " (" + what + ")");
    }

    @Override
    public void processMetadata(Metadata metadata) {
      // read through readMetadata's answer instead
    }

    @Override
    public void processFrame(Frame frame) {
      // frames are taken from readNextFrame, with the decoder's channel data
    }

    @Override
    public void processError(String message) {
      errors.add(new Report(message, frameStart));
    }
  }

  /** A damaged frame the decoder reported, and where that frame starts. */
  private record Report(String message, long at) {}

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String seconds(long frames, int rate) {
    return String.format(java.util.Locale.ROOT, "%.1f", frames / (double) rate);
  }
}
