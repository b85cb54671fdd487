package io.loaxa.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes audio fixtures with sox and lame, so tests decode files real encoders wrote. */
public final class Sox {
  private Sox() {}

  /** A sine WAV: {@code bits} 8/16/24, {@code rate}, {@code channels}, {@code seconds} long, peak {@code volume}. */
  public static Path toneWav(Path dir, String name, int rate, int channels, int bits, double hz, double seconds,
      double volume) throws IOException, InterruptedException {
    return tone(dir, name, rate, channels, bits, hz, seconds, volume);
  }

  /**
   * A sine in the format the name's extension asks sox for: .wav, .flac (8/16/24-bit) or .ogg (Ogg
   * Vorbis at sox's default quality; {@code bits} is not used, Vorbis has no sample size).
   */
  public static Path tone(Path dir, String name, int rate, int channels, int bits, double hz, double seconds,
      double volume) throws IOException, InterruptedException {
    Tools.require("sox");
    Path file = dir.resolve(name);
    List<String> command = new ArrayList<>(List.of("sox", "-n", "-r", String.valueOf(rate), "-c",
        String.valueOf(channels)));
    if (!name.endsWith(".ogg")) {
      command.addAll(List.of("-b", String.valueOf(bits)));
    }
    command.addAll(List.of(file.toString(), "synth", String.valueOf(seconds), "sine", String.valueOf(hz), "vol",
        String.valueOf(volume)));
    run(command);
    return file;
  }

  /** The WAV encoded as MP3 by lame at {@code kbps} constant bit rate (lame writes an Info header). */
  public static Path mp3(Path wav, String name, int kbps, String... lameArgs) throws IOException, InterruptedException {
    Tools.require("lame");
    Path file = wav.resolveSibling(name);
    List<String> command = new ArrayList<>(List.of("lame", "--quiet", "-b", String.valueOf(kbps)));
    command.addAll(List.of(lameArgs));
    command.add(wav.toString());
    command.add(file.toString());
    run(command);
    return file;
  }

  public static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(command + " failed: " + output);
    }
  }
}
