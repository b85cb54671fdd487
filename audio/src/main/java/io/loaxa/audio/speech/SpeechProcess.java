package io.loaxa.audio.speech;

import io.loaxa.audio.AudioException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a local speech program the safe way: the program and its arguments as a list (never a shell
 * command line), the text on standard input, audio back on standard output or in a file, stderr
 * kept for the error message, and a time limit after which the program is killed. Text with shell
 * metacharacters is just text here: nothing interprets it but the engine.
 */
public final class SpeechProcess {
  private static final Logger log = LoggerFactory.getLogger(SpeechProcess.class);
  /** More than any bulletin needs (an hour of 22 kHz mono is 160 MB); stops a runaway engine. */
  static final long MAX_OUTPUT_BYTES = 512L * 1024 * 1024;
  private static final int STDERR_KEEP = 4000;

  private SpeechProcess() {}

  /** What the program did; {@code stdout} is empty when a {@link Sink} took it. */
  public record Result(int exitCode, byte[] stdout, String stderr) {}

  /** Takes the program's standard output as it arrives (decoding audio while the engine still speaks). */
  public interface Sink {
    void accept(byte[] buffer, int length);
  }

  /**
   * Runs {@code command} with {@code stdin} as its input and waits at most {@code timeout}.
   *
   * @param name the engine name for messages
   * @throws AudioException when it cannot start, runs too long, or writes too much; a non-zero exit
   *     is returned, not thrown, so the caller can word it
   */
  public static Result run(String name, List<String> command, byte[] stdin, Duration timeout) throws AudioException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    Result result = run(name, command, stdin, timeout, (b, n) -> bytes.write(b, 0, n));
    return new Result(result.exitCode(), bytes.toByteArray(), result.stderr());
  }

  /** As {@link #run(String, List, byte[], Duration)}, handing standard output to {@code stdout}. */
  public static Result run(String name, List<String> command, byte[] stdin, Duration timeout, Sink stdout)
      throws AudioException {
    return start(name, command).finish(stdin, timeout, stdout);
  }

  /**
   * Starts {@code command} without giving it its input yet: the program starts up (an engine loads
   * its voice) while the caller is still working out what to say.
   *
   * @throws AudioException when it cannot start
   */
  public static Started start(String name, List<String> command) throws AudioException {
    try {
      return new Started(name, command, new ProcessBuilder(command).start());
    } catch (IOException e) {
      throw new AudioException(name + " could not be started (" + command.get(0) + "): " + e.getMessage(), e);
    }
  }

  /** A started program waiting for its input; {@link #finish} or {@link #abandon} it. */
  public static final class Started {
    private final String name;
    private final List<String> command;
    private final Process process;

    private Started(String name, List<String> command, Process process) {
      this.name = name;
      this.command = List.copyOf(command);
      this.process = process;
    }

    /** The argument list it was started with. */
    public List<String> command() {
      return command;
    }

    /** Kills it: its input will not come (the text was found in the cache, or could not be read). */
    public void abandon() {
      process.destroyForcibly();
    }

    /**
     * Gives the program {@code stdin}, hands its output to {@code stdout} as it arrives and waits
     * at most {@code timeout} for it to end.
     *
     * @throws AudioException when it runs too long or writes too much; a non-zero exit is returned,
     *     not thrown, so the caller can word it
     */
    public Result finish(byte[] stdin, Duration timeout, Sink stdout) throws AudioException {
      Pump out = new Pump(process.getInputStream(), MAX_OUTPUT_BYTES, stdout);
      ByteArrayOutputStream errBytes = new ByteArrayOutputStream(1 << 10);
      Pump err = new Pump(process.getErrorStream(), 1024 * 1024, (b, n) -> errBytes.write(b, 0, n));
      Thread feeder = new Thread(() -> feed(process.getOutputStream(), stdin), "speech-stdin");
      Thread outReader = new Thread(out, "speech-stdout");
      Thread errReader = new Thread(err, "speech-stderr");
      feeder.setDaemon(true);
      outReader.setDaemon(true);
      errReader.setDaemon(true);
      feeder.start();
      outReader.start();
      errReader.start();
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AudioException(name + " did not finish within " + timeout.toMillis() / 1000.0 + " s and was stopped");
        }
        outReader.join(timeout.toMillis());
        errReader.join(timeout.toMillis());
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new AudioException(name + " was interrupted", e);
      }
      if (out.overflowed) {
        throw new AudioException(name + " wrote more than " + MAX_OUTPUT_BYTES / (1024 * 1024) + " MB of audio; stopped");
      }
      String stderr = new String(errBytes.toByteArray(), StandardCharsets.UTF_8).strip();
      if (stderr.length() > STDERR_KEEP) {
        stderr = stderr.substring(0, STDERR_KEEP) + " …";
      }
      return new Result(process.exitValue(), new byte[0], stderr);
    }
  }

  private static void feed(OutputStream stdin, byte[] text) {
    try (stdin) {
      stdin.write(text);
    } catch (IOException e) {
      // the program closed its input early (it failed or ignores stdin); its exit code and stderr tell why
      log.debug("speech program stopped reading its text: {}", e.getMessage());
    }
  }

  private static final class Pump implements Runnable {
    private final InputStream in;
    private final long limit;
    private final Sink sink;
    private long total;
    volatile boolean overflowed;

    Pump(InputStream in, long limit, Sink sink) {
      this.in = in;
      this.limit = limit;
      this.sink = sink;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[1 << 16];
      try (in) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          total += n;
          if (total > limit) {
            overflowed = true;
            continue;
          }
          sink.accept(buffer, n);
        }
      } catch (IOException e) {
        // the process was killed mid-write; the caller reports the timeout or the exit code
        log.debug("speech program output ended early: {}", e.getMessage());
      }
    }
  }

  /**
   * Finds a program the way a shell would: a name containing a slash is taken as a path, otherwise
   * each directory of {@code searchPath} (a PATH value) is tried.
   */
  public static Optional<Path> locate(String program, String searchPath) {
    if (program.contains("/")) {
      Path path = Path.of(program);
      return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    if (searchPath == null) {
      return Optional.empty();
    }
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** This process's PATH, or empty text when unset. */
  public static String systemPath() {
    String path = System.getenv("PATH");
    return path == null ? "" : path;
  }
}
