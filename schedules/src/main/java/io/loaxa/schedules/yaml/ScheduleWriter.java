package io.loaxa.schedules.yaml;

import io.loaxa.schedules.AiringRule;
import io.loaxa.schedules.DatedOverride;
import io.loaxa.schedules.AfterPreemption;
import io.loaxa.schedules.Programme;
import io.loaxa.schedules.Recurrence;
import io.loaxa.schedules.Schedule;
import io.loaxa.schedules.Segment;
import io.loaxa.schedules.TimeWindow;
import io.loaxa.schedules.Weekdays;
import io.loaxa.schedules.ZoneChoice;
import io.loaxa.schedules.ZoneKey;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Writes a schedule in the schedule file format, every value explicit (keys, defaults) so that
 * reading it back gives the same schedule. Text values are double-quoted, times always, so no YAML
 * reader takes {@code 05:30} for a number.
 */
final class ScheduleWriter {
  private final StringBuilder out = new StringBuilder();

  String write(Schedule schedule) {
    line(0, "# loaxa schedule (lịch phát). Times are station local time, written as quoted \"HH:MM\".");
    line(0, "version: " + schedule.version());
    if (!schedule.zoneGroups().isEmpty()) {
      line(0, "zoneGroups:");
      for (Map.Entry<String, List<ZoneKey>> g : schedule.zoneGroups().entrySet()) {
        line(1, g.getKey() + ": " + flow(g.getValue().stream().map(ZoneKey::value).toList()));
      }
    }
    if (!schedule.holidays().isEmpty()) {
      line(0, "holidays:");
      for (Map.Entry<String, List<LocalDate>> h : schedule.holidays().entrySet()) {
        line(1, h.getKey() + ": " + flow(HolidayReader.ranges(h.getValue()).stream().map(ScheduleWriter::quote).toList()));
      }
    }
    line(0, schedule.programmes().isEmpty() ? "programmes: []" : "programmes:");
    for (Programme p : schedule.programmes()) {
      programme(p);
    }
    line(0, schedule.rules().isEmpty() ? "airings: []" : "airings:");
    for (AiringRule r : schedule.rules()) {
      rule(r);
    }
    return out.toString();
  }

  private void programme(Programme p) {
    line(1, "- key: " + p.key());
    line(2, "title: " + quote(p.title()));
    line(2, "category: " + p.category());
    line(2, "priority: " + p.priority());
    line(2, "lateTolerance: " + p.lateTolerance());
    p.maxDuration().ifPresent(d -> line(2, "maxDuration: " + d));
    p.chimeBefore().ifPresent(c -> line(2, "chimeBefore: " + quote(c)));
    p.chimeAfter().ifPresent(c -> line(2, "chimeAfter: " + quote(c)));
    if (p.afterPreemption() != AfterPreemption.defaultFor(p.segments())) {
      line(2, "afterPreemption: " + p.afterPreemption().key());
    }
    line(2, "segments:");
    for (Segment s : p.segments()) {
      line(3, "- " + segment(s));
    }
  }

  private static String segment(Segment s) {
    if (s instanceof Segment.File f) {
      return "{ file: " + quote(f.path()) + " }";
    }
    if (s instanceof Segment.Text t) {
      return "{ text: " + quote(t.text()) + " }";
    }
    if (s instanceof Segment.Speech sp) {
      return "{ speech: " + quote(sp.path()) + " }";
    }
    if (s instanceof Segment.Rebroadcast r) {
      return "{ rebroadcast: " + quote(r.url()) + ", length: " + r.length() + " }";
    }
    if (s instanceof Segment.LineIn l) {
      return "{ lineIn: " + l.length() + " }";
    }
    if (s instanceof Segment.Gap g) {
      return "{ gap: " + g.length() + " }";
    }
    return "{ chime: " + quote(((Segment.Chime) s).name()) + " }";
  }

  private void rule(AiringRule r) {
    line(1, "- key: " + r.key());
    line(2, "programme: " + r.programme());
    line(2, "zones: " + zones(r.zones()));
    line(2, "at: " + (r.times().size() == 1 ? time(r.times().get(0)) : flow(r.times().stream().map(ScheduleWriter::time).toList())));
    Recurrence rec = r.recurrence();
    if (rec instanceof Recurrence.Weekly w) {
      line(2, "days: " + flow(w.inOrder().stream().map(Weekdays::code).toList()));
    } else if (rec instanceof Recurrence.EveryNDays e) {
      line(2, "every: " + e.days());
    } else if (rec instanceof Recurrence.MonthlyWeekday m) {
      line(2, "monthly: " + quote(m.text()));
    } else if (rec instanceof Recurrence.MonthlyDay m) {
      line(2, "monthly: " + quote(m.text()));
    } else if (rec instanceof Recurrence.Once o) {
      line(2, "on: " + date(o.date()));
    } else if (rec instanceof Recurrence.Lunar l) {
      line(2, "lunar: " + quote(l.day().toString()));
    } else if (rec instanceof Recurrence.Named n) {
      line(2, "on: " + n.day().configName());
    }
    r.from().ifPresent(d -> line(2, "from: " + date(d)));
    r.until().ifPresent(d -> line(2, "until: " + date(d)));
    r.priority().ifPresent(p -> line(2, "priority: " + p));
    if (r.rotateTopics()) {
      line(2, "rotateTopics: true");
    }
    if (!r.topics().isEmpty()) {
      line(2, "topics: " + flow(r.topics().stream().map(ScheduleWriter::quote).toList()));
    }
    if (!r.except().isEmpty() || !r.exceptDays().isEmpty()) {
      List<String> items = new java.util.ArrayList<>(r.except().stream().map(ScheduleWriter::date).toList());
      r.exceptDays().forEach(d -> items.add(d.name()));
      line(2, "except: " + flow(items));
    }
    if (!r.overrides().isEmpty()) {
      line(2, "overrides:");
      for (DatedOverride o : r.overrides()) {
        StringBuilder b = new StringBuilder("- { on: " + date(o.on()));
        o.at().ifPresent(t -> b.append(", at: ").append(time(t)));
        o.programme().ifPresent(p -> b.append(", programme: ").append(p));
        o.zones().ifPresent(z -> b.append(", zones: ").append(zones(z)));
        line(3, b.append(" }").toString());
      }
    }
  }

  private static String zones(ZoneChoice z) {
    if (z instanceof ZoneChoice.Listed l) {
      return flow(l.keys().stream().map(ZoneKey::value).toList());
    }
    return z.toString();
  }

  private static String time(LocalTime t) {
    return quote(TimeWindow.formatTime(t));
  }

  private static String date(LocalDate d) {
    return quote(d.toString());
  }

  private static String flow(List<String> items) {
    return "[" + String.join(", ", items) + "]";
  }

  /** A YAML double-quoted scalar: safe for any text, including ':' '#' and line breaks. */
  static String quote(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private void line(int indent, String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }
}
