package io.loaxa.scheduler.cli;

import static io.loaxa.scheduler.cli.CliRun.loaxa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.testkit.PulseAudioSink;
import io.loaxa.testkit.Integration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an operator types it: exit codes, help, air now, export the log. */
@Integration
class CommandLineTest {
  @TempDir
  Path dir;

  @Test
  void helpListsEveryCommandAndEachCommandHasHelp() {
    CliRun help = loaxa("--help");
    assertEquals(0, help.code());
    for (String command : List.of("run", "air", "zones", "relay", "log", "report", "schedule", "doctor")) {
      assertTrue(help.out().contains("  " + command + " "), command + " listed in:\n" + help.out());
      assertEquals(0, loaxa(command, "--help").code(), command + " --help");
    }
  }

  @Test
  void aMistypedCommandOrOptionIsAUserErrorWithExitOne() {
    CliRun r = loaxa("aire");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("aire"), r.err());
    assertEquals(1, loaxa("log", "export", "--from", "2026-13-01", "--to", "2026-12-01", "--out",
        dir.resolve("x.csv").toString(), "--data", dir.toString()).code());
  }

  @Test
  void airRejectsAFileThatIsNotThereWithoutLoggingAnything() throws Exception {
    Path data = dir.resolve("data");
    CliRun r = loaxa("air", "--file", dir.resolve("khong-co.wav").toString(), "--data", data.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("no such audio file"), r.err());
    Path csv = dir.resolve("log.csv");
    assertEquals(0, loaxa("log", "export", "--from", "2000-01-01", "--to", "2100-01-01", "--out", csv.toString(),
        "--data", data.toString()).code());
    assertEquals(1, Files.readAllLines(csv, StandardCharsets.UTF_8).size(), "header only");
  }

  @Test
  void airRejectsAnUnknownHamlet() throws Exception {
    Path wav = dir.resolve("thong-bao.wav");
    Files.copy(getClass().getResourceAsStream("/io/loaxa/scheduler/demo/loi-chao.wav"), wav);
    CliRun r = loaxa("air", "--file", wav.toString(), "--zones", "ap-1,ap-9", "--data", dir.resolve("data").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("ap-9"), r.err());
  }

  @Test
  void airAFileNowThenExportTheLogAsExcelReadyCsv() throws Exception {
    PulseAudioSink.ensureRunning();
    Path data = dir.resolve("data");
    Path wav = dir.resolve("thong-bao.wav");
    Files.copy(getClass().getResourceAsStream("/io/loaxa/scheduler/demo/loi-chao.wav"), wav);

    CliRun air = loaxa("air", "--file", wav.toString(), "--zones", "ap-2,ap-3", "--data", data.toString());
    assertEquals(0, air.code(), air.out() + air.err());
    assertTrue(air.out().contains("COMPLETED"), air.out());

    Path csv = dir.resolve("nhat-ky.csv");
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    CliRun export = loaxa("log", "export", "--from", today, "--to", today, "--format", "csv", "--lang", "en",
        "--out", csv.toString(), "--data", data.toString());
    assertEquals(0, export.code(), export.err());
    byte[] bytes = Files.readAllBytes(csv);
    assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals(2, lines.size());
    String[] header = lines.get(0).substring(1).split(",");
    String[] row = lines.get(1).split(",", -1);
    assertEquals("Phát ngay: thong-bao.wav", row[List.of(header).indexOf("title")]);
    assertEquals("MANUAL", row[List.of(header).indexOf("trigger")]);
    assertEquals("ap-2 ap-3", row[List.of(header).indexOf("zones_confirmed")]);
    assertEquals("COMPLETED", row[List.of(header).indexOf("outcome")]);
    String started = row[List.of(header).indexOf("started_at")];
    assertTrue(started.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00"), started);
    assertTrue(Integer.parseInt(row[List.of(header).indexOf("airtime_s")]) >= 8, "the 8 s greeting aired in full");

    String yesterday = java.time.LocalDate.parse(today).minusDays(1).toString();
    Path none = dir.resolve("hom-qua.csv");
    assertEquals(0, loaxa("log", "export", "--from", yesterday, "--to", yesterday, "--out", none.toString(),
        "--data", data.toString()).code());
    assertEquals(1, Files.readAllLines(none, StandardCharsets.UTF_8).size(), "dates are the station's days");
  }
}
