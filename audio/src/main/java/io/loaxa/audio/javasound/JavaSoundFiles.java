package io.loaxa.audio.javasound;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Decodes recorded files (WAV PCM 8/16/24/32-bit, any rate, mono or stereo) into PCM clips. */
public final class JavaSoundFiles {
  private JavaSoundFiles() {}

  /**
   * Reads the whole file.
   *
   * @throws AudioException naming the file when it is missing, not audio, or truncated
   */
  public static PcmClip decode(Path file) throws AudioException {
    if (!Files.isRegularFile(file)) {
      throw new AudioException("audio file not found: " + file);
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        AudioInputStream audio = AudioSystem.getAudioInputStream(in)) {
      return decode(audio, file.toString());
    } catch (UnsupportedAudioFileException e) {
      throw new AudioException("not a supported audio file: " + file + " (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new AudioException("cannot read audio file " + file + ": " + e.getMessage(), e);
    }
  }

  private static PcmClip decode(AudioInputStream audio, String name) throws IOException, AudioException {
    AudioFormat format = audio.getFormat();
    AudioFormat.Encoding encoding = format.getEncoding();
    int bits = format.getSampleSizeInBits();
    boolean signed = encoding.equals(AudioFormat.Encoding.PCM_SIGNED);
    boolean unsigned = encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED);
    if (!(signed || unsigned) || bits % 8 != 0 || bits < 8 || bits > 32) {
      throw new AudioException(name + ": unsupported encoding " + encoding + " " + bits + "-bit");
    }
    int channels = format.getChannels();
    int bytesPerSample = bits / 8;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    audio.transferTo(buffer);
    byte[] bytes = buffer.toByteArray();
    long declaredFrames = audio.getFrameLength();
    int frameSize = bytesPerSample * channels;
    int frames = bytes.length / frameSize;
    if (declaredFrames != AudioSystem.NOT_SPECIFIED && frames < declaredFrames) {
      throw new AudioException(name + ": truncated, " + frames + " of " + declaredFrames + " frames present");
    }
    if (frames == 0) {
      throw new AudioException(name + ": holds no audio");
    }
    float[] samples = new float[frames * channels];
    boolean bigEndian = format.isBigEndian();
    double scale = Math.pow(2, bits - 1);
    for (int i = 0; i < samples.length; i++) {
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
    return new PcmClip(new PcmFormat(Math.round(format.getSampleRate()), channels), samples);
  }
}
