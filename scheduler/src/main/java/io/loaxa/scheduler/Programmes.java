package io.loaxa.scheduler;

import io.loaxa.schedules.Programme;
import io.loaxa.schedules.ProgrammeKey;
import java.util.List;
import java.util.Optional;

/** The station's programmes, as stored. */
public interface Programmes {
  /** Adds or replaces the programme with this key. */
  void put(Programme programme);

  Optional<Programme> find(ProgrammeKey key);

  List<Programme> all();
}
