package io.loaxa.audio.speech;

/**
 * A station's abbreviation file cannot be used; the message starts with {@code FILE:LINE:COL:} so
 * an operator can find the line. The station keeps the dictionary it had.
 */
public class DictionaryException extends Exception {
  public DictionaryException(String message) {
    super(message);
  }

  public DictionaryException(String message, Throwable cause) {
    super(message, cause);
  }
}
