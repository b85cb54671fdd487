package io.loaxa.scheduler.report;

import io.loaxa.testkit.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An Excel file as an independent reader sees it: Debian's python3-openpyxl loads the workbook and
 * prints every sheet's frozen pane, filter and cells (type, value, number format, fill colour); the
 * chart parts are read from the zip as Excel would find them.
 */
public final class Openpyxl {
  /** The system Python, where Debian's python3-openpyxl lives (a pyenv python may lack it). */
  public static final String PYTHON = "/usr/bin/python3";

  private static final String SCRIPT = """
      import sys, zipfile, re
      import openpyxl
      def esc(v):
          return str(v).replace('\\\\', '\\\\\\\\').replace('\\t', '\\\\t').replace('\\n', '\\\\n')
      path = sys.argv[1]
      wb = openpyxl.load_workbook(path)
      for ws in wb.worksheets:
          print('S', esc(ws.title), esc(ws.freeze_panes), esc(ws.auto_filter.ref), ws.max_row, ws.max_column, sep='\\t')
          for row in ws.iter_rows():
              for c in row:
                  if c.value is None:
                      continue
                  fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == 'solid' else ''
                  if not isinstance(fill, str):
                      fill = 'indexed:' + str(c.fill.fgColor.indexed)
                  print('C', esc(ws.title), c.coordinate, type(c.value).__name__, esc(c.value), esc(c.number_format),
                        esc(fill), sep='\\t')
          for m in ws.merged_cells.ranges:
              print('M', esc(ws.title), str(m), sep='\\t')
      z = zipfile.ZipFile(path)
      for name in z.namelist():
          if name.startswith('xl/charts/chart'):
              xml = z.read(name).decode('utf-8')
              grouping = re.search(r'<c:grouping val="(\\w+)"', xml)
              print('G', name, 'barChart' if '<c:barChart>' in xml else 'other', grouping.group(1) if grouping else '',
                    len(re.findall(r'<c:ser>', xml)), esc(';'.join(re.findall(r'<c:f>([^<]+)</c:f>', xml))),
                    re.search(r'<c:gapWidth val="\\d+"/><c:overlap val="100"/>', xml) is not None, sep='\\t')
      """;

  public record Cell(String type, String value, String format, String fill) {
    public double number() {
      return Double.parseDouble(value);
    }
  }

  public record Sheet(String name, String freezePanes, String autoFilter, int maxRow, int maxColumn, Map<String, Cell> cells,
      List<String> merged) {
    public Cell cell(String coordinate) {
      Cell c = cells.get(coordinate);
      if (c == null) {
        throw new AssertionError(name + "!" + coordinate + " is empty");
      }
      return c;
    }

    public String text(String coordinate) {
      return cell(coordinate).value();
    }

    /** The coordinate of the first cell whose text is {@code value}. */
    public String find(String value) {
      return cells.entrySet().stream().filter(e -> e.getValue().value().equals(value)).map(Map.Entry::getKey)
          .findFirst().orElseThrow(() -> new AssertionError(name + " has no cell " + value + ": " + cells.values()));
    }
  }

  /** One chart part: its kind, grouping, number of series and the cell ranges it reads. */
  public record Chart(String part, String kind, String grouping, int series, List<String> references,
      boolean overlap100) {}

  public record Workbook(Map<String, Sheet> sheets, List<Chart> charts) {
    public Sheet sheet(String name) {
      Sheet s = sheets.get(name);
      if (s == null) {
        throw new AssertionError("no sheet " + name + " in " + sheets.keySet());
      }
      return s;
    }
  }

  private Openpyxl() {}

  public static Workbook read(Path xlsx) throws IOException, InterruptedException {
    requireOpenpyxl();
    Process p = new ProcessBuilder(PYTHON, "-c", SCRIPT, xlsx.toString()).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("openpyxl could not read " + xlsx + ": " + err);
    }
    Map<String, Sheet> sheets = new LinkedHashMap<>();
    List<Chart> charts = new ArrayList<>();
    for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      for (int i = 0; i < f.length; i++) {
        f[i] = unescape(f[i]);
      }
      switch (f[0]) {
        case "S" -> sheets.put(f[1], new Sheet(f[1], f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]),
            new LinkedHashMap<>(), new ArrayList<>()));
        case "C" -> sheets.get(f[1]).cells().put(f[2], new Cell(f[3], f[4], f[5], f[6]));
        case "M" -> sheets.get(f[1]).merged().add(f[2]);
        case "G" -> charts.add(new Chart(f[1], f[2], f[3], Integer.parseInt(f[4]), List.of(f[5].split(";")),
            f[6].equals("True")));
        default -> throw new AssertionError("unexpected line from the reader: " + line);
      }
    }
    return new Workbook(sheets, charts);
  }

  private static void requireOpenpyxl() throws IOException, InterruptedException {
    boolean present = false;
    if (new java.io.File(PYTHON).canExecute()) {
      Process p = new ProcessBuilder(PYTHON, "-c", "import openpyxl").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
    if (!present) {
      String message = "python3-openpyxl is not installed for " + PYTHON + " (./run-tests installs it)";
      if (Tools.underCi()) {
        throw new IllegalStateException(message);
      }
      Assumptions.abort(message);
    }
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
