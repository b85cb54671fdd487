package io.loaxa.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentTextTest {
  @Test
  void everyKindOfSegmentIsStoredOnOneLineAndReadBackUnchanged() {
    List<Segment> segments = List.of(
        new Segment.Chime("default"),
        new Segment.File("nhac/dan ca.mp3"),
        new Segment.Text("Kính thưa bà con,\nhọp lúc 7:30 \\ tại hội trường"),
        new Segment.Speech("cchc/{topic}.txt"),
        new Segment.Rebroadcast("http://radio.example/vov1.mp3?a=1&b=2", Duration.ofMinutes(30)),
        new Segment.LineIn(Duration.ofMinutes(15)),
        new Segment.Gap(Duration.ofSeconds(2)));
    String text = SegmentText.format(segments);
    assertEquals(segments.size(), text.split("\n").length);
    assertEquals(segments, SegmentText.parse(text));
  }

  @Test
  void aDamagedLineIsRefusedNamingTheLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentText.parse("chime: default\nrebroadcast: http://x"));
    assertEquals("segment line 2: rebroadcast needs 'LENGTH URL'", e.getMessage());
  }

  @Test
  void theMonthsTopicFillsPathsAndTextOfAProgramme() {
    Programme p = new Programme(new ProgrammeKey("cchc"), "CCHC", Category.CCHC, Priority.NORMAL,
        List.of(new Segment.Speech("cchc/{topic}.txt"), new Segment.File("cchc/{topic}.mp3"), new Segment.Text("Chủ đề {topic}")),
        Duration.ZERO, java.util.Optional.empty(), java.util.Optional.of("default"), java.util.Optional.empty());
    assertEquals(List.of(new Segment.Chime("default"), new Segment.Speech("cchc/de-an-06.txt"), new Segment.File("cchc/de-an-06.mp3"),
        new Segment.Text("Chủ đề de-an-06")), p.withTopic("de-an-06").playlist());
    // 10 s chime + a minute for each of three segments of unstated length
    assertEquals(Duration.ofSeconds(190), p.plannedLength());
  }
}
