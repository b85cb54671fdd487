package io.loaxa.bench.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The healthy station's run on the stepped clock: no false alarm, and the control faults caught. */
class FalseAlarmRunTest {
  @Test
  void aHealthyMorningSessionRaisesNoIncidentAndBothControlFaultsAreCaught() throws Exception {
    FalseAlarmRun.Result r = new FalseAlarmRun(Duration.ofMinutes(45), Duration.ofSeconds(2), Duration.ofSeconds(5)).run();
    java.io.StringWriter text = new java.io.StringWriter();
    FalseAlarmRun.print(r, new java.io.PrintWriter(text));
    System.out.println(text);
    assertEquals(0, r.rigLateSamples(), "the tap never hears a stretch before it was played");
    assertTrue(r.airings() >= 2, text.toString());
    assertEquals(0, r.falseIncidents().size(), text.toString());
    assertEquals(0, r.falseAlerts(), text.toString());
    // caught no sooner than configured, and within the targets: dead air <= 3 s, outside <= configured + 1 s
    Duration deadAir = r.deadAirDetected().orElseThrow();
    Duration outside = r.outsideDetected().orElseThrow();
    assertTrue(deadAir.compareTo(Duration.ofSeconds(2)) >= 0 && deadAir.compareTo(Duration.ofSeconds(3)) <= 0, text.toString());
    assertTrue(outside.compareTo(Duration.ofSeconds(5)) >= 0 && outside.compareTo(Duration.ofSeconds(6)) <= 0, text.toString());
    assertTrue(r.controlAlerts() >= 2, text.toString());
  }
}
