package io.loaxa.scheduler.setup;

import java.text.Normalizer;
import java.util.Locale;

/** A hamlet's key made from its name the way an installer would write it: "Ấp Đông 1" gives {@code ap-dong-1}. */
final class ZoneKeys {
  private ZoneKeys() {}

  static String fromName(String name) {
    String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "");
    String key = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return key.length() > 64 ? key.substring(0, 64).replaceAll("-+$", "") : key;
  }
}
