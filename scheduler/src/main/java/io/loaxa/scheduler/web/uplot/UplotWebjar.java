package io.loaxa.scheduler.web.uplot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * uPlot's minified script and its style sheet in the webjar, under the flat names the pages load
 * them by. Only these two files are ever served from the webjar: a request names one of the two
 * keys, never a path.
 */
public final class UplotWebjar {
  /** The page name of uPlot's minified script (it defines the global {@code uPlot}). */
  public static final String SCRIPT = "vendor-uplot.js";
  /** The page name of uPlot's style sheet. */
  public static final String STYLE = "vendor-uplot.css";
  private static final String POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

  private UplotWebjar() {}

  /**
   * The page names, each to its resource on the classpath (absolute). The version in the path is
   * the webjar's own, read from its pom.properties, so the pom is the one place that names it.
   *
   * @throws IllegalStateException when the webjar is not on the classpath (a broken build)
   */
  public static Map<String, String> assets() {
    String root = "/META-INF/resources/webjars/uplot/" + version() + "/dist/";
    return Map.of(SCRIPT, root + "uPlot.iife.min.js", STYLE, root + "uPlot.min.css");
  }

  static String version() {
    try (InputStream in = UplotWebjar.class.getResourceAsStream(POM)) {
      if (in == null) {
        throw new IllegalStateException("uPlot webjar missing from the classpath: " + POM);
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "");
      if (!v.matches("[0-9]+(\\.[0-9]+)*")) {
        throw new IllegalStateException("uPlot webjar version unreadable: '" + v + "'");
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
