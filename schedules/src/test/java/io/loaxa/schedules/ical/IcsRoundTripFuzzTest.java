package io.loaxa.schedules.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import io.loaxa.schedules.RandomSchedules;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.StationFacts;
import io.loaxa.schedules.ZoneKey;
import io.loaxa.schedules.source.Hostile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A valid schedule made from the fuzzer's bytes (its shape from a seed, its titles any text), exported
 * as iCalendar and read back: every line folded within 75 octets, no control character a calendar
 * program would choke on, and each event's title, category, start, length and priority as the schedule says.
 */
class IcsRoundTripFuzzTest {
  private static final List<ZoneKey> ZONES = List.of(new ZoneKey("ap-1"), new ZoneKey("ap-2"), new ZoneKey("ap-3"));
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final Instant STAMP = Instant.parse("2026-01-01T00:00:00Z");

  @FuzzTest(maxDuration = "2h")
  void anyValidScheduleExportsToACalendarThatReadsBackToTheSameAirings(FuzzedDataProvider data) {
    ZoneId zone = data.consumeBoolean() ? StationFacts.VIETNAM : ZoneId.of("Europe/Berlin");
    Schedule shape = new RandomSchedules(data.consumeLong(), ZONES).schedule(data.consumeInt(1, 4), data.consumeInt(1, 8));
    List<Programme> programmes = new ArrayList<>();
    for (Programme p : shape.programmes()) {
      String title = data.consumeString(120);
      programmes.add(new Programme(p.key(), title.isBlank() ? p.title() : title, p.category(), p.priority(), p.segments(),
          p.lateTolerance(), p.maxDuration(), p.chimeBefore(), p.chimeAfter(), p.afterPreemption()));
    }
    Schedule schedule = new Schedule(shape.version(), shape.zoneGroups(), programmes, shape.rules());
    StationFacts station = StationFacts.of(zone, ZONES);

    long start = System.nanoTime();
    String ics = IcsWriter.write(schedule, station, LocalDate.of(2026, 1, 1), STAMP);
    Hostile.inTime(start, "writing the calendar");
    assertTrue(ics.endsWith("\r\n"));
    for (String line : ics.substring(0, ics.length() - 2).split("\r\n", -1)) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded within 75 octets: " + line);
      assertFalse(line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F), "a control character in: " + line);
    }

    String readBack = new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    List<IcsEventReader.Event> events = IcsEventReader.events(readBack);
    Set<String> uids = new HashSet<>();
    Map<String, AiringRule> rules = schedule.rules().stream().collect(Collectors.toMap(r -> r.key(), r -> r));
    Map<ProgrammeKey, Programme> byKey = programmes.stream().collect(Collectors.toMap(Programme::key, p -> p));
    Set<String> titles = programmes.stream().map(p -> calendarText(p.title())).collect(Collectors.toSet());
    for (IcsEventReader.Event e : events) {
      String uid = e.values().get("UID");
      assertTrue(uids.add(uid), "one event per UID: " + uid);
      assertTrue(titles.contains(e.text("SUMMARY")), "title read back: " + e.text("SUMMARY") + " not among " + titles);
      assertEquals("TZID=" + zone.getId(), e.parameters().get("DTSTART"));
      LocalDateTime startsAt = LocalDateTime.parse(e.values().get("DTSTART"), LOCAL);
      boolean override = e.values().containsKey("COMMENT");
      if (!override) {
        String ruleKey = uid.substring(0, uid.indexOf('@'));
        AiringRule rule = rules.get(rules.containsKey(ruleKey) ? ruleKey : ruleKey.substring(0, ruleKey.lastIndexOf('-')));
        Programme p = byKey.get(rule.programme());
        assertEquals(calendarText(p.title()), e.text("SUMMARY"));
        assertEquals(p.category().key(), e.text("CATEGORIES"));
        assertEquals(p.plannedLength(), Duration.parse(e.values().get("DURATION")));
        assertTrue(rule.times().contains(startsAt.toLocalTime()), startsAt + " is one of " + rule.times());
        assertEquals(Integer.toString(switch (rule.priority().orElse(p.priority())) {
          case EMERGENCY -> 1;
          case PRIORITY -> 3;
          case NORMAL -> 5;
        }), e.values().get("PRIORITY"));
      }
    }
  }

  /** A title as a calendar can hold it: line breaks as one newline, control characters gone, unpaired surrogates as '?'. */
  private static String calendarText(String title) {
    String t = title.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", "");
    return new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
