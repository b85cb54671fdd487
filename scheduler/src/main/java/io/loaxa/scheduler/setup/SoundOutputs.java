package io.loaxa.scheduler.setup;

import io.loaxa.audio.SoundOutput;
import java.util.List;

/** The sound outputs of this machine the wizard offers, and one of them opened by name. */
public interface SoundOutputs {
  /** Output names as the sound system gives them (mixers with an output line); may be empty. */
  List<String> names();

  /** The output {@code name} ({@code default} or one of {@link #names()}), opened when played to. */
  SoundOutput named(String name);
}
