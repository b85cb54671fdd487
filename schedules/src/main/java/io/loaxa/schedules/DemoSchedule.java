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

  /** The content files the demo schedule's segments name, relative to the content folder. */
  public static final java.util.List<String> CONTENT = java.util.List.of(
      "thong-tin/buoi-sang.txt", "ban-tin/ban-tin-xa.txt", "ban-tin/diem-tin-thang.txt", "phap-luat/chuyen-muc.txt",
      "pctt/mua-mua-bao.txt", "le-tet/thu-chuc-tet.txt", "le-tet/quoc-khanh.txt",
      "cchc/tai-sao-cchc.txt", "cchc/mot-cua-lien-thong.txt", "cchc/dich-vu-cong-truc-tuyen.txt", "cchc/de-an-06.txt",
      "cchc/chuyen-doi-so.txt", "cchc/chi-so-par-index.txt");

  private DemoSchedule() {}

  /** The text of one demo content file (Vietnamese, UTF-8), by its path in {@link #CONTENT}. */
  public static String content(String path) {
    if (!CONTENT.contains(path)) {
      throw new IllegalArgumentException("not a demo content file: " + path);
    }
    return resource("demo-content/" + path);
  }

  /** The file's text, as shipped. */
  public static String text() {
    return resource(FILE);
  }

  private static String resource(String name) {
    try (InputStream in = DemoSchedule.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the build: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
  }
}
