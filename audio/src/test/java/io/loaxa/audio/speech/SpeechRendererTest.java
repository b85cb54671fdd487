package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.SpeechSettings;
import io.loaxa.audio.espeak.EspeakNg;
import io.loaxa.testkit.Tools;
import io.loaxa.testkit.Integration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Render-ahead: speech made into finished PCM before air time, kept under a content key. */
@Integration
class SpeechRendererTest {
  private static final String NOTICE = "Thông báo: ngày 15/3 UBND xã tiếp dân từ 7h30.";
  private final VietnameseNormalizer normalizer = VietnameseNormalizer.northern();
  private final EspeakNg espeak = EspeakNg.onPath();
  @TempDir Path dir;
  private RenderCache cache;

  @BeforeEach
  void setUp() {
    Tools.require("espeak-ng");
    cache = new RenderCache(dir.resolve("speech-cache"));
  }

  private SpeechRenderer renderer(SpeechSettings settings, SpeechFinish finish) {
    return new SpeechRenderer(normalizer, espeak, new SpeechRenderer.Reading(espeak.defaultVoice(), settings, false), finish,
        Optional.of(cache));
  }

  @Test
  void rendersATextOnceAndServesItFromTheCacheAfterwards() throws Exception {
    SpeechRenderer renderer = renderer(SpeechSettings.NORMAL, SpeechFinish.NONE);
    SpeechRenderer.RenderedSpeech first = renderer.render(NOTICE);
    assertFalse(first.fromCache());
    assertTrue(Files.isRegularFile(cache.fileFor(first.key())));

    SpeechRenderer.RenderedSpeech again = renderer.render(NOTICE);
    assertTrue(again.fromCache());
    assertEquals(first.key(), again.key());
    assertEquals(first.clip().frames(), again.clip().frames());
    float[] a = first.clip().samples();
    float[] b = again.clip().samples();
    for (int i = 0; i < a.length; i += 97) {
      assertEquals(a[i], b[i], 1.0 / 16384, "sample " + i);
    }
  }

  @Test
  void aRenderingFoundInTheCacheLetsGoOfTheEngineStartedForIt() throws Exception {
    Path wrapper = dir.resolve("espeak-wrapper");
    Files.writeString(wrapper, "#!/bin/sh\nexec espeak-ng \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    EspeakNg engine = new EspeakNg(wrapper.toString(), "", Duration.ofSeconds(30));
    SpeechRenderer.Reading reading = new SpeechRenderer.Reading(engine.defaultVoice(), SpeechSettings.NORMAL, false);
    assertFalse(new SpeechRenderer(normalizer, engine, reading, SpeechFinish.NONE, Optional.of(cache)).render(NOTICE).fromCache());
    // a renderer that has not seen the text (the daemon restarted) starts the engine while it
    // normalises, then finds the rendering in the cache
    assertTrue(new SpeechRenderer(normalizer, engine, reading, SpeechFinish.NONE, Optional.of(cache)).render(NOTICE).fromCache());
    // The engine started for the second render waits for a text that never comes: it must be killed,
    // whether it was still the wrapper's shell or already espeak-ng reading its dictionary.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    java.util.List<String> left;
    do {
      left = ProcessHandle.current().children()
          .filter(ProcessHandle::isAlive)
          .map(p -> p.info().commandLine().orElse(""))
          .filter(line -> line.contains(wrapper.toString()) || line.contains("espeak-ng"))
          .toList();
      if (left.isEmpty()) {
        return;
      }
      Thread.sleep(5);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("espeak-ng left running after a cache hit: " + left);
  }

  @Test
  void aTextRenderedBeforeIsServedFromTheCacheWithoutStartingTheEngine() throws Exception {
    java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
    io.loaxa.audio.SpeechSynthesizer counted = new io.loaxa.audio.SpeechSynthesizer() {
      @Override
      public String engine() {
        return espeak.engine();
      }

      @Override
      public io.loaxa.audio.SpeechEngineStatus status() {
        return espeak.status();
      }

      @Override
      public io.loaxa.audio.Voice defaultVoice() {
        return espeak.defaultVoice();
      }

      @Override
      public io.loaxa.audio.PcmClip synthesize(io.loaxa.audio.SpeechRequest request) throws AudioException {
        return espeak.synthesize(request);
      }

      @Override
      public Prepared prepare(io.loaxa.audio.Voice voice, SpeechSettings settings) {
        starts.incrementAndGet();
        return espeak.prepare(voice, settings);
      }
    };
    SpeechRenderer renderer = new SpeechRenderer(normalizer, counted,
        new SpeechRenderer.Reading(espeak.defaultVoice(), SpeechSettings.NORMAL, false), SpeechFinish.NONE, Optional.of(cache));
    SpeechRenderer.RenderedSpeech first = renderer.render(NOTICE);
    SpeechRenderer.RenderedSpeech again = renderer.render(NOTICE);
    assertTrue(again.fromCache());
    assertEquals(first.key(), again.key());
    assertEquals(first.script(), again.script());
    assertEquals(1, starts.get(), "the second render of the same text only reads the cache");

    Files.delete(cache.fileFor(first.key()));
    SpeechRenderer.RenderedSpeech lost = renderer.render(NOTICE);
    assertFalse(lost.fromCache(), "a rendering gone from the cache is made again");
    assertEquals(2, starts.get());
    assertTrue(Files.isRegularFile(cache.fileFor(first.key())));
  }

  @Test
  void aChangeOfRateVoiceOrWordingIsANewRendering() throws Exception {
    RenderKey normal = renderer(SpeechSettings.NORMAL, SpeechFinish.NONE).render(NOTICE).key();
    SpeechRenderer.RenderedSpeech faster = renderer(new SpeechSettings(120, 100, 100), SpeechFinish.NONE).render(NOTICE);
    assertFalse(faster.fromCache());
    assertNotEquals(normal, faster.key());
    assertNotEquals(normal, renderer(SpeechSettings.NORMAL, SpeechFinish.NONE).render(NOTICE + " Xin cảm ơn.").key());
    assertNotEquals(normal, renderer(SpeechSettings.NORMAL, SpeechFinish.peakAt(-1)).render(NOTICE).key(),
        "a new loudness target must not reuse audio mastered for the old one");
  }

  @Test
  void textsThatSoundTheSameShareOneRendering() throws Exception {
    SpeechRenderer renderer = renderer(SpeechSettings.NORMAL, SpeechFinish.NONE);
    RenderKey written = renderer.render("UBND xã thông báo.").key();
    SpeechRenderer.RenderedSpeech spelledOut = renderer.render("Ủy ban nhân dân xã   thông báo.");
    assertEquals(written, spelledOut.key());
    assertTrue(spelledOut.fromCache());
  }

  @Test
  void theFinishingStepSetsTheLevelOfWhatIsCached() throws Exception {
    SpeechRenderer.RenderedSpeech rendered = renderer(SpeechSettings.NORMAL, SpeechFinish.peakAt(-6)).render(NOTICE);
    assertEquals(Math.pow(10, -6 / 20.0), Heard.peak(rendered.clip()), 0.001);
  }

  @Test
  void aDamagedCacheFileIsRenderedAgain() throws Exception {
    SpeechRenderer renderer = renderer(SpeechSettings.NORMAL, SpeechFinish.NONE);
    RenderKey key = renderer.render(NOTICE).key();
    Files.writeString(cache.fileFor(key), "half a file");
    SpeechRenderer.RenderedSpeech again = renderer.render(NOTICE);
    assertFalse(again.fromCache());
    assertTrue(Heard.peak(again.clip()) > 0.3);
  }

  @Test
  void aRenderFailureIsReportedBeforeAirTimeAndLeavesNoCacheFile() throws Exception {
    EspeakNg missing = new EspeakNg(dir.resolve("no/espeak-ng").toString(), "", Duration.ofSeconds(5));
    SpeechRenderer renderer = new SpeechRenderer(normalizer, missing,
        new SpeechRenderer.Reading(missing.defaultVoice(), SpeechSettings.NORMAL, false), SpeechFinish.NONE, Optional.of(cache));
    AudioException e = assertThrows(AudioException.class, () -> renderer.render(NOTICE));
    assertTrue(e.getMessage().contains("espeak-ng is not installed"), e.getMessage());
    assertFalse(Files.exists(cache.directory()) && Files.list(cache.directory()).findAny().isPresent());
  }

  @Test
  void anEmptyTextIsAReportedFailureNotACrash() {
    AudioException e = assertThrows(AudioException.class,
        () -> renderer(SpeechSettings.NORMAL, SpeechFinish.NONE).render("  \n "));
    assertEquals("speech text: the text has nothing to speak", e.getMessage());
  }

  @Test
  void aCacheThatCannotBeWrittenIsReported() throws Exception {
    Files.writeString(dir.resolve("speech-cache"), "a file where the directory should be");
    AudioException e = assertThrows(AudioException.class,
        () -> renderer(SpeechSettings.NORMAL, SpeechFinish.NONE).render(NOTICE));
    assertTrue(e.getMessage().startsWith("cannot write rendered speech to "), e.getMessage());
  }
}
