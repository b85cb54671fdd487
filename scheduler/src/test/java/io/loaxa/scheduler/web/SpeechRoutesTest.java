package io.loaxa.scheduler.web;

import static io.loaxa.scheduler.web.ApiRig.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loaxa.audio.PcmClip;
import io.loaxa.audio.speech.RiffWave;
import io.loaxa.audio.speech.VietnameseNormalizer;
import io.loaxa.testkit.MutableClock;
import io.loaxa.testkit.Tools;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hearing a text before it airs, over real HTTP, with the station's normaliser and the real espeak-ng. */
class SpeechRoutesTest {
  private static final String BULLETIN = "Lúc 7:30 ngày 15/12/2026, UBND xã họp tại hội trường.";

  @TempDir
  Path data;

  private ApiRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new ApiRig(data, new MutableClock(Instant.parse("2026-12-07T01:00:00Z")));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static String body(String text) throws Exception {
    return ApiRig.JSON.writeValueAsString(java.util.Map.of("text", text));
  }

  @Test
  void theOperatorSeesTheWordsAsTheyWillBeSpoken() throws Exception {
    HttpResponse<String> r = rig.post("/api/speech/preview", body(BULLETIN), rig.login("operator"));
    assertEquals(200, r.statusCode(), r.body());
    String text = json(r).path("text").asText();
    assertTrue(text.contains("bảy giờ ba mươi"), text);
    assertTrue(text.contains("Ủy ban nhân dân"), text);
    assertTrue(text.contains("tháng mười hai"), text);
    HttpResponse<String> south = rig.post("/api/speech/preview", "{\"text\":\"Xin chào\",\"voice\":\"vi-vn-x-south\"}",
        rig.login("admin"));
    assertEquals(200, south.statusCode(), south.body());
    assertEquals("vi-vn-x-south", json(south).path("voice").asText());
  }

  @Test
  void theRenderedWavIsTheTextAsItWillAir() throws Exception {
    Tools.require("espeak-ng");
    HttpResponse<byte[]> r = rig.postBytes("/api/speech/preview?format=wav", body(BULLETIN), rig.login("operator"));
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("RIFF", new String(r.body(), 0, 4, StandardCharsets.US_ASCII));
    PcmClip clip = RiffWave.decode(r.body(), "preview");
    double seconds = clip.frames() / (double) clip.format().sampleRate();
    assertTrue(seconds > 2 && seconds < 30, "a sentence of speech: " + seconds + " s");
  }

  @Test
  void previewsAreForOperatorsAndRefuseBadTextNamingTheField() throws Exception {
    assertEquals(401, rig.post("/api/speech/preview", body("x"), Optional.empty(), Optional.empty()).statusCode());
    assertEquals(403, rig.post("/api/speech/preview", body("x"), rig.login("officer")).statusCode());
    assertEquals(403, rig.post("/api/speech/preview", body("x"), rig.login("approver")).statusCode());
    ApiRig.Login operator = rig.login("operator");
    assertEquals(403, rig.post("/api/speech/preview", body("x"), Optional.of(operator), Optional.empty()).statusCode(),
        "a POST without the CSRF token");
    String[][] cases = {
        {"{}", "text"}, {"{\"text\":\"   \"}", "text"}, {"{\"text\":\"x\",\"voice\":\"vi-hue\"}", "voice"},
        {"{\"text\":\"x\",\"voice\":\"../../bin/sh\"}", "voice"}, {"{\"text\":\"x\",\"speed\":2}", "speed"},
        {"{\"text\":{\"a\":1}}", "text"}, {body("1".repeat(VietnameseNormalizer.MAX_NUMBER_DIGITS + 5)), "text"},
        {body("Xin chào bà con. ".repeat(VietnameseNormalizer.MAX_TEXT_CHARS / 17 + 1)), "text"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = rig.post("/api/speech/preview", c[0], operator);
      assertEquals(400, r.statusCode(), c[0].length() > 80 ? c[0].substring(0, 80) : c[0] + " → " + r.body());
      JsonNode e = json(r);
      assertEquals(c[1], e.path("field").asText(), r.body());
    }
    HttpResponse<String> format = rig.post("/api/speech/preview?format=mp3", body("x"), operator);
    assertEquals("format", json(format).path("field").asText());
    HttpResponse<String> tooLong = rig.post("/api/speech/preview", body("a ".repeat(VietnameseNormalizer.MAX_TEXT_CHARS)),
        operator);
    assertTrue(json(tooLong).path("error").asText().startsWith("văn bản quá dài"), tooLong.body());
  }
}
