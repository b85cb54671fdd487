package io.loaxa.audio.speech;

import io.loaxa.audio.SpeechScript;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a notice as the commune writes it into the words the loudspeakers will say: numbers, dates,
 * times, ranges, percentages, ordinals, Roman numerals, units and abbreviations spelled out the
 * Vietnamese way, cut into sentences with pauses. Pure and thread-safe.
 *
 * <p>What it reads, with examples: {@code 1.250.000} một triệu hai trăm năm mươi nghìn;
 * {@code 3,5%} ba phẩy năm phần trăm; {@code 25/01/2022} ngày hai mươi lăm tháng một năm hai
 * nghìn không trăm hai mươi hai; {@code ngày 10-10} ngày mười tháng mười; {@code 18:15} mười tám
 * giờ mười lăm phút; {@code 7h} bảy giờ; {@code 2021-2030} … đến …; {@code thứ 4} thứ tư;
 * {@code quý III} quý ba; {@code UBND} Ủy ban nhân dân. Unknown capitalised abbreviations that
 * cannot be a Vietnamese syllable are spelled with Vietnamese letter names (BTC → bê tê xê).
 */
public final class VietnameseNormalizer {
  /** After a sentence inside a paragraph. */
  public static final Duration SENTENCE_PAUSE = Duration.ofMillis(450);
  /** After a paragraph, heading or list item. */
  public static final Duration PARAGRAPH_PAUSE = Duration.ofMillis(750);
  /** Between the pieces of a sentence too long to read in one breath. */
  public static final Duration BREATH_PAUSE = Duration.ofMillis(200);
  /** Sentences longer than this many words are cut at a semicolon or comma near the middle. */
  public static final int BREATH_WORDS = 40;
  /** Characters of one text to speak: about an hour read aloud, far more than any notice. */
  public static final int MAX_TEXT_CHARS = 50_000;
  /**
   * Digits of one number read aloud, separators ({@code 1.250.000}, {@code 3,5}) not counted: past
   * this it is not a figure people can follow on a loudspeaker but a code to be written in words.
   */
  public static final int MAX_NUMBER_DIGITS = 30;

  private static final Pattern DMY_DASHED = dmy("[.\\-]");
  private static final Pattern DMY = dmy("/");
  private static final Pattern DAY_DASH_MONTH = Pattern.compile("(?iu)(?<![\\p{L}])(ngày)\\s+(\\d{1,2})-(\\d{1,2})(?![\\d/\\-])");
  private static final Pattern RANGE_DASH = Pattern.compile("(?<=\\d[hg]|\\d|%|')\\s*[\\-–—]\\s*(?=\\d)");
  private static final Pattern MONTH_YEAR = Pattern.compile("(?iu)(?:(?<![\\p{L}])(tháng)\\s+)?(?<![\\d/])(\\d{1,2})/(\\d{4})(?!\\d)");
  private static final Pattern DAY_MONTH = Pattern.compile("(?iu)(?:(?<![\\p{L}])(ngày|mùng|mồng)\\s+)?(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?![\\d/])");
  private static final Pattern CLOCK = Pattern.compile("(?<![\\d:])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d:])");
  private static final Pattern HOUR_MARK = Pattern.compile("(?<![\\d\\p{L}])(\\d{1,2})\\s?[hg](\\d{2})?(?:ph|p|')?(?![\\p{L}\\d])");
  private static final Pattern ROMAN_AFTER = Pattern.compile(
      "(?<![\\p{L}])((?iu:quý|phần|chương|mục|khóa|khoá|kỳ|kì|thế kỷ|thế kỉ|đại hội|thứ|tập|hạng|lần|cấp độ|giai đoạn))\\s+([IVXLCDM]+)(?:/(\\d{4}))?(?![\\p{L}\\d])");
  private static final Pattern ROMAN_HEADING = Pattern.compile("^([IVXLCDM]+)[.)](?=\\s|$)");
  private static final Pattern LETTER_ITEM = Pattern.compile("^([a-zđ])\\)\\s*");
  private static final Pattern ORDINAL = Pattern.compile("(?iu)(?<![\\p{L}])(thứ)\\s+(\\d{1,3})(?![\\d.,/])");
  private static final Pattern MONTH = Pattern.compile("(?iu)(?<![\\p{L}])(tháng)\\s+(\\d{1,2})(?![\\d.,/])");
  private static final Pattern SECTION = Pattern.compile("(?<![\\d.,])(\\d{1,2}(?:\\.\\d{1,2})+)(?![\\d]|,\\d)");
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\d])(\\p{L})?(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?"
          + "(?:\\s?(%|km/h|km²|km2|m²|m2|m³|m3|m/s|mm|cm|km|kg|ha|kWh|kW|MW|°C|oC|°|VNĐ|VND|vnđ|đ|tr|m)(?![\\p{L}\\p{N}]))?");
  private static final Pattern WEB = Pattern.compile(
      "(?iu)(?:https?://)?(?:[\\w\\-]+\\.)+(?:vn|com|gov|org|net|edu|info)(?:/[\\w\\-./]*)?(?![\\p{L}\\d])|[\\w.+\\-]+@[\\w\\-]+(?:\\.[\\w\\-]+)+");
  /** An abbreviation typed without the space before the next word: {@code KH-UBNDngày}. */
  private static final Pattern GLUED_CAPS = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}{2,})(?=\\p{Ll}{2,})");
  private static final Pattern CAPS_WORD = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}+(?![\\p{L}\\p{N}])");
  private static final Pattern SYLLABLE = Pattern.compile(
      "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?[aeiouy]{1,3}(ng|nh|ch|c|m|n|p|t|u|i|o|y)?");
  private static final Pattern SENTENCE_END = Pattern.compile("(\\.{3}|…|[.!?]+)(?=\\s|$)");
  private static final Pattern NEW_ITEM = Pattern.compile("^(?:[\\-+•*–—]\\s|(?:[IVXLC]+|\\d{1,2}(?:\\.\\d{1,2})*|[a-zđ])[.)]\\s)");
  private static final Pattern BULLET = Pattern.compile("^[\\-+•*–—]\\s+");
  private static final Pattern LINKING_WORD = Pattern.compile("(?<= )(?:của|và|về|trong|trên|tại|với|cho|để|nhằm|theo) ");
  private static final Pattern SAME_DAY_MONTH = Pattern.compile("(?<![\\d/\\-])(\\d{1,2})-(\\1)(?![\\d/\\-])");
  private static final Pattern PER = Pattern.compile("(?iu)(?<=\\p{L})/(?=(?:tháng|năm|ngày|tuần|quý|giờ|người|hộ|lần)(?![\\p{L}]))");
  private static final Pattern LEVELS = Pattern.compile("(?iu)(?<![\\p{L}])(mức độ|mức)\\s+(\\d),(\\d)(?![\\d,])");
  private static final Pattern SPELLABLE_PIECE = Pattern.compile("[\\p{L}\\d]+|[.@/:\\-_]");

  private static final String[][] UNITS = {
      {"%", "phần trăm"}, {"km/h", "ki-lô-mét một giờ"}, {"km²", "ki-lô-mét vuông"}, {"km2", "ki-lô-mét vuông"},
      {"m²", "mét vuông"}, {"m2", "mét vuông"}, {"m³", "mét khối"}, {"m3", "mét khối"}, {"m/s", "mét một giây"},
      {"mm", "mi-li-mét"}, {"cm", "xăng-ti-mét"}, {"km", "ki-lô-mét"}, {"kg", "ki-lô-gam"}, {"ha", "héc-ta"},
      {"kWh", "ki-lô-oát giờ"}, {"kW", "ki-lô-oát"}, {"MW", "mê-ga-oát"}, {"°C", "độ xê"}, {"oC", "độ xê"},
      {"°", "độ"}, {"VNĐ", "đồng"}, {"VND", "đồng"}, {"vnđ", "đồng"}, {"đ", "đồng"}, {"tr", "triệu"}, {"m", "mét"},
  };

  private final VietnameseNumbers numbers;
  private final AbbreviationDictionary dictionary;

  public VietnameseNormalizer(Region region, AbbreviationDictionary dictionary) {
    this.numbers = new VietnameseNumbers(region);
    this.dictionary = dictionary;
  }

  /** Northern reading with the built-in abbreviations. */
  public static VietnameseNormalizer northern() {
    return new VietnameseNormalizer(Region.NORTH, AbbreviationDictionary.defaults());
  }

  public Region region() {
    return numbers.region();
  }

  public AbbreviationDictionary dictionary() {
    return dictionary;
  }

  /**
   * The text as it will be spoken, sentence by sentence with pauses. Any Unicode text is read or
   * refused; nothing else escapes.
   *
   * @throws IllegalArgumentException the only refusal, its message in the operator's words: the text
   *     holds nothing to speak, is longer than {@link #MAX_TEXT_CHARS}, or has a number of more than
   *     {@link #MAX_NUMBER_DIGITS} digits
   */
  public SpeechScript script(String text) {
    refuseOversized(text);
    List<SpeechScript.Sentence> out = new ArrayList<>();
    List<String> blocks = blocks(clean(text));
    for (String block : blocks) {
      List<String> sentences = sentences(block);
      for (int i = 0; i < sentences.size(); i++) {
        String spoken = finish(expand(sentences.get(i)));
        if (spoken.isEmpty()) {
          continue;
        }
        Duration pause = i == sentences.size() - 1 ? PARAGRAPH_PAUSE : SENTENCE_PAUSE;
        List<String> pieces = breaths(spoken);
        for (int p = 0; p < pieces.size(); p++) {
          out.add(new SpeechScript.Sentence(pieces.get(p), p == pieces.size() - 1 ? pause : BREATH_PAUSE));
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the text has nothing to speak");
    }
    SpeechScript.Sentence last = out.get(out.size() - 1);
    out.set(out.size() - 1, new SpeechScript.Sentence(last.text(), Duration.ZERO));
    return new SpeechScript("vi", out);
  }

  /** The spoken text, one sentence per line. */
  public String spoken(String text) {
    return script(text).text();
  }

  private static void refuseOversized(String text) {
    if (text.length() > MAX_TEXT_CHARS) {
      throw new IllegalArgumentException(String.format("văn bản quá dài để đọc: %,d ký tự, tối đa %,d; hãy chia thành nhiều bản tin"
          + " — the text is %,d characters; at most %,d are read in one airing, split it", text.length(), MAX_TEXT_CHARS,
          text.length(), MAX_TEXT_CHARS));
    }
    int digits = 0;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > MAX_NUMBER_DIGITS) {
          throw new IllegalArgumentException("số quá dài ở dòng " + line + ": hơn " + MAX_NUMBER_DIGITS
              + " chữ số; hãy viết bằng chữ hoặc tách ra — a number of more than " + MAX_NUMBER_DIGITS + " digits at line "
              + line + "; write it in words or split it");
        }
      } else if (!((c == '.' || c == ',') && digits > 0 && i + 1 < text.length() && text.charAt(i + 1) >= '0'
          && text.charAt(i + 1) <= '9')) {
        digits = 0;
        if (c == '\n') {
          line++;
        }
      }
    }
  }

  // ---------------------------------------------------------------- layout: lines, blocks, sentences

  private static String clean(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFC);
    t = t.replace("\r\n", "\n").replace('\r', '\n');
    t = sub(t, "[\\u200B-\\u200D\\uFEFF]", "");
    t = sub(t, "[\\t\\u00A0\\u2007\\u202F]", " ");
    t = sub(t, "\\*+|#+|`+|_{2,}", " ");
    t = sub(t, "[\"“”«»„]", "");
    t = sub(t, "(?<![\\p{L}\\d])['‘’]|['‘’](?![\\p{L}\\d])(?<![\\dhgp]')", "");
    return t;
  }

  /**
   * Joins hard-wrapped lines back into paragraphs: a line continues the previous one unless that
   * ended a sentence, was a heading, or this one starts a list item or numbered heading.
   */
  private static List<String> blocks(String text) {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String previous = "";
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      boolean startsNew = NEW_ITEM.matcher(line).find();
      if (current.length() > 0 && (startsNew || endsBlock(previous))) {
        blocks.add(current.toString());
        current.setLength(0);
      }
      previous = line;
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(BULLET.matcher(line).replaceFirst(""));
    }
    if (current.length() > 0) {
      blocks.add(current.toString());
    }
    return blocks;
  }

  private static boolean endsBlock(String text) {
    String t = text.strip();
    char last = t.charAt(t.length() - 1);
    if (".!?:;…".indexOf(last) >= 0) {
      return true;
    }
    String letters = sub(t, "[^\\p{L}]", "");
    return letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT));
  }

  private List<String> sentences(String block) {
    List<String> sentences = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(block);
    int start = 0;
    while (m.find()) {
      if (m.group().equals(".") && continuesAfterDot(block, m.start())) {
        continue;
      }
      int heading = headingStart(block, start, m.start());
      if (heading > start) {
        add(sentences, block.substring(start, heading));
        start = heading;
      }
      add(sentences, block.substring(start, m.end()));
      start = m.end();
    }
    add(sentences, block.substring(start));
    return sentences;
  }

  /** A dot that belongs to an abbreviation ({@code TP.}) or a lone initial does not end a sentence. */
  private boolean continuesAfterDot(String block, int dot) {
    int wordStart = dot;
    while (wordStart > 0 && !Character.isWhitespace(block.charAt(wordStart - 1))) {
      wordStart--;
    }
    String word = block.substring(wordStart, dot + 1);
    if (dictionary.has(word)) {
      return true;
    }
    return dot + 1 < block.length() && word.length() == 2 && Character.isUpperCase(word.charAt(0))
        && VietnameseNumbers.roman(word.substring(0, 1)).isEmpty() && wordStart > 0;
  }

  /**
   * Where a heading number run into the text starts ({@code … như sau: II. NỘI DUNG}), so it is read
   * as its own sentence; {@code from} when the dot ends an ordinary sentence.
   */
  private static int headingStart(String block, int from, int dot) {
    int wordStart = dot;
    while (wordStart > from && !Character.isWhitespace(block.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (wordStart == from || dot + 1 >= block.length()) {
      return from;
    }
    String token = block.substring(wordStart, dot);
    String before = block.substring(from, wordStart).strip();
    if (before.isEmpty()) {
      return from;
    }
    boolean roman = matches(token, "[IVXLC]+") && VietnameseNumbers.roman(token).isPresent();
    boolean number = matches(token, "\\d{1,2}(?:\\.\\d{1,2})*");
    String lastWord = sub(before.substring(before.lastIndexOf(' ') + 1), "[^\\p{L}]", "");
    boolean afterHeading = before.endsWith(":") || before.endsWith(";")
        || (lastWord.length() >= 2 && lastWord.equals(lastWord.toUpperCase(Locale.ROOT)));
    return roman || (number && afterHeading) ? wordStart : from;
  }

  private static void add(List<String> sentences, String sentence) {
    String s = sentence.strip();
    if (!s.isEmpty() && s.chars().anyMatch(Character::isLetterOrDigit)) {
      sentences.add(s);
    }
  }

  /**
   * Cuts a sentence longer than {@link #BREATH_WORDS} at a semicolon or comma near its middle, or
   * failing that before a linking word (của, và, về, trong, …), never inside a compound word.
   */
  private static List<String> breaths(String sentence) {
    String[] words = sentence.split(" ");
    if (words.length <= BREATH_WORDS) {
      return List.of(sentence);
    }
    int middle = sentence.length() / 2;
    int cut = nearest(sentence, "; ", middle);
    if (cut < 0) {
      cut = nearest(sentence, ", ", middle);
    }
    if (cut < 0) {
      Matcher m = LINKING_WORD.matcher(sentence);
      int best = -1;
      while (m.find()) {
        if (m.start() > 0 && (best < 0 || Math.abs(m.start() - middle) < Math.abs(best - middle))) {
          best = m.start();
        }
      }
      if (best < 0) {
        return List.of(sentence);
      }
      cut = best - 1;
    }
    String head = sentence.substring(0, cut + 1).strip();
    if (!head.endsWith(",") && !head.endsWith(";")) {
      head = head + ",";
    }
    String tail = sentence.substring(cut + 1).strip();
    List<String> out = new ArrayList<>(breaths(head));
    out.addAll(breaths(tail));
    return out;
  }

  private static int nearest(String sentence, String mark, int middle) {
    int best = -1;
    for (int i = sentence.indexOf(mark); i >= 0; i = sentence.indexOf(mark, i + 1)) {
      if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) {
        best = i;
      }
    }
    return best > 0 ? best : -1;
  }

  // ---------------------------------------------------------------- one sentence

  /** Everything spelled out, in an order where earlier rules see the digits later ones would eat. */
  String expand(String sentence) {
    String s = sentence;
    if (s.indexOf('.') >= 0 || s.indexOf('@') >= 0) {
      s = replace(WEB, s, m -> web(m.group()));
    }
    s = replace(GLUED_CAPS, s, m -> dictionary.has(m.group(1)) ? m.group(1) + " " : m.group());
    s = dictionary.expand(s);
    if (s.chars().noneMatch(c -> c >= '0' && c <= '9')) {
      s = replace(ROMAN_HEADING, s, m -> romanValue(m.group(1)).isPresent()
          ? numbers.cardinal(romanValue(m.group(1)).getAsInt()) + "." : m.group());
      s = replace(LETTER_ITEM, s, m -> letterName(m.group(1)) + ", ");
      s = replace(ROMAN_AFTER, s, this::romanAfterWord);
      s = capsWords(s);
      return symbols(s);
    }
    s = replace(ROMAN_HEADING, s, m -> romanValue(m.group(1)).isPresent()
        ? numbers.cardinal(romanValue(m.group(1)).getAsInt()) + "." : m.group());
    s = replace(LETTER_ITEM, s, m -> letterName(m.group(1)) + ", ");
    s = replace(DMY_DASHED, s, this::dayMonthYear);
    s = replace(DAY_DASH_MONTH, s, m -> dayMonth(m.group(1), m.group(2), m.group(3)).orElse(m.group()));
    s = replace(SAME_DAY_MONTH, s, m -> dayMonth(null, m.group(1), m.group(2)).orElse(m.group()));
    s = replace(PER, s, m -> " mỗi ");
    s = replace(LEVELS, s, m -> m.group(1) + " " + m.group(2) + " và " + m.group(3));
    s = replace(RANGE_DASH, s, m -> " đến ");
    s = replace(DMY, s, this::dayMonthYear);
    s = replace(MONTH_YEAR, s, this::monthYear);
    s = replace(DAY_MONTH, s, m -> dayMonth(m.group(1), m.group(2), m.group(3)).orElse(m.group()));
    s = replace(CLOCK, s, m -> time(m.group(1), m.group(2), m.group(3)).orElse(m.group()));
    s = replace(HOUR_MARK, s, m -> time(m.group(1), m.group(2), null).orElse(m.group()));
    s = replace(ROMAN_AFTER, s, this::romanAfterWord);
    s = replace(ORDINAL, s, m -> m.group(1) + " " + numbers.ordinal(Long.parseLong(m.group(2))));
    s = replace(MONTH, s, m -> {
      int month = Integer.parseInt(m.group(2));
      return month >= 1 && month <= 12 ? m.group(1) + " " + numbers.month(month) : m.group();
    });
    s = replace(SECTION, s, m -> section(m.group(1)));
    s = replace(NUMBER, s, this::number);
    s = capsWords(s);
    return symbols(s);
  }

  private static String capsWords(String s) {
    return mayHoldCapsWord(s) ? replace(CAPS_WORD, s, m -> capsWord(m.group())) : s;
  }

  /**
   * Whether {@link #CAPS_WORD} can match: only where a capital ends a word. Most sentences have
   * none (a capital starts them), and this look costs far less than the pattern's attempt at
   * every position.
   */
  private static boolean mayHoldCapsWord(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isUpperCase(c) && (i == s.length() || !Character.isLetterOrDigit(s.codePointAt(i)))) {
        return true;
      }
    }
    return false;
  }

  private String dayMonthYear(Matcher m) {
    int day = Integer.parseInt(m.group(2));
    int month = Integer.parseInt(m.group(4));
    if (day < 1 || day > 31 || month < 1 || month > 12) {
      return m.group();
    }
    String ngay = m.group(1) == null ? "ngày" : m.group(1);
    return ngay + " " + numbers.cardinal(day) + " tháng " + numbers.month(month) + " năm "
        + numbers.cardinal(Long.parseLong(m.group(5)));
  }

  private Optional<String> dayMonth(String word, String dayText, String monthText) {
    int day = Integer.parseInt(dayText);
    int month = Integer.parseInt(monthText);
    if (day < 1 || day > 31 || month < 1 || month > 12) {
      return Optional.empty();
    }
    String ngay = word == null ? "ngày" : word;
    return Optional.of(ngay + " " + numbers.cardinal(day) + " tháng " + numbers.month(month));
  }

  private String monthYear(Matcher m) {
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) {
      return m.group();
    }
    String thang = m.group(1) == null ? "tháng" : m.group(1);
    return thang + " " + numbers.month(month) + " năm " + numbers.cardinal(Long.parseLong(m.group(3)));
  }

  private Optional<String> time(String h, String min, String sec) {
    int hour = Integer.parseInt(h);
    int minute = min == null ? 0 : Integer.parseInt(min);
    int second = sec == null ? 0 : Integer.parseInt(sec);
    if (hour > 24 || minute > 59 || second > 59) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(numbers.cardinal(hour)).append(" giờ");
    if (minute > 0 || second > 0) {
      out.append(' ').append(numbers.cardinal(minute)).append(" phút");
    }
    if (second > 0) {
      out.append(' ').append(numbers.cardinal(second)).append(" giây");
    }
    return Optional.of(out.toString());
  }

  private String romanAfterWord(Matcher m) {
    OptionalInt value = romanValue(m.group(2));
    if (value.isEmpty()) {
      return m.group();
    }
    String word = m.group(1);
    String spoken = word.equalsIgnoreCase("thứ") ? numbers.ordinal(value.getAsInt()) : numbers.cardinal(value.getAsInt());
    String year = m.group(3) == null ? "" : " năm " + numbers.cardinal(Long.parseLong(m.group(3)));
    return word + " " + spoken + year;
  }

  private static OptionalInt romanValue(String text) {
    return VietnameseNumbers.roman(text);
  }

  private String section(String dotted) {
    String[] parts = dotted.split("\\.");
    List<String> words = new ArrayList<>();
    for (String p : parts) {
      words.add(numbers.cardinal(Long.parseLong(p)));
    }
    return String.join(" chấm ", words);
  }

  /** A number with its unit; kept apart from letters written against it (T6, 2024ngày). */
  private String number(Matcher m) {
    String before = m.group(1) == null ? "" : m.group(1) + " ";
    String written = m.group(2) + (m.group(3) == null ? "" : "," + m.group(3));
    String spoken = before + numbers.written(written);
    String unit = m.group(4);
    if (unit == null) {
      return spoken + " ";
    }
    for (String[] u : UNITS) {
      if (u[0].equals(unit)) {
        return spoken + " " + u[1];
      }
    }
    return spoken + " " + unit;
  }

  private static Pattern dmy(String separator) {
    return Pattern.compile("(?iu)(?:(?<![\\p{L}])(ngày)\\s+)?(?<![\\d/.])(\\d{1,2})(" + separator
        + ")(\\d{1,2})\\3(\\d{4})(?!\\d)");
  }

  /** An all-capital word: a heading word is said as a word; an unknown abbreviation letter by letter. */
  private static String capsWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (isSyllable(lower)) {
      return lower;
    }
    return spell(lower);
  }

  static boolean isSyllable(String lowerWord) {
    String base = sub(Normalizer.normalize(lowerWord, Normalizer.Form.NFD), "\\p{M}", "");
    return SYLLABLE.matcher(base).matches();
  }

  private static String spell(String lowerWord) {
    List<String> names = new ArrayList<>();
    String base = Normalizer.normalize(lowerWord, Normalizer.Form.NFC);
    for (int i = 0; i < base.length(); i++) {
      names.add(letterName(String.valueOf(base.charAt(i))));
    }
    return String.join(" ", names);
  }

  /** Vietnamese letter names: bê, xê, dê, đê, … and ép, gi, vê kép, dét for the foreign four. */
  static String letterName(String letter) {
    return switch (letter.toLowerCase(Locale.ROOT)) {
      case "a" -> "a";
      case "b" -> "bê";
      case "c" -> "xê";
      case "d" -> "dê";
      case "đ" -> "đê";
      case "e" -> "e";
      case "g" -> "giê";
      case "h" -> "hát";
      case "i" -> "i";
      case "k" -> "ca";
      case "l" -> "e-lờ";
      case "m" -> "em-mờ";
      case "n" -> "en-nờ";
      case "o" -> "o";
      case "p" -> "pê";
      case "q" -> "quy";
      case "r" -> "e-rờ";
      case "s" -> "ét-xì";
      case "t" -> "tê";
      case "u" -> "u";
      case "v" -> "vê";
      case "x" -> "ích-xì";
      case "y" -> "i-dài";
      case "f" -> "ép";
      case "j" -> "gi";
      case "w" -> "vê kép";
      case "z" -> "dét";
      default -> letter;
    };
  }

  /** A web or mail address, piece by piece: dichvucong chấm gov chấm vê en. */
  private String web(String address) {
    List<String> words = new ArrayList<>();
    String a = address.replaceFirst("(?i)^https?://", "");
    Matcher m = SPELLABLE_PIECE.matcher(a);
    while (m.find()) {
      String piece = m.group();
      switch (piece) {
        case "." -> words.add("chấm");
        case "@" -> words.add("a còng");
        case "/" -> words.add("gạch chéo");
        case ":" -> words.add("hai chấm");
        case "-" -> words.add("gạch ngang");
        case "_" -> words.add("gạch dưới");
        default -> {
          String lower = piece.toLowerCase(Locale.ROOT);
          if (lower.chars().allMatch(Character::isDigit)) {
            words.add(numbers.digits(lower));
          } else if (lower.length() <= 4 && !isSyllable(lower)) {
            words.add(spell(lower));
          } else {
            words.add(lower);
          }
        }
      }
    }
    return String.join(" ", words);
  }

  private static String symbols(String text) {
    String s = text;
    s = s.replace("&", " và ");
    s = sub(s, "\\s*[=]\\s*", " bằng ");
    s = sub(s, "[~≈]", " khoảng ");
    s = sub(s, "[()\\[\\]{}]", ", ");
    s = sub(s, "\\s+[\\-–—]+\\s+|\\s+[\\-–—]+(?=\\p{L})|(?<=\\p{L})[–—]+(?=\\p{L})", ", ");
    s = sub(s, "^[\\-–—+•]+\\s*", "");
    s = sub(s, "(?<=\\p{L})[\\-–—]+(?=\\s|$|[,.;:])", "");
    s = sub(s, "(?<=\\s|^)[+•]+(?=\\s)", " ");
    s = s.replace("/", " ");
    s = sub(s, "(?<=\\p{Ll})-(?=\\p{Lu})", " ");
    s = sub(s, "\\.{3}|…", ".");
    s = sub(s, "\\s+", " ");
    s = sub(s, "\\s+([,.;:!?])", "$1");
    s = sub(s, "([,;:])(?:\\s*[,;:])+", "$1");
    s = sub(s, ",\\s*([.!?])", "$1");
    s = sub(s, "^[\\s,.;:]+", "");
    s = sub(s, "([,;:])(?=[\\p{L}\\d])", "$1 ");
    return s.strip();
  }

  /** Ends a finished sentence with its stop; a heading without one gets a full stop. */
  private static String finish(String sentence) {
    String s = sentence.strip();
    if (s.isEmpty() || s.chars().noneMatch(Character::isLetterOrDigit)) {
      return "";
    }
    s = sub(s, "[,;:]+$", "");
    if (!matches(s, "(?s).*[.!?]$")) {
      s = s + ".";
    }
    return s;
  }

  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  /** {@link String#replaceAll} without compiling the pattern again for every sentence. */
  private static String sub(String text, String regex, String replacement) {
    return COMPILED.computeIfAbsent(regex, Pattern::compile).matcher(text).replaceAll(replacement);
  }

  private static boolean matches(String text, String regex) {
    return COMPILED.computeIfAbsent(regex, Pattern::compile).matcher(text).matches();
  }

  private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
