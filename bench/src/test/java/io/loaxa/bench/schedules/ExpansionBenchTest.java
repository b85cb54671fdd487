package io.loaxa.bench.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.Expansion;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ical.RecurrenceRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The benchmark's workload and report, at a small size: what it measures, not how fast (that is for `loaxa bench`). */
class ExpansionBenchTest {
  @Test
  void theBenchmarkGridIsTheSameEachRunAndItsBaselineSeesTheSameAirings() {
    StationFacts station = ExpansionBench.station(60);
    Schedule a = ExpansionBench.schedule(station, 300, 1);
    assertEquals(a, ExpansionBench.schedule(station, 300, 1));
    assertEquals(60, station.zones().size());
    assertEquals(300, a.rules().size());
    LocalDate first = LocalDate.of(2026, 1, 1);
    int library = 0;
    for (AiringRule r : a.rules()) {
      library += RecurrenceRules.instances(r, first, first.plusYears(1)).size();
    }
    assertEquals(library, Expansion.plan(a, station, first, first.plusYears(1)).size());
  }

  @Test
  void theReportNamesEveryFigureTheBenchmarkPageQuotes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ExpansionBench.Result r = ExpansionBench.run(8, 20, 1, new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), true));
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(r.airings() > 1000, report);
    for (String figure : new String[] {"planned airings", "expand ", "conflict check", "expand + check", "CPU", "baseline", "peak heap"}) {
      assertTrue(report.contains(figure), figure + " in\n" + report);
    }
  }
}
