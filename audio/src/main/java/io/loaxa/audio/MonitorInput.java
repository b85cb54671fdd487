package io.loaxa.audio;

/**
 * The on-air monitor's input: a sound card input wired to a tap on the amplifier's output, so loaxa
 * hears what the loudspeaker lines really carry.
 */
public interface MonitorInput {
  /**
   * Opens the input and starts capturing; the source is read block by block for as long as the
   * monitor runs (it never ends by itself) and blocks for about as long as the audio it returns.
   *
   * @throws AudioException when there is no such capture device; the message lists those there are
   */
  PcmSource open(PcmFormat format) throws AudioException;
}
