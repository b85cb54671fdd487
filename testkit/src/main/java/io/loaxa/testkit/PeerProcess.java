package io.loaxa.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A helper program on the far end of a pty (a Modbus slave, a board stand-in) talked to over its
 * stdin and stdout, one line each way. It prints {@code ready} when it listens.
 */
public final class PeerProcess implements AutoCloseable {
  public static final String PYTHON = "/usr/bin/python3";

  private final Process process;
  private final Writer in;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final String name;

  private PeerProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("! " + e.getMessage());
      }
      lines.add("! exited");
    }, name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Copies a script from the class path into {@code dir}, so python can run it. */
  public static Path script(String resource, Path dir) throws IOException {
    Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
    try (InputStream source = PeerProcess.class.getResourceAsStream(resource)) {
      if (source == null) {
        throw new IOException("no resource " + resource);
      }
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** Runs {@code python3 script args…}, its stderr into {@code log}; returns once it printed {@code ready}. */
  public static PeerProcess start(String name, Path script, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(PYTHON, "-u", script.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    PeerProcess peer = new PeerProcess(name, process);
    String first = peer.next(15);
    if (!"ready".equals(first)) {
      peer.close();
      throw new IOException(name + " did not start (" + first + "); see " + log);
    }
    return peer;
  }

  /** Sends one command line and returns the one line it answers. */
  public synchronized String ask(String command) throws IOException {
    in.write(command + "\n");
    in.flush();
    String answer = next(10);
    if (answer == null || answer.startsWith("! ")) {
      throw new IOException(name + " gave no answer to '" + command + "': " + answer);
    }
    return answer;
  }

  /** Sends a command that answers {@code ok}. */
  public void tell(String command) throws IOException {
    String answer = ask(command);
    if (!answer.equals("ok")) {
      throw new IOException(name + " answered '" + answer + "' to '" + command + "'");
    }
  }

  private String next(int seconds) throws IOException {
    try {
      return lines.poll(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for " + name, e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the program at once, as a board losing power. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
