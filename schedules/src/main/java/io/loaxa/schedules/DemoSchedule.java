package io.loaxa.schedules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo commune's schedule file shipped with loaxa (two daily sessions, the VOV1 news relay,
 * weekly bulletins, the monthly CCHC programme, Tết days off), for {@link StationFacts#demo()}.
 */
public final class DemoSchedule {
  /** Its name in positions and messages. */
  public static final String FILE = "demo-schedule.yaml";

  private DemoSchedule() {}

  /** The file's text, as shipped. */
  public static String text() {
    try (InputStream in = DemoSchedule.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("the demo schedule is missing from the build: " + FILE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the demo schedule", e);
    }
  }
}
