package io.loaxa.audio;

/**
 * A text-to-speech engine the station reads notices with (giọng đọc): espeak-ng, the embedded
 * English-only fallback, or a local neural voice run as a command. It speaks text that is already
 * written the way it must sound (see the Vietnamese normaliser); it does not expand numbers itself.
 *
 * <p>Implementations are safe to call from one thread at a time per instance unless they say more.
 */
public interface SpeechSynthesizer {
  /** The engine name as the station config writes it: {@code espeak-ng}, {@code freetts}, … */
  String engine();

  /**
   * What an installer needs to know: can this engine speak here, with which voices, and what is
   * wrong or risky about it. May start a short probe process; never throws.
   */
  SpeechEngineStatus status();

  /** The voice used when the config names none. */
  Voice defaultVoice();

  /**
   * The voice that will actually read a request for {@code requested}: the same voice, or the
   * stand-in of an engine that falls back to another (so rendered speech is cached under the voice
   * that spoke it, never under one that did not).
   */
  default Voice speakingVoice(Voice requested) {
    return requested;
  }

  /**
   * Speaks the whole script into one clip, sentence pauses included.
   *
   * @throws AudioException when the engine is missing, fails, times out, returns no audio, or
   *     refuses the request (an English-only engine asked to read Vietnamese without consent); the
   *     message says which, so the airing can be reported before air time
   */
  PcmClip synthesize(SpeechRequest request) throws AudioException;

  /**
   * The engine made ready to read with {@code voice} and {@code settings} before the text is known:
   * an engine run as a program is started now and loads its voice while the caller still
   * normalises the text. Close what is not used. The default is ready at once and just calls
   * {@link #synthesize}.
   */
  default Prepared prepare(Voice voice, SpeechSettings settings) {
    return this::synthesize;
  }

  /** An engine ready to read one request; {@link #close} lets go of it unused. */
  @FunctionalInterface
  interface Prepared extends AutoCloseable {
    /**
     * Speaks {@code request}, as {@link SpeechSynthesizer#synthesize} does; once at most. A request
     * for another voice or other settings than prepared for is spoken all the same.
     */
    PcmClip synthesize(SpeechRequest request) throws AudioException;

    @Override
    default void close() {}
  }
}
