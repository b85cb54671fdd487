package io.loaxa.audio.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How abbreviations in the station's texts are read aloud (UBND → Ủy ban nhân dân). The defaults
 * hold the common administrative ones; each station edits its own file because some are
 * ambiguous (TT: thông tư, thủ tục or thị trấn). Whole words only, letter case ignored.
 *
 * <p>File format, UTF-8: one {@code ABBREVIATION = words} per line, {@code #} starts a comment line.
 * Immutable.
 */
public final class AbbreviationDictionary {
  private static final String DEFAULTS = "abbreviations-vi.txt";

  private final Map<String, String> entries;
  private final Map<String, String> byLowerKey;
  private final Pattern pattern;

  private AbbreviationDictionary(Map<String, String> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.byLowerKey = new LinkedHashMap<>();
    entries.forEach((k, v) -> byLowerKey.put(lower(k), v));
    List<String> keys = new ArrayList<>(entries.keySet());
    keys.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    String alternation = keys.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    this.pattern = keys.isEmpty()
        ? null
        : Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternation + ")(?![\\p{L}\\p{N}_])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  public static AbbreviationDictionary empty() {
    return new AbbreviationDictionary(Map.of());
  }

  /** The administrative defaults shipped with loaxa (the file {@code abbreviations-vi.txt}). */
  public static AbbreviationDictionary defaults() {
    try (InputStream in = AbbreviationDictionary.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("built-in dictionary " + DEFAULTS + " is missing from the build");
      }
      return new AbbreviationDictionary(entries(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULTS));
    } catch (IOException | DictionaryException e) {
      throw new IllegalStateException("built-in dictionary " + DEFAULTS + " is unreadable: " + e.getMessage(), e);
    }
  }

  /** Entries as given, e.g. from the station config. */
  public static AbbreviationDictionary of(Map<String, String> entries) {
    entries.forEach((k, v) -> {
      if (k.isBlank() || v.isBlank()) {
        throw new IllegalArgumentException("dictionary entry needs a key and words: '" + k + "' = '" + v + "'");
      }
    });
    return new AbbreviationDictionary(entries);
  }

  /**
   * Reads a station's dictionary file.
   *
   * @throws DictionaryException naming file, line and column of the first bad line, or why the file
   *     cannot be read
   */
  public static AbbreviationDictionary load(Path file) throws DictionaryException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DictionaryException(file + ": cannot read the speech dictionary: " + e.getMessage(), e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new DictionaryException(file + ":1:1: the speech dictionary is not UTF-8 text; save it as UTF-8", e);
    }
    return new AbbreviationDictionary(entries(text, file.toString()));
  }

  /**
   * A station's dictionary from text already decoded; {@code source} names it in problems.
   *
   * @throws DictionaryException naming source, line and column of the first bad line
   */
  public static AbbreviationDictionary parse(String text, String source) throws DictionaryException {
    return new AbbreviationDictionary(entries(text, source));
  }

  private static Map<String, String> entries(String text, String source) throws DictionaryException {
    Map<String, String> entries = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      if (i == 0 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1);
      }
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int lineNo = i + 1;
      int eq = raw.indexOf('=');
      if (eq < 0) {
        throw new DictionaryException(source + ":" + lineNo + ":1: expected 'ABBREVIATION = words', found '" + line + "'");
      }
      String key = Normalizer.normalize(raw.substring(0, eq).strip(), Normalizer.Form.NFC);
      String value = Normalizer.normalize(raw.substring(eq + 1).strip(), Normalizer.Form.NFC);
      if (key.isEmpty()) {
        throw new DictionaryException(source + ":" + lineNo + ":1: nothing before '=': which abbreviation?");
      }
      if (value.isEmpty()) {
        throw new DictionaryException(source + ":" + lineNo + ":" + (eq + 2) + ": '" + key + "' has no words after '='");
      }
      Integer earlier = lineOf.put(lower(key), lineNo);
      if (earlier != null) {
        throw new DictionaryException(source + ":" + lineNo + ":1: '" + key + "' is already defined on line " + earlier);
      }
      entries.put(key, value);
    }
    return entries;
  }

  /** This dictionary with {@code station}'s entries added; the station's win where both have a key. */
  public AbbreviationDictionary overriddenBy(AbbreviationDictionary station) {
    Map<String, String> merged = new LinkedHashMap<>();
    entries.forEach((k, v) -> {
      if (!station.byLowerKey.containsKey(lower(k))) {
        merged.put(k, v);
      }
    });
    merged.putAll(station.entries);
    return new AbbreviationDictionary(merged);
  }

  public Map<String, String> entries() {
    return entries;
  }

  /** Replaces every whole-word abbreviation in {@code text} with its words. */
  public String expand(String text) {
    if (pattern == null) {
      return text;
    }
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 32);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(byLowerKey.get(lower(m.group()))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** True when {@code word} (with its trailing dot, if any) is a key: {@code TP.} does not end a sentence. */
  public boolean has(String word) {
    return byLowerKey.containsKey(lower(word));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
