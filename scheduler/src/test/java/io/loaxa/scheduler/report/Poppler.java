package io.loaxa.scheduler.report;

import io.loaxa.testkit.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A PDF as poppler (Debian's poppler-utils) reads it: its text and its fonts. */
public final class Poppler {
  private Poppler() {}

  /** The text in reading order, lines kept. */
  public static String text(Path pdf) throws IOException, InterruptedException {
    return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
  }

  /** The text laid out as on the page, so a table row stays on one line. */
  public static String layout(Path pdf) throws IOException, InterruptedException {
    return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
  }

  /** The text with every run of white space made one space: a wrapped paragraph reads as one line. */
  public static String flat(Path pdf) throws IOException, InterruptedException {
    return text(pdf).replaceAll("\\s+", " ");
  }

  /** pdffonts' table rows: name, type, encoding, embedded, subset, unicode map. */
  public static List<String> fonts(Path pdf) throws IOException, InterruptedException {
    String[] lines = run("pdffonts", pdf.toString()).split("\n");
    List<String> rows = new ArrayList<>();
    for (int i = 2; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        rows.add(lines[i]);
      }
    }
    return rows;
  }

  public static int pages(Path pdf) throws IOException, InterruptedException {
    for (String line : run("pdfinfo", pdf.toString()).split("\n")) {
      if (line.startsWith("Pages:")) {
        return Integer.parseInt(line.substring(6).trim());
      }
    }
    throw new AssertionError("pdfinfo gave no page count for " + pdf);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Tools.require(command[0]);
    Process p = new ProcessBuilder(command).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + err);
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  /** How many times {@code part} occurs in {@code text}. */
  public static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
