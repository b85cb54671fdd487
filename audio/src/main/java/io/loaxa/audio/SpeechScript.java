package io.loaxa.audio;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Text exactly as it will be spoken, cut into sentences with the pause after each one (a bulletin
 * read in one breath is hard to follow on a loudspeaker line).
 *
 * @param language BCP 47 language the text is written in ({@code vi})
 * @param sentences in reading order; never empty
 */
public record SpeechScript(String language, List<Sentence> sentences) {
  public SpeechScript {
    Objects.requireNonNull(language, "language");
    sentences = List.copyOf(sentences);
    if (sentences.isEmpty()) {
      throw new IllegalArgumentException("nothing to speak");
    }
  }

  /** One sentence (or a breath-sized piece of a long one) and the silence after it. */
  public record Sentence(String text, Duration pauseAfter) {
    public Sentence {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("blank sentence");
      }
      if (pauseAfter.isNegative()) {
        throw new IllegalArgumentException("negative pause: " + pauseAfter);
      }
    }
  }

  /** A script of one sentence with no pause, for short texts and tests. */
  public static SpeechScript of(String language, String text) {
    return new SpeechScript(language, List.of(new Sentence(text.strip(), Duration.ZERO)));
  }

  /** The sentences one per line, as {@code loaxa tts normalize} prints them. */
  public String text() {
    return sentences.stream().map(Sentence::text).collect(Collectors.joining("\n"));
  }

  /** Words spoken, counted at spaces. */
  public int wordCount() {
    int words = 0;
    for (Sentence s : sentences) {
      words += s.text().strip().split("\\s+").length;
    }
    return words;
  }
}
