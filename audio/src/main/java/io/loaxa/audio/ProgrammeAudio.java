package io.loaxa.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sound of one programme as it airs: chime or intro, content, outro, with gaps between them,
 * each part faded and given its own gain, and every levelled part brought to one station loudness
 * ({@link Loudness#STATION_TARGET_LUFS} unless told otherwise) so a quiet recording and a speech
 * segment air equally loud. Parts may be clips (decoded files, rendered speech) or live sources
 * (a rebroadcast, the line input), which get their gain but cannot be measured ahead.
 */
public final class ProgrammeAudio {
  private ProgrammeAudio() {}

  public static Builder in(PcmFormat format) {
    return new Builder(format);
  }

  /**
   * One part of a programme.
   *
   * @param levelled brought to the programme's loudness target before {@code gainDb} applies
   * @param gainDb extra gain in dB after levelling (negative: quieter)
   */
  public record Part(PcmClip clip, boolean levelled, double gainDb, Duration fadeIn, Duration fadeOut) {
    public Part {
      Objects.requireNonNull(clip, "clip");
      if (fadeIn.isNegative() || fadeOut.isNegative()) {
        throw new IllegalArgumentException("fades cannot be negative");
      }
    }

    /** A levelled part with no extra gain and no fades. */
    public static Part of(PcmClip clip) {
      return new Part(clip, true, 0, Duration.ZERO, Duration.ZERO);
    }

    /** Kept at its recorded level (only {@code gainDb} applies). */
    public Part asRecorded() {
      return new Part(clip, false, gainDb, fadeIn, fadeOut);
    }

    public Part gain(double db) {
      return new Part(clip, levelled, db, fadeIn, fadeOut);
    }

    public Part fadeIn(Duration length) {
      return new Part(clip, levelled, gainDb, length, fadeOut);
    }

    public Part fadeOut(Duration length) {
      return new Part(clip, levelled, gainDb, fadeIn, length);
    }
  }

  /** Collects parts in airing order. Not thread-safe. */
  public static final class Builder {
    private final PcmFormat format;
    private final List<Object> parts = new ArrayList<>();
    private double targetLufs = Loudness.STATION_TARGET_LUFS;

    private Builder(PcmFormat format) {
      this.format = Objects.requireNonNull(format, "format");
    }

    public Builder target(double lufs) {
      this.targetLufs = lufs;
      return this;
    }

    public Builder add(PcmClip clip) {
      return add(Part.of(clip));
    }

    public Builder add(Part part) {
      parts.add(part);
      return this;
    }

    /** Silence between parts. */
    public Builder gap(Duration length) {
      parts.add(PcmClip.silence(format, length));
      return this;
    }

    /** A live part (rebroadcast, line input) played at its own level plus {@code gainDb}. */
    public Builder addLive(PcmSource source, double gainDb) {
      parts.add(gainDb == 0 ? source : new GainSource(source, gainDb));
      return this;
    }

    /** Lets go of the live parts added (a programme that will not air after all). */
    public void discard() {
      for (Object part : parts) {
        if (part instanceof PcmSource live) {
          live.close();
        }
      }
    }

    /** The whole programme as one clip. */
    public PcmClip clip() {
      List<PcmClip> clips = new ArrayList<>();
      for (Object part : parts) {
        if (part instanceof PcmSource) {
          throw new IllegalStateException("a programme with a live part can only be read as a source");
        }
        clips.add(render(part));
      }
      return PcmClip.concat(format, clips);
    }

    /** The whole programme read part after part; live parts start when their turn comes. */
    public PartedSource source() {
      List<PcmSource> sources = new ArrayList<>();
      for (Object part : parts) {
        sources.add(part instanceof PcmSource live ? live : PcmSource.of(render(part)));
      }
      return new SequenceSource(format, sources);
    }

    private PcmClip render(Object part) {
      if (part instanceof PcmClip silence) {
        return silence;
      }
      Part p = (Part) part;
      PcmClip clip = p.clip().convertTo(format);
      if (p.levelled()) {
        clip = Loudness.normalise(clip, targetLufs);
      }
      if (p.gainDb() != 0) {
        clip = Limiter.limit(clip.amplified(p.gainDb()), Loudness.PEAK_CEILING_DBFS);
      }
      clip = Fades.in(clip, p.fadeIn());
      return Fades.out(clip, p.fadeOut());
    }
  }

  /** A live source made louder or quieter; samples beyond full scale are clipped by the device. */
  private static final class GainSource extends FilterSource {
    private final float factor;

    GainSource(PcmSource inner, double gainDb) {
      super(inner);
      this.factor = (float) Math.pow(10, gainDb / 20);
    }

    @Override
    public int read(float[] target, int frames) throws AudioException {
      int got = inner.read(target, frames);
      for (int i = 0; i < got * inner.format().channels(); i++) {
        target[i] *= factor;
      }
      return got;
    }
  }
}
