package io.loaxa.audio.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Numbers read aloud in Vietnamese: cardinals with the mốt / lăm / tư / linh / không trăm rules,
 * ordinals (thứ nhất, thứ tư), months (tháng tư), decimals (ba phẩy năm), digit strings (phone
 * numbers) and Roman numerals. Pure; see the speech reference for the rules.
 */
public final class VietnameseNumbers {
  private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
  private static final long BILLION = 1_000_000_000L;

  private final Region region;

  public VietnameseNumbers(Region region) {
    this.region = region;
  }

  public Region region() {
    return region;
  }

  /** The word for one digit 0–9. */
  public static String digit(int d) {
    return DIGITS[d];
  }

  /** 21 → hai mươi mốt, 105 → một trăm linh năm, 2024 → hai nghìn không trăm hai mươi tư. */
  public String cardinal(long n) {
    if (n == 0) {
      return "không";
    }
    if (n < 0) {
      return "âm " + cardinal(-n);
    }
    List<String> words = new ArrayList<>();
    read(n, false, words);
    return String.join(" ", words);
  }

  /** Appends {@code n > 0}; {@code inner}: a higher part was already read, so zero hundreds are said. */
  private void read(long n, boolean inner, List<String> words) {
    if (n >= BILLION) {
      read(n / BILLION, inner, words);
      words.add("tỷ");
      long rest = n % BILLION;
      if (rest > 0) {
        read(rest, true, words);
      }
      return;
    }
    int[] groups = {(int) (n / 1_000_000), (int) (n / 1000 % 1000), (int) (n % 1000)};
    String[] scales = {"triệu", region.thousand(), ""};
    boolean said = inner;
    for (int i = 0; i < 3; i++) {
      if (groups[i] == 0) {
        continue;
      }
      group(groups[i], said, words);
      if (!scales[i].isEmpty()) {
        words.add(scales[i]);
      }
      said = true;
    }
  }

  private void group(int g, boolean full, List<String> words) {
    int hundreds = g / 100;
    int tens = g / 10 % 10;
    int units = g % 10;
    boolean hundredSaid = full || hundreds > 0;
    if (hundredSaid) {
      words.add(DIGITS[hundreds]);
      words.add("trăm");
    }
    if (tens == 0) {
      if (units > 0) {
        if (hundredSaid) {
          words.add(region.zeroTens());
        }
        words.add(DIGITS[units]);
      }
    } else if (tens == 1) {
      words.add("mười");
      if (units == 5) {
        words.add("lăm");
      } else if (units > 0) {
        words.add(DIGITS[units]);
      }
    } else {
      words.add(DIGITS[tens]);
      words.add("mươi");
      switch (units) {
        case 0 -> { }
        case 1 -> words.add("mốt");
        case 4 -> words.add("tư");
        case 5 -> words.add("lăm");
        default -> words.add(DIGITS[units]);
      }
    }
  }

  /** thứ nhất, thứ hai, thứ tư, thứ mười. */
  public String ordinal(long n) {
    if (n == 1) {
      return "nhất";
    }
    if (n == 4) {
      return "tư";
    }
    return cardinal(n);
  }

  /** tháng một … tháng tư … tháng mười hai. */
  public String month(int m) {
    return m == 4 ? "tư" : cardinal(m);
  }

  /** Each digit on its own: 0912 → không chín một hai. */
  public String digits(String digitString) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digitString.length(); i++) {
      char c = digitString.charAt(i);
      if (c >= '0' && c <= '9') {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(DIGITS[c - '0']);
      }
    }
    return out.toString();
  }

  /**
   * A number written with Vietnamese separators: {@code 1.250.000}, {@code 3,5}, {@code 0,05}. The
   * part after the comma is read as a number after any leading zeros ({@code 3,05} → ba phẩy không
   * năm), digit by digit when longer than three.
   */
  public String written(String text) {
    int comma = text.indexOf(',');
    String whole = (comma < 0 ? text : text.substring(0, comma)).replace(".", "");
    String spoken = wholeNumber(whole);
    if (comma < 0) {
      return spoken;
    }
    String fraction = text.substring(comma + 1);
    StringBuilder out = new StringBuilder(spoken).append(" phẩy");
    int zeros = 0;
    while (zeros < fraction.length() - 1 && fraction.charAt(zeros) == '0') {
      out.append(" không");
      zeros++;
    }
    String rest = fraction.substring(zeros);
    out.append(' ').append(rest.length() > 3 ? digits(rest) : cardinal(Long.parseLong(rest)));
    return out.toString();
  }

  /**
   * Digits of a whole number: a leading zero on four or more digits reads digit by digit (phone
   * numbers, codes); otherwise as a cardinal ({@code 06} → sáu).
   */
  public String wholeNumber(String digitsOnly) {
    if (digitsOnly.length() >= 4 && digitsOnly.charAt(0) == '0') {
      return digits(digitsOnly);
    }
    if (digitsOnly.length() > 18) {
      return digits(digitsOnly);
    }
    return cardinal(Long.parseLong(digitsOnly));
  }

  /** The value of a Roman numeral in canonical form (I … MMMCMXCIX), or empty if it is not one. */
  public static OptionalInt roman(String text) {
    if (text.isEmpty() || !text.matches("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")) {
      return OptionalInt.empty();
    }
    int total = 0;
    for (int i = 0; i < text.length(); i++) {
      int v = romanDigit(text.charAt(i));
      int next = i + 1 < text.length() ? romanDigit(text.charAt(i + 1)) : 0;
      total += v < next ? -v : v;
    }
    return OptionalInt.of(total);
  }

  private static int romanDigit(char c) {
    return switch (c) {
      case 'I' -> 1;
      case 'V' -> 5;
      case 'X' -> 10;
      case 'L' -> 50;
      case 'C' -> 100;
      case 'D' -> 500;
      case 'M' -> 1000;
      default -> 0;
    };
  }
}
