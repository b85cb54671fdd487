package io.loaxa.scheduler.report.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The typeface of loaxa PDFs: DejaVu Sans, regular and bold, embedded (subset) in every file so the
 * PDF shows Vietnamese diacritics wherever it is opened. Taken from Debian's fonts-dejavu-core when
 * installed (kept up to date by the system), else from the copy inside loaxa's jar, so a station
 * without the package still makes correct PDFs.
 */
public final class PdfFonts {
  /** Where Debian's fonts-dejavu-core installs DejaVu Sans. */
  public static final Path DEBIAN_DIR = Path.of("/usr/share/fonts/truetype/dejavu");
  private static final String REGULAR = "DejaVuSans.ttf";
  private static final String BOLD = "DejaVuSans-Bold.ttf";

  private final BaseFont regular;
  private final BaseFont bold;
  private final String source;

  private PdfFonts(BaseFont regular, BaseFont bold, String source) {
    this.regular = regular;
    this.bold = bold;
    this.source = source;
  }

  /** The system's DejaVu Sans when {@code dir} has it, else the copy in the jar. */
  public static PdfFonts load(Path dir) {
    Path r = dir.resolve(REGULAR);
    Path b = dir.resolve(BOLD);
    if (Files.isReadable(r) && Files.isReadable(b)) {
      try {
        return new PdfFonts(font(r.toString(), Files.readAllBytes(r)), font(b.toString(), Files.readAllBytes(b)),
            dir.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("reading the font in " + dir + ": " + e.getMessage(), e);
      }
    }
    return bundled();
  }

  /** Debian's DejaVu Sans when installed, else the copy in the jar. */
  public static PdfFonts load() {
    return load(DEBIAN_DIR);
  }

  /** The copy of DejaVu Sans inside loaxa's jar. */
  public static PdfFonts bundled() {
    return new PdfFonts(font("loaxa/" + REGULAR, resource(REGULAR)), font("loaxa/" + BOLD, resource(BOLD)), "loaxa");
  }

  /** Where the fonts came from: a folder, or "loaxa" for the jar's copy. */
  public String source() {
    return source;
  }

  private static byte[] resource(String name) {
    try (InputStream in = PdfFonts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("font " + name + " is missing from the loaxa jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading font " + name + " from the loaxa jar: " + e.getMessage(), e);
    }
  }

  private static BaseFont font(String name, byte[] ttf) {
    try {
      // Identity-H: any Unicode glyph of the font, subset-embedded; not cached so each source really loads
      return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("cannot load font " + name + ": " + e.getMessage(), e);
    }
  }

  BaseFont regular() {
    return regular;
  }

  BaseFont bold() {
    return bold;
  }

  Font font(float size) {
    return new Font(regular, size);
  }

  Font bold(float size) {
    return new Font(bold, size);
  }

  Font font(float size, Color colour) {
    Font f = new Font(regular, size);
    f.setColor(colour);
    return f;
  }

  Font bold(float size, Color colour) {
    Font f = new Font(bold, size);
    f.setColor(colour);
    return f;
  }
}
