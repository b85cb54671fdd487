package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioDecoder;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.AudioLimits;
import io.loaxa.audio.Id3v2Tag;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import io.loaxa.audio.jflac.FlacFiles;
import io.loaxa.audio.jorbis.OggVorbisFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Decodes recorded files and streams, telling a file's format by its first bytes, never by its
 * name. Through Java Sound: WAV (PCM 8/16/24/32-bit, any rate, mono or stereo) with the JDK's own
 * reader, MP3 with the pure-Java JLayer decoder that the mp3spi library plugs into Java Sound. MP3
 * files are walked frame by frame first ({@link Mp3Frames}) so damage the decoder would skip over
 * is refused. Ogg Vorbis and FLAC files are handed to their own decoders ({@link OggVorbisFiles},
 * {@link FlacFiles}), which refuse damage the same way.
 */
public final class JavaSoundFiles {
  /** Enough for mp3spi to find the first frames behind a large ID3 tag at the start of a stream. */
  private static final int STREAM_MARK = 256 * 1024;

  private JavaSoundFiles() {}

  /** Decodes a whole file, as {@link AudioDecoder#decode} says. */
  public static PcmClip decode(Path file) throws AudioException {
    if (!Files.isRegularFile(file)) {
      throw new AudioException("audio file not found: " + file);
    }
    String name = file.toString();
    byte[] data;
    try {
      AudioLimits.checkFileSize(name, Files.size(file));
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AudioException("cannot read audio file " + file + ": " + e.getMessage(), e);
    }
    return decode(data, name);
  }

  /**
   * Decodes a whole file held in memory, told by its first bytes; {@code name} is used in messages.
   */
  public static PcmClip decode(byte[] data, String name) throws AudioException {
    AudioLimits.checkFileSize(name, data.length);
    if (WavFiles.looksLikeWav(data)) {
      return WavFiles.decode(data, name);
    }
    if (OggVorbisFiles.looksLikeOgg(data)) {
      return OggVorbisFiles.decode(data, name);
    }
    // a tag claiming more than the file holds is refused for that before anything looks behind it
    Id3v2Tag.end(data, name);
    if (FlacFiles.streamStart(data) >= 0) {
      return FlacFiles.decode(data, name);
    }
    if (Mp3Frames.looksLikeMp3(Arrays.copyOf(data, Math.min(data.length, 4)))) {
      return decodeMp3(data, name);
    }
    throw new AudioException(name + ": not a supported audio file (WAV, MP3, Ogg Vorbis or FLAC are)");
  }

  private static PcmClip decodeMp3(byte[] data, String name) throws AudioException {
    Mp3Frames.Scan scan = Mp3Frames.scan(data, name);
    AudioLimits.DecodeClock clock = AudioLimits.DecodeClock.started(name);
    try (AudioInputStream mp3 = AudioSystem.getAudioInputStream(new ByteArrayInputStream(data));
        AudioInputStream pcm = toPcm16(mp3, name)) {
      AudioFormat format = pcm.getFormat();
      byte[] bytes = readDecoded(pcm, scan, clock);
      int frames = bytes.length / format.getFrameSize();
      // the decoder drops a frame or two of its own delay; more missing means it gave up early
      if (frames < scan.samples() - 4L * 1152) {
        throw new AudioException(name + ": corrupt, only " + frames + " of " + scan.samples()
            + " samples per channel could be decoded");
      }
      return toClip(bytes, frames, format, name);
    } catch (UnsupportedAudioFileException e) {
      throw AudioLimits.refusal("tệp " + name + " không đọc được như MP3", "file " + name + " is not a readable MP3 file",
          e);
    } catch (IOException | RuntimeException e) {
      // JLayer reports damage as runtime exceptions (array bounds, bitstream errors); the cause goes to the log
      throw AudioLimits.refusal("tệp MP3 " + name + " hỏng, bộ giải mã không đọc được dữ liệu", "MP3 file " + name
          + " is corrupt: its data cannot be decoded", e);
    }
  }

  /**
   * The decoder's output, read with the time it takes watched; never more than the frames the scan
   * counted can hold, so the buffer is bounded by the bytes of the file.
   */
  private static byte[] readDecoded(AudioInputStream pcm, Mp3Frames.Scan scan, AudioLimits.DecodeClock clock)
      throws IOException, AudioException {
    int frameSize = pcm.getFormat().getFrameSize();
    long most = (scan.samples() + 2L * 1152) * frameSize;
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(most, 1 << 24));
    byte[] chunk = new byte[64 * 1024];
    int n;
    while ((n = pcm.read(chunk)) > 0) {
      out.write(chunk, 0, (int) Math.min(n, Math.max(0, most - out.size())));
      clock.check(out.size() / (double) frameSize / scan.sampleRate());
    }
    return out.toByteArray();
  }

  /** Decodes a live MP3 stream, as {@link AudioDecoder#stream} says. */
  public static PcmSource stream(InputStream in, String name) throws AudioException {
    try {
      BufferedInputStream buffered = new BufferedInputStream(in, STREAM_MARK);
      AudioInputStream mp3 = AudioSystem.getAudioInputStream(buffered);
      if (!mp3.getFormat().getEncoding().toString().startsWith("MPEG")) {
        throw new AudioException(name + ": the stream is " + mp3.getFormat().getEncoding() + ", not MP3");
      }
      return new StreamSource(toPcm16(mp3, name), name);
    } catch (UnsupportedAudioFileException e) {
      throw AudioLimits.refusal("luồng " + name + " không phải MP3", "stream " + name + " is not MP3", e);
    } catch (IOException | RuntimeException e) {
      throw AudioLimits.refusal("không bắt đầu giải mã được luồng " + name, "cannot start decoding stream " + name, e);
    }
  }

  private static AudioInputStream toPcm16(AudioInputStream mp3, String name) throws AudioException {
    AudioFormat base = mp3.getFormat();
    AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, base.getSampleRate(), 16,
        base.getChannels(), base.getChannels() * 2, base.getSampleRate(), false);
    try {
      return AudioSystem.getAudioInputStream(pcm, mp3);
    } catch (IllegalArgumentException e) {
      throw new AudioException(name + ": no MP3 decoder for " + base + " (" + e.getMessage() + ")", e);
    }
  }

  private static PcmClip toClip(byte[] bytes, int frames, AudioFormat format, String name) throws AudioException {
    if (frames == 0) {
      throw new AudioException(name + ": holds no audio");
    }
    int channels = format.getChannels();
    float[] samples = new float[frames * channels];
    toFloats(bytes, samples, samples.length, format);
    return new PcmClip(new PcmFormat(Math.round(format.getSampleRate()), channels), samples);
  }

  static void toFloats(byte[] bytes, float[] samples, int count, AudioFormat format) {
    int bits = format.getSampleSizeInBits();
    int bytesPerSample = bits / 8;
    boolean unsigned = format.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
    boolean bigEndian = format.isBigEndian();
    double scale = Math.pow(2, bits - 1);
    for (int i = 0; i < count; i++) {
      int offset = i * bytesPerSample;
      long value = 0;
      for (int b = 0; b < bytesPerSample; b++) {
        int index = bigEndian ? offset + b : offset + bytesPerSample - 1 - b;
        value = (value << 8) | (bytes[index] & 0xFF);
      }
      if (unsigned) {
        value -= (long) scale;
      } else if ((value & (1L << (bits - 1))) != 0) {
        value -= 1L << bits;
      }
      samples[i] = (float) (value / scale);
    }
  }

  /** A decoded MP3 stream read as it arrives. */
  private static final class StreamSource implements PcmSource {
    private final AudioInputStream pcm;
    private final AudioFormat format;
    private final PcmFormat pcmFormat;
    private final String name;
    private byte[] bytes = new byte[0];
    private int carry;

    StreamSource(AudioInputStream pcm, String name) {
      this.pcm = pcm;
      this.format = pcm.getFormat();
      this.pcmFormat = new PcmFormat(Math.round(format.getSampleRate()), format.getChannels());
      this.name = name;
    }

    @Override
    public PcmFormat format() {
      return pcmFormat;
    }

    @Override
    public int read(float[] target, int frames) throws AudioException {
      int frameSize = format.getFrameSize();
      int want = frames * frameSize;
      if (bytes.length < want) {
        bytes = Arrays.copyOf(bytes, want);
      }
      try {
        while (carry < frameSize) {
          int n = pcm.read(bytes, carry, want - carry);
          if (n < 0) {
            return -1;
          }
          carry += n;
        }
      } catch (IOException | RuntimeException e) {
        throw new AudioException(name + ": stream broke off (" + e.getMessage() + ")", e);
      }
      int whole = carry / frameSize;
      toFloats(bytes, target, whole * format.getChannels(), format);
      int rest = carry - whole * frameSize;
      System.arraycopy(bytes, whole * frameSize, bytes, 0, rest);
      carry = rest;
      return whole;
    }

    @Override
    public void close() {
      try {
        pcm.close();
      } catch (IOException e) {
        // closing a broken stream: nothing more to learn from it
        return;
      }
    }
  }
}
