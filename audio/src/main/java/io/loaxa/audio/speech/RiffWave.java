package io.loaxa.audio.speech;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The RIFF/WAVE container speech engines hand back, as a pure codec over bytes: integer PCM 8, 16,
 * 24 and 32-bit, 32-bit float, plain or {@code WAVE_FORMAT_EXTENSIBLE}. A streamed header whose
 * sizes are placeholders (espeak-ng {@code --stdout} writes {@code 0x7ffff000}) is read to the end
 * of the bytes.
 */
public final class RiffWave {
  private static final int PCM = 1;
  private static final int IEEE_FLOAT = 3;
  private static final int EXTENSIBLE = 0xFFFE;

  private RiffWave() {}

  /**
   * Decodes a whole WAV file held in memory.
   *
   * @param source names the bytes in error messages (a file, "espeak-ng output")
   * @throws AudioException when the bytes are not a WAV this codec reads, or hold no audio
   */
  public static PcmClip decode(byte[] wav, String source) throws AudioException {
    ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    if (wav.length < 12 || !tag(wav, 0).equals("RIFF") || !tag(wav, 8).equals("WAVE")) {
      throw new AudioException(source + ": not a WAV file (no RIFF/WAVE header; " + wav.length + " bytes)");
    }
    int at = 12;
    int formatCode = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    while (at + 8 <= wav.length) {
      String id = tag(wav, at);
      long size = Integer.toUnsignedLong(in.getInt(at + 4));
      int body = at + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + 16 > wav.length) {
          throw new AudioException(source + ": WAV format chunk is cut short");
        }
        formatCode = Short.toUnsignedInt(in.getShort(body));
        channels = Short.toUnsignedInt(in.getShort(body + 2));
        rate = in.getInt(body + 4);
        bits = Short.toUnsignedInt(in.getShort(body + 14));
        if (formatCode == EXTENSIBLE && size >= 40 && body + 26 <= wav.length) {
          formatCode = Short.toUnsignedInt(in.getShort(body + 24));
        }
      } else if (id.equals("data")) {
        if (formatCode < 0) {
          throw new AudioException(source + ": WAV data comes before its format chunk");
        }
        long available = wav.length - (long) body;
        int length = (int) Math.min(size, available);
        return samples(in, body, length, formatCode, channels, rate, bits, source);
      }
      long next = body + size + (size & 1);
      if (next > wav.length) {
        break;
      }
      at = (int) next;
    }
    throw new AudioException(source + ": WAV file has no audio data chunk");
  }

  private static PcmClip samples(ByteBuffer in, int offset, int length, int formatCode, int channels, int rate,
      int bits, String source) throws AudioException {
    boolean floating = formatCode == IEEE_FLOAT && bits == 32;
    boolean integer = formatCode == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
    if (!floating && !integer) {
      throw new AudioException(source + ": unsupported WAV encoding (format " + formatCode + ", " + bits + "-bit)");
    }
    PcmFormat format;
    try {
      format = new PcmFormat(rate, channels);
    } catch (IllegalArgumentException e) {
      throw new AudioException(source + ": unusable WAV format: " + e.getMessage(), e);
    }
    int bytesPerSample = bits / 8;
    int frames = length / (bytesPerSample * channels);
    if (frames == 0) {
      throw new AudioException(source + ": WAV holds no audio");
    }
    float[] out = new float[frames * channels];
    if (bits == 16) {
      short[] pcm = new short[out.length];
      in.duplicate().position(offset).slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
      for (int i = 0; i < pcm.length; i++) {
        out[i] = pcm[i] / 32768f;
      }
      return new PcmClip(format, out);
    }
    int p = offset;
    for (int i = 0; i < out.length; i++, p += bytesPerSample) {
      out[i] = switch (bits) {
        case 8 -> ((in.get(p) & 0xFF) - 128) / 128f;
        case 24 -> (((in.get(p + 2)) << 16) | ((in.get(p + 1) & 0xFF) << 8) | (in.get(p) & 0xFF)) / 8388608f;
        default -> floating ? in.getFloat(p) : (float) (in.getInt(p) / 2147483648.0);
      };
    }
    return new PcmClip(format, out);
  }

  /** Encodes as 16-bit little-endian PCM, clipping to [-1, 1], with correct sizes. */
  public static byte[] encode16(PcmClip clip) {
    float[] samples = clip.samples();
    int dataBytes = Math.multiplyExact(samples.length, 2);
    ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    PcmFormat format = clip.format();
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
    out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    out.putShort((short) PCM).putShort((short) format.channels()).putInt(format.sampleRate());
    out.putInt(format.sampleRate() * format.channels() * 2).putShort((short) (format.channels() * 2)).putShort((short) 16);
    out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
    for (float v : samples) {
      int s = Math.round(v * 32768f);
      out.putShort((short) Math.max(-32768, Math.min(32767, s)));
    }
    return out.array();
  }

  private static String tag(byte[] bytes, int at) {
    return new String(bytes, at, 4, StandardCharsets.US_ASCII);
  }
}
