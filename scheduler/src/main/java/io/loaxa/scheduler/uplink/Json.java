package io.loaxa.scheduler.uplink;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the hub protocol's bodies, read and written without I/O. Reading gives
 * {@code Map<String, Object>} (in order), {@code List<Object>}, {@code String}, {@code BigDecimal},
 * {@code Boolean} and {@link #NULL}; writing goes through {@link Obj}. Nesting is limited, as every
 * body the protocol has is shallow.
 */
final class Json {
  /** JSON's {@code null}. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };
  private static final int MOST_DEPTH = 16;

  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /** Not JSON, or JSON the protocol does not write: the message says where. */
  static final class MalformedException extends Exception {
    MalformedException(String message) {
      super(message);
    }
  }

  /** The value {@code text} holds, alone (only whitespace around it). */
  static Object parse(String text) throws MalformedException {
    Json j = new Json(text);
    j.space();
    Object v = j.value(0);
    j.space();
    if (j.at != text.length()) {
      throw j.bad("text after the value");
    }
    return v;
  }

  /** The object {@code text} holds. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) throws MalformedException {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new MalformedException("not a JSON object");
    }
    return (Map<String, Object>) v;
  }

  private Object value(int depth) throws MalformedException {
    if (depth > MOST_DEPTH) {
      throw bad("nested too deep");
    }
    if (at >= text.length()) {
      throw bad("a value is missing");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return obj(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return word("true", Boolean.TRUE);
      case 'f':
        return word("false", Boolean.FALSE);
      case 'n':
        return word("null", NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw bad("unexpected '" + c + "'");
    }
  }

  private Map<String, Object> obj(int depth) throws MalformedException {
    Map<String, Object> out = new LinkedHashMap<>();
    at++;
    space();
    if (peek('}')) {
      at++;
      return out;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw bad("a key in quotes expected");
      }
      String key = string();
      space();
      expect(':');
      space();
      if (out.put(key, value(depth + 1)) != null) {
        throw bad("key '" + key + "' twice");
      }
      space();
      if (peek(',')) {
        at++;
        continue;
      }
      expect('}');
      return out;
    }
  }

  private List<Object> array(int depth) throws MalformedException {
    List<Object> out = new ArrayList<>();
    at++;
    space();
    if (peek(']')) {
      at++;
      return out;
    }
    while (true) {
      space();
      out.add(value(depth + 1));
      space();
      if (peek(',')) {
        at++;
        continue;
      }
      expect(']');
      return out;
    }
  }

  private String string() throws MalformedException {
    at++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw bad("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw bad("a control character in a string");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw bad("unterminated escape");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw bad("short \\u escape");
          }
          try {
            b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException x) {
            throw bad("bad \\u escape");
          }
          at += 4;
        }
        default -> throw bad("unknown escape \\" + e);
      }
    }
  }

  private Object number() throws MalformedException {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    try {
      return new BigDecimal(text.substring(start, at));
    } catch (NumberFormatException e) {
      throw bad("bad number");
    }
  }

  private Object word(String w, Object v) throws MalformedException {
    if (!text.startsWith(w, at)) {
      throw bad("unexpected word");
    }
    at += w.length();
    return v;
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) throws MalformedException {
    if (!peek(c)) {
      throw bad("'" + c + "' expected");
    }
    at++;
  }

  private void space() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  /** The message names the place; what the peer wrote is shown printable and short, so a log line stays one line. */
  private MalformedException bad(String what) {
    StringBuilder b = new StringBuilder(what.length());
    what.codePoints().limit(80).forEach(c -> {
      if (Character.isISOControl(c) || !Character.isDefined(c)) {
        b.append(String.format("U+%04X", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return new MalformedException(b + " at character " + at);
  }

  /** {@code s} as a JSON string, quotes included. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** An object written field by field, in order. */
  static final class Obj {
    private final StringBuilder b = new StringBuilder("{");

    private Obj key(String k) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append(quote(k)).append(':');
      return this;
    }

    Obj put(String k, String v) {
      key(k).b.append(quote(v));
      return this;
    }

    Obj put(String k, Optional<?> v) {
      key(k);
      if (v.isEmpty()) {
        b.append("null");
      } else if (v.get() instanceof Number || v.get() instanceof Boolean) {
        b.append(v.get());
      } else {
        b.append(quote(v.get().toString()));
      }
      return this;
    }

    Obj put(String k, long v) {
      key(k).b.append(v);
      return this;
    }

    Obj put(String k, boolean v) {
      key(k).b.append(v);
      return this;
    }

    Obj put(String k, List<String> v) {
      key(k).b.append('[');
      for (int i = 0; i < v.size(); i++) {
        b.append(i == 0 ? "" : ",").append(quote(v.get(i)));
      }
      b.append(']');
      return this;
    }

    /** A value already written as JSON (an object or an array of objects). */
    Obj raw(String k, String json) {
      key(k).b.append(json);
      return this;
    }

    @Override
    public String toString() {
      return b + "}";
    }
  }
}
