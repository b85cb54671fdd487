package io.loaxa.audio.speech;

import io.loaxa.audio.SpeechScript;

/**
 * A speech script as SSML, the markup espeak-ng (and most engines) read with {@code -m}: each
 * sentence followed by an exact {@code <break>}. The text is XML-escaped, so markup written in a
 * notice is read out, never obeyed.
 */
public final class Ssml {
  private Ssml() {}

  public static String of(SpeechScript script) {
    StringBuilder out = new StringBuilder("<speak>");
    for (SpeechScript.Sentence s : script.sentences()) {
      escape(s.text(), out);
      long millis = s.pauseAfter().toMillis();
      if (millis > 0) {
        out.append("<break time=\"").append(millis).append("ms\"/>");
      }
      out.append('\n');
    }
    return out.append("</speak>").toString();
  }

  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
  }
}
