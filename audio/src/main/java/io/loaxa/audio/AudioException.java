package io.loaxa.audio;

/**
 * Sound failed in the field: no usable sound device, an unreadable or corrupt file, a device lost
 * mid-airing. The airing that met it is logged {@code FAILED} with this message as the reason.
 */
public class AudioException extends Exception {
  public AudioException(String message) {
    super(message);
  }

  public AudioException(String message, Throwable cause) {
    super(message, cause);
  }
}
