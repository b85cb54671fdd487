package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loaxa.audio.AudioException;
import io.loaxa.scheduler.UserError;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hearing a text before it airs ({@code POST /api/speech/preview}): the words exactly as the station
 * will speak them (numbers, dates and abbreviations spelled out), or with {@code ?format=wav} the
 * rendering that will air, levelled as on air. For operators; the text limits are the normaliser's.
 */
public final class SpeechRoutes implements RouteGroup {
  /** The station's speech as the preview uses it; built by the composition root. */
  public interface Speaker {
    /**
     * The text as it will be spoken, one sentence a line.
     *
     * @throws UserError when {@code voice} is not one of the engine's voices
     * @throws IllegalArgumentException the normaliser's refusal of the text, in the operator's words
     */
    String normalised(String text, Optional<String> voice);

    /**
     * The text rendered as it will air, as a 16-bit WAV file.
     *
     * @throws UserError when {@code voice} is not one of the engine's voices
     * @throws IllegalArgumentException the normaliser's refusal of the text
     * @throws AudioException when the engine cannot speak it
     */
    byte[] wav(String text, Optional<String> voice) throws AudioException;
  }

  private static final Set<String> FIELDS = Set.of("text", "voice");
  private final Speaker speaker;

  public SpeechRoutes(Speaker speaker) {
    this.speaker = speaker;
  }

  @Override
  public void register(Routes routes) {
    routes.post("/api/speech/preview", Routes.OPERATE, (ctx, who) -> {
      Map<String, java.util.List<String>> params = ctx.queryParamMap();
      for (String p : params.keySet()) {
        if (!p.equals("format")) {
          throw new ApiException(400, "tham số không biết '" + (p.length() > 40 ? p.substring(0, 40) : p)
              + "' (unknown parameter)", p.length() > 40 ? p.substring(0, 40) : p);
        }
      }
      String format = LogRoutes.format(LogQuery.one(params, "format"), java.util.List.of("json", "wav"), "json");
      Request request = request(JavalinApi.body(ctx, FIELDS));
      try {
        if (format.equals("wav")) {
          return new Routes.Download("audio/wav", "nghe-thử.wav", speaker.wav(request.text(), request.voice()));
        }
        return Map.of("text", speaker.normalised(request.text(), request.voice()),
            "voice", request.voice().orElse(""));
      } catch (UserError e) {
        throw new ApiException(400, e.getMessage(), "voice");
      } catch (IllegalArgumentException e) {
        throw new ApiException(400, e.getMessage(), "text");
      } catch (AudioException e) {
        throw new ApiException(503, "không đọc được văn bản: " + e.getMessage() + " (the speech engine cannot speak it)");
      }
    });
  }

  /** What a preview asks: the text, and a voice of the station's engine when not its default. */
  record Request(String text, Optional<String> voice) {}

  /** Reads a preview's body; the text is required and not blank. */
  static Request request(ObjectNode body) {
    String text = JavalinApi.text(body, "text").orElse("");
    if (text.isBlank()) {
      throw new ApiException(400, "thiếu 'text': văn bản cần đọc (text is required)", "text");
    }
    Optional<String> voice = JavalinApi.text(body, "voice").map(String::strip).filter(v -> !v.isEmpty());
    if (voice.isPresent() && !voice.get().matches("[A-Za-z0-9+_-]{1,40}")) {
      throw new ApiException(400, "'voice' không phải tên giọng đọc như vi, vi-vn-x-south (not a voice name)", "voice");
    }
    return new Request(text, voice);
  }
}
