package io.loaxa.scheduler.report;

import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.report.PeriodReport.CategoryLine;
import io.loaxa.scheduler.report.PeriodReport.Compliance;
import io.loaxa.scheduler.report.PeriodReport.ShortfallGroup;
import io.loaxa.scheduler.report.ReportStation.Hamlet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The short paragraph of figures an officer pastes into the periodic report ("Trong quý I năm 2024,
 * Đài truyền thanh xã … đã phát 24 lượt tin, bài về cải cách hành chính, tổng thời lượng 180 phút,
 * tại 4/4 ấp …"), written from the report's own figures.
 */
public final class SummaryParagraph {
  /** Other categories named one by one before "và các chuyên mục khác". */
  private static final int NAMED_CATEGORIES = 5;
  /** Hamlets with gaps named one by one before "và N ấp khác". */
  private static final int NAMED_GAPS = 6;

  private SummaryParagraph() {}

  public static String of(PeriodReport r) {
    return r.language() == Language.VI ? vietnamese(r) : english(r);
  }

  private static String vietnamese(PeriodReport r) {
    Language vi = Language.VI;
    String word = r.station().hamletWord();
    int hamletCount = r.station().hamlets().size();
    CategoryLine cchc = r.cchc();
    List<String> sentences = new ArrayList<>();
    String opener = r.period().kind() == ReportPeriod.Kind.RANGE
        ? capitalise(r.period().label(vi)) : "Trong " + r.period().label(vi);
    if (cchc.aired() == 0) {
      sentences.add(opener + ", " + r.station().name() + " chưa phát tin, bài nào về cải cách hành chính.");
    } else {
      sentences.add(opener + ", " + r.station().name() + " đã phát " + n(cchc.aired()) + " lượt tin, bài về cải cách"
          + " hành chính, tổng thời lượng " + n(Terms.minutes(cchc.airtime())) + " phút, tại "
          + reachedOfConfig(r, Terms.CCHC) + "/" + hamletCount + " " + word + ".");
    }
    Compliance c = r.compliance();
    if (hamletCount > 0 && c.anyMonthJudged()) {
      List<Compliance.Gap> gaps = c.gaps();
      String rule = "Chuyên mục cải cách hành chính được phát vào giờ cao điểm (" + r.peaks() + ") ít nhất một lần"
          + " mỗi tháng";
      List<Hamlet> waiting = c.waiting();
      boolean over = c.anyMonthOver();
      // with a month over, the count is of the months over; otherwise of the month under way so far
      int ok = over ? hamletCount - gaps.size() : hamletCount - waiting.size();
      String s = rule + " tại " + ok + "/" + hamletCount + " " + word
          + (over && c.current().isPresent() ? " trong các tháng đã qua" : "");
      if (!gaps.isEmpty()) {
        String list = gaps.stream().limit(NAMED_GAPS)
            .map(g -> g.hamlet().name() + " (" + months(g.months(), vi) + ")")
            .collect(Collectors.joining("; "));
        if (gaps.size() > NAMED_GAPS) {
          list += "; và " + (gaps.size() - NAMED_GAPS) + " " + word + " khác";
        }
        s += "; còn thiếu ở " + list;
      }
      if (!waiting.isEmpty()) {
        s += "; " + months(List.of(c.months().get(c.current().get())), vi) + " chưa kết thúc, "
            + named(waiting, word, "và", "khác") + " chưa được phát trong tháng này";
      }
      sentences.add(s + ".");
    }
    if (r.totals().aired() > 0) {
      List<CategoryLine> others = r.categories().stream()
          .filter(l -> !Terms.isCchc(l.key()) && l.aired() > 0).toList();
      String s = "Cùng kỳ, đài đã phát tổng cộng " + n(r.totals().aired()) + " lượt chương trình với tổng thời lượng "
          + n(Terms.minutes(r.totals().airtime())) + " phút";
      if (!others.isEmpty()) {
        s += ", trong đó " + others.stream().limit(NAMED_CATEGORIES)
            .map(l -> Terms.categoryInSentence(l.key(), vi) + " " + n(l.aired()) + " lượt ("
                + n(Terms.minutes(l.airtime())) + " phút)")
            .collect(Collectors.joining(", "));
        if (others.size() > NAMED_CATEGORIES) {
          s += " và các chuyên mục khác";
        }
      }
      sentences.add(s + ".");
    }
    if (r.totals().notCompleted() > 0) {
      sentences.add("Có " + n(r.totals().notCompleted()) + " lượt phát không hoàn thành (" + byOutcome(r, vi)
          + "), lý do được ghi trong nhật ký phát sóng.");
    } else if (r.totals().runs() > 0) {
      sentences.add("Tất cả các lượt phát đều hoàn thành.");
    }
    return String.join(" ", sentences);
  }

  private static String english(PeriodReport r) {
    Language en = Language.EN;
    int hamletCount = r.station().hamlets().size();
    CategoryLine cchc = r.cchc();
    List<String> sentences = new ArrayList<>();
    String opener = r.period().kind() == ReportPeriod.Kind.RANGE
        ? "From " + r.period().label(en) : "In " + r.period().label(en);
    if (cchc.aired() == 0) {
      sentences.add(opener + ", " + r.station().name() + " aired no administrative reform (CCHC) items.");
    } else {
      sentences.add(opener + ", " + r.station().name() + " aired " + n(cchc.aired(), en)
          + " administrative reform (CCHC) items, " + n(Terms.minutes(cchc.airtime()), en) + " minutes in total, in "
          + reachedOfConfig(r, Terms.CCHC) + "/" + hamletCount + " hamlets.");
    }
    Compliance c = r.compliance();
    if (hamletCount > 0 && c.anyMonthJudged()) {
      List<Compliance.Gap> gaps = c.gaps();
      String rule = "CCHC aired in peak hours (" + r.peaks() + ") at least once a month";
      List<Hamlet> waiting = c.waiting();
      boolean over = c.anyMonthOver();
      int ok = over ? hamletCount - gaps.size() : hamletCount - waiting.size();
      String s = rule + " in " + ok + "/" + hamletCount + " hamlets"
          + (over && c.current().isPresent() ? " in the months that are over" : "");
      if (!gaps.isEmpty()) {
        String list = gaps.stream().limit(NAMED_GAPS)
            .map(g -> g.hamlet().name() + " (" + months(g.months(), en) + ")")
            .collect(Collectors.joining("; "));
        if (gaps.size() > NAMED_GAPS) {
          list += "; and " + (gaps.size() - NAMED_GAPS) + " more hamlets";
        }
        s += "; missing in " + list;
      }
      if (!waiting.isEmpty()) {
        s += "; " + months(List.of(c.months().get(c.current().get())), en) + " is not over and "
            + named(waiting, "hamlets", "and", "more") + (waiting.size() == 1 ? " still waits for it" : " still wait for it");
      }
      sentences.add(s + ".");
    }
    if (r.totals().aired() > 0) {
      List<CategoryLine> others = r.categories().stream()
          .filter(l -> !Terms.isCchc(l.key()) && l.aired() > 0).toList();
      String s = "In all, the station aired " + n(r.totals().aired(), en) + " programmes, "
          + n(Terms.minutes(r.totals().airtime()), en) + " minutes";
      if (!others.isEmpty()) {
        s += ", including " + others.stream().limit(NAMED_CATEGORIES)
            .map(l -> Terms.categoryInSentence(l.key(), en) + " " + n(l.aired(), en) + " ("
                + n(Terms.minutes(l.airtime()), en) + " min)")
            .collect(Collectors.joining(", "));
      }
      sentences.add(s + ".");
    }
    if (r.totals().notCompleted() > 0) {
      sentences.add(n(r.totals().notCompleted(), en) + " runs did not complete (" + byOutcome(r, en)
          + "); the airing log gives the reasons.");
    }
    return String.join(" ", sentences);
  }

  /** The first {@link #NAMED_GAPS} hamlets by name, then "and N more". */
  private static String named(List<Hamlet> hamlets, String word, String and, String more) {
    String list = hamlets.stream().limit(NAMED_GAPS).map(Hamlet::name).collect(Collectors.joining(", "));
    if (hamlets.size() > NAMED_GAPS) {
      list += " " + and + " " + (hamlets.size() - NAMED_GAPS) + " " + word + " " + more;
    }
    return list;
  }

  /** How many of the station's configured hamlets the category reached. */
  private static long reachedOfConfig(PeriodReport r, String category) {
    return r.hamlets().stream()
        .filter(h -> h.inConfig() && (Terms.isCchc(category) ? h.cchcAired() > 0 : h.aired() > 0))
        .count();
  }

  private static String byOutcome(PeriodReport r, Language lang) {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    long onAir = 0;
    for (ShortfallGroup g : r.shortfallGroups()) {
      if (g.outcome().isPresent()) {
        counts.merge(g.outcome().get(), g.count(), Long::sum);
      } else {
        onAir += g.count();
      }
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((o, k) -> parts.add(Terms.outcome(Optional.of(o), lang).toLowerCase(locale(lang)) + ": "
        + n(k, lang)));
    if (onAir > 0) {
      parts.add(Terms.outcome(Optional.empty(), lang).toLowerCase(locale(lang)) + ": " + n(onAir, lang));
    }
    return String.join("; ", parts);
  }

  /** "tháng 2/2024, 3/2024" / "February 2024, March 2024". */
  private static String months(List<YearMonth> months, Language lang) {
    if (lang == Language.VI) {
      return "tháng " + months.stream().map(m -> m.getMonthValue() + "/" + m.getYear())
          .collect(Collectors.joining(", "));
    }
    return months.stream().map(m -> Formats.monthInSentence(m, lang)).collect(Collectors.joining(", "));
  }

  private static String n(long value) {
    return Terms.number(value, Language.VI);
  }

  private static String n(long value, Language lang) {
    return Terms.number(value, lang);
  }

  private static Locale locale(Language lang) {
    return lang == Language.VI ? new Locale("vi") : Locale.ENGLISH;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(new Locale("vi")) + s.substring(1);
  }
}
