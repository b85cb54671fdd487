package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.AudioLimits;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import java.nio.charset.StandardCharsets;
import javax.sound.sampled.AudioFormat;

/**
 * A WAV recording from the content library, read chunk by chunk: the RIFF size and every chunk's
 * size are held against the bytes present (a file cut short or a header claiming 4 GiB is refused
 * with both figures), the format chunk against the station's limits (8–192 kHz, 1–8 channels,
 * integer PCM of 8, 16, 24 or 32 bits, plain or {@code WAVE_FORMAT_EXTENSIBLE}), and the data
 * chunk against two hours. Then the samples are converted as they lie.
 */
final class WavFiles {
  private static final int PCM = 1;
  private static final int EXTENSIBLE = 0xFFFE;

  private WavFiles() {}

  /** What the walk found: the format and where the samples lie. */
  record Layout(int rate, int channels, int bits, int dataStart, long dataLength) {
    long frames() {
      return dataLength / ((long) channels * (bits / 8));
    }
  }

  static boolean looksLikeWav(byte[] data) {
    return data.length >= 12 && tag(data, 0).equals("RIFF") && tag(data, 8).equals("WAVE");
  }

  static PcmClip decode(byte[] data, String name) throws AudioException {
    Layout layout = layout(data, name);
    AudioFormat format = new AudioFormat(layout.bits() == 8 ? AudioFormat.Encoding.PCM_UNSIGNED
        : AudioFormat.Encoding.PCM_SIGNED, layout.rate(), layout.bits(), layout.channels(),
        layout.channels() * layout.bits() / 8, layout.rate(), false);
    int frames = (int) layout.frames();
    if (frames == 0) {
      throw AudioLimits.refusal("tệp " + name + " không chứa âm thanh nào", "file " + name + " holds no audio");
    }
    float[] samples = new float[frames * layout.channels()];
    byte[] pcm = java.util.Arrays.copyOfRange(data, layout.dataStart(),
        layout.dataStart() + frames * layout.channels() * layout.bits() / 8);
    JavaSoundFiles.toFloats(pcm, samples, samples.length, format);
    return new PcmClip(new PcmFormat(layout.rate(), layout.channels()), samples);
  }

  /** Walks the chunks; every claimed length is checked before it is used. */
  static Layout layout(byte[] data, String name) throws AudioException {
    long riff = u32(data, 4);
    // a writer may leave out the pad byte after an odd last chunk
    if (8 + riff > data.length + 1L) {
      throw AudioLimits.claimBeyondFile(name, new String[] {"phần đầu RIFF", "its RIFF header"}, riff, data.length - 8L);
    }
    long end = Math.min(data.length, 8 + riff);
    int at = 12;
    int formatCode = -1;
    int channels = 0;
    long rate = 0;
    int bits = 0;
    int blockAlign = 0;
    Layout found = null;
    while (at + 8 <= end) {
      String id = tag(data, at);
      long size = u32(data, at + 4);
      int body = at + 8;
      String[] what = {"khối \"" + printable(id) + "\" ở byte " + AudioLimits.vi(at),
          "the \"" + printable(id) + "\" chunk at byte " + AudioLimits.en(at)};
      AudioLimits.checkClaim(name, what, size, body, end);
      if (id.equals("fmt ")) {
        if (formatCode >= 0) {
          throw corrupt(name, "có hai khối định dạng", "has two format chunks");
        }
        if (size < 16) {
          throw corrupt(name, "khối định dạng chỉ dài " + size + " byte", "its format chunk is only " + size + " bytes");
        }
        formatCode = u16(data, body);
        channels = u16(data, body + 2);
        rate = u32(data, body + 4);
        blockAlign = u16(data, body + 12);
        bits = u16(data, body + 14);
        if (formatCode == EXTENSIBLE) {
          if (size < 40) {
            throw corrupt(name, "khối định dạng mở rộng chỉ dài " + size + " byte",
                "its extensible format chunk is only " + size + " bytes");
          }
          formatCode = u16(data, body + 24);
        }
        AudioLimits.checkSampleRate(name, rate);
        AudioLimits.checkChannels(name, channels);
        if (formatCode != PCM || bits % 8 != 0 || bits < 8 || bits > 32) {
          throw AudioLimits.refusal("tệp " + name + " mã hóa WAV kiểu " + formatCode + ", " + bits
                  + " bit, không được hỗ trợ (chỉ nhận PCM 8, 16, 24 hoặc 32 bit)",
              "file " + name + ": unsupported WAV encoding " + formatCode + " " + bits
                  + "-bit (PCM 8, 16, 24 or 32-bit is)");
        }
        if (blockAlign != channels * bits / 8) {
          throw corrupt(name, "khối định dạng ghi " + blockAlign + " byte mỗi khung, đúng ra " + channels * bits / 8,
              "its format chunk gives " + blockAlign + " bytes per frame where " + channels * bits / 8 + " are right");
        }
      } else if (id.equals("data") && found == null) {
        if (formatCode < 0) {
          throw corrupt(name, "dữ liệu âm thanh đứng trước khối định dạng", "its audio data comes before its format chunk");
        }
        found = new Layout((int) rate, channels, bits, body, size);
        AudioLimits.checkLength(name, found.frames(), (int) rate, channels);
      }
      at = (int) Math.min(end, body + size + (size & 1));
    }
    if (found == null) {
      throw corrupt(name, "không có khối dữ liệu âm thanh", "has no audio data chunk");
    }
    return found;
  }

  private static AudioException corrupt(String name, String vietnamese, String english) {
    return AudioLimits.refusal("tệp WAV " + name + " hỏng: " + vietnamese, "WAV file " + name + " is corrupt: " + english);
  }

  private static String printable(String id) {
    StringBuilder b = new StringBuilder();
    for (char c : id.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7F ? c : '?');
    }
    return b.toString();
  }

  private static String tag(byte[] data, int at) {
    return new String(data, at, 4, StandardCharsets.ISO_8859_1);
  }

  private static int u16(byte[] d, int at) {
    return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] d, int at) {
    return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
  }
}
