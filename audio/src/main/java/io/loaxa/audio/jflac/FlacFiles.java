package io.loaxa.audio.jflac;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
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
    try {
      return new Decoding(data, start, name).run();
    } catch (EOFException e) {
      throw new AudioException(name + ": truncated, the file ends inside its FLAC header (" + data.length
          + " bytes)", e);
    } catch (IOException e) {
      throw new AudioException(name + ": corrupt FLAC header (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      // jFLAC meets bitstreams it cannot parse with runtime exceptions (array bounds)
      throw new AudioException(name + ": corrupt FLAC data (" + e + ")", e);
    }
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

    Decoding(byte[] data, int start, String name) {
      this.data = data;
      this.start = start;
      this.name = name;
      this.decoder = new FLACDecoder(new ByteArrayInputStream(data, start, data.length - start));
      decoder.addFrameListener(this);
    }

    PcmClip run() throws IOException, AudioException {
      StreamInfo info = streamInfo(decoder.readMetadata());
      int channels = info.getChannels();
      int bits = info.getBitsPerSample();
      int rate = info.getSampleRate();
      if (rate < 4_000 || rate > 192_000 || channels < 1 || channels > 8 || bits < 4 || bits > 24) {
        throw new AudioException(name + ": unsupported FLAC stream of " + channels + " channels, " + bits
            + "-bit at " + rate + " Hz (up to 8 channels, 24-bit, 4 to 192 kHz are)");
      }
      long total = info.getTotalSamples();
      if (total * channels > Integer.MAX_VALUE - 8) {
        throw new AudioException(name + ": too long to hold in memory (" + total / rate + " s)");
      }
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
        frameStart = start + decoder.getTotalBytesRead();
        Frame frame = decoder.readNextFrame();
        if (frame == null) {
          break;
        }
        if (errors.size() > errorsBefore) {
          throw corrupt(errors.get(errorsBefore));
        }
        int frames = frame.header.blockSize;
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
      return new AudioException(name + ": corrupt FLAC frame at byte " + report.at() + " of " + data.length
          + " (the decoder reports: " + report.message() + ")");
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
