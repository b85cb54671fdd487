package io.loaxa.audio.freetts;

import com.sun.speech.freetts.Utterance;
import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.audio.NullAudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import com.sun.speech.freetts.relp.SampleInfo;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.SpeechEngineStatus;
import io.loaxa.audio.SpeechRequest;
import io.loaxa.audio.SpeechScript;
import io.loaxa.audio.SpeechSynthesizer;
import io.loaxa.audio.Voice;
import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FreeTTS 1.2.2, the pure-Java engine inside loaxa, used only where espeak-ng is missing. It speaks
 * <b>English only</b> (voice {@code kevin16}): it refuses Vietnamese text unless the request
 * carries the operator's consent, and then reads it with English pronunciation. Its status and
 * every use say so.
 *
 * <p>Audio is taken from FreeTTS's player interface as raw samples (signed 16-bit big-endian mono,
 * 16 kHz for kevin16), so this package needs no sound device. Synthesis is serialised: one FreeTTS
 * voice is not thread-safe.
 */
public final class FreeTts implements SpeechSynthesizer {
  public static final String ENGINE = "freetts";
  public static final Voice KEVIN = new Voice(ENGINE, "kevin16", "en", "English (US), FreeTTS kevin16 — English only");
  public static final String ENGLISH_ONLY = "FreeTTS speaks English only: Vietnamese text is refused unless the operator"
      + " consents, and is then read with English pronunciation";
  private static final Logger log = LoggerFactory.getLogger(FreeTts.class);
  private static final String VIETNAMESE_LETTERS = "ăâđêôơưĂÂĐÊÔƠƯ";

  private com.sun.speech.freetts.Voice voice;
  private final CapturingPlayer player = new CapturingPlayer();
  private volatile int sampleRate;

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public Voice defaultVoice() {
    return KEVIN;
  }

  @Override
  public SpeechEngineStatus status() {
    try {
      allocated();
      return new SpeechEngineStatus(ENGINE, true, "FreeTTS 1.2.2 (embedded), voice kevin16", List.of(KEVIN), List.of(ENGLISH_ONLY));
    } catch (AudioException e) {
      return SpeechEngineStatus.unusable(ENGINE, e.getMessage());
    }
  }

  /** True when the script is Vietnamese by its language or by its letters (ă â đ ê ô ơ ư, tone marks). */
  public static boolean isVietnamese(SpeechScript script) {
    if (script.language().equals("vi") || script.language().startsWith("vi-")) {
      return true;
    }
    for (SpeechScript.Sentence s : script.sentences()) {
      String decomposed = Normalizer.normalize(s.text(), Normalizer.Form.NFD);
      for (int i = 0; i < decomposed.length(); i++) {
        char c = decomposed.charAt(i);
        // ̀ ́ ̃ ̉ ̣: the five Vietnamese tone marks; ̆ ̂ ̛: breve, circumflex, horn
        if (VIETNAMESE_LETTERS.indexOf(c) >= 0 || "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031B".indexOf(c) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public synchronized PcmClip synthesize(SpeechRequest request) throws AudioException {
    if (!request.voice().key().equals(KEVIN.key())) {
      throw new AudioException("voice '" + request.voice().key() + "' is not a FreeTTS voice; FreeTTS has only kevin16 (English)");
    }
    if (isVietnamese(request.script())) {
      if (!request.otherLanguageAccepted()) {
        throw new AudioException("refusing to read Vietnamese text with FreeTTS: " + ENGLISH_ONLY
            + ". Install espeak-ng (apt-get install espeak-ng) for Vietnamese, or give consent to air it in the English voice");
      }
      log.warn("reading Vietnamese text with the English-only FreeTTS voice, as the operator agreed: it will not sound Vietnamese");
    }
    log.warn("speaking with FreeTTS: {}", ENGLISH_ONLY);
    com.sun.speech.freetts.Voice v = allocated();
    v.setRate(150f * request.settings().ratePercent() / 100f);
    v.setPitch(100f * Math.max(request.settings().pitchPercent(), 10) / 100f);
    float gain = request.settings().volumePercent() / 100f;
    List<PcmClip> parts = new ArrayList<>();
    PcmFormat format = null;
    for (SpeechScript.Sentence s : request.script().sentences()) {
      player.audio.reset();
      if (!v.speak(s.text())) {
        throw new AudioException("FreeTTS could not speak: " + s.text());
      }
      if (sampleRate == 0) {
        throw new AudioException("FreeTTS produced audio without telling its sample rate");
      }
      format = new PcmFormat(sampleRate, 1);
      parts.add(bigEndian16(player.audio.toByteArray(), format, gain));
      if (!s.pauseAfter().isZero()) {
        parts.add(PcmClip.silence(format, s.pauseAfter()));
      }
    }
    if (format == null) {
      throw new AudioException("FreeTTS produced no audio");
    }
    return PcmClip.concat(format, parts);
  }

  private com.sun.speech.freetts.Voice allocated() throws AudioException {
    synchronized (this) {
      if (voice != null) {
        return voice;
      }
      try {
        com.sun.speech.freetts.Voice kevin = null;
        for (com.sun.speech.freetts.Voice candidate : new KevinVoiceDirectory().getVoices()) {
          if (candidate.getName().equals("kevin16")) {
            kevin = candidate;
          }
        }
        if (kevin == null) {
          throw new AudioException("FreeTTS voice kevin16 is missing from the FreeTTS library");
        }
        kevin.setAudioPlayer(player);
        kevin.allocate();
        addProcessor(kevin, new RateListener());
        voice = kevin;
        return kevin;
      } catch (RuntimeException e) {
        throw new AudioException("FreeTTS could not load its voice: " + e, e);
      }
    }
  }

  @SuppressWarnings("unchecked") // FreeTTS predates generics: its processor list is a raw List
  private static void addProcessor(com.sun.speech.freetts.Voice voice, UtteranceProcessor processor) {
    voice.getUtteranceProcessors().add(processor);
  }

  private static PcmClip bigEndian16(byte[] bytes, PcmFormat format, float gain) {
    float[] samples = new float[bytes.length / 2];
    for (int i = 0; i < samples.length; i++) {
      short s = (short) (((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF));
      samples[i] = Math.max(-1f, Math.min(1f, s / 32768f * gain));
    }
    return new PcmClip(format, samples);
  }

  /** Reads the sample rate FreeTTS hands its player, without going through its sound-API format type. */
  private final class RateListener implements UtteranceProcessor {
    @Override
    public void processUtterance(Utterance utterance) {
      Object info = utterance.getObject(SampleInfo.UTT_NAME);
      if (info instanceof SampleInfo sampleInfo) {
        sampleRate = sampleInfo.getSampleRate();
      }
    }
  }

  /** FreeTTS's output seam: keeps the raw samples instead of playing them. */
  private static final class CapturingPlayer extends NullAudioPlayer {
    final ByteArrayOutputStream audio = new ByteArrayOutputStream();

    @Override
    public boolean write(byte[] bytes) {
      audio.write(bytes, 0, bytes.length);
      return true;
    }

    @Override
    public boolean write(byte[] bytes, int offset, int length) {
      audio.write(bytes, offset, length);
      return true;
    }
  }
}
