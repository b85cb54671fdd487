package io.loaxa.scheduler.setup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A {@link Console} on a terminal's (or a test's) input and output streams, in UTF-8. */
public final class StreamConsole implements Console {
  private final BufferedReader in;
  private final PrintWriter out;

  public StreamConsole(InputStream in, PrintWriter out) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
  }

  @Override
  public void say(String line) {
    out.println(line);
    out.flush();
  }

  @Override
  public String ask(String prompt) {
    out.print(prompt + " ");
    out.flush();
    String line;
    try {
      line = in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the installer's answer", e);
    }
    if (line == null) {
      throw new SetupAbandoned("input ended at: " + prompt);
    }
    return line.strip();
  }
}
