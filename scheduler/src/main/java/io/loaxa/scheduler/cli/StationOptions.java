package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.config.StationConfigReader;
import io.loaxa.scheduler.UserError;
import io.loaxa.schedules.source.SourceException;
import io.loaxa.schedules.source.UnreadableFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every station command takes: which station config and which data folder. */
final class StationOptions {
  @Option(names = "--config", paramLabel = "STATION.yaml",
      description = "Station config file (default: $LOAXA_CONFIG, else the built-in demo station).")
  Optional<Path> config = Optional.empty();

  @Option(names = "--data", paramLabel = "DIR",
      description = "Data folder: database, content, caches (default: $LOAXA_DATA or ./data).")
  Optional<Path> data = Optional.empty();

  Path dataDir() {
    if (data.isPresent()) {
      return data.get().toAbsolutePath();
    }
    String env = System.getenv("LOAXA_DATA");
    return Path.of(env != null && !env.isBlank() ? env : "data").toAbsolutePath();
  }

  /** The station config: {@code --config}, else {@code $LOAXA_CONFIG}, else the demo station. */
  StationConfig stationConfig() throws SourceException {
    Optional<Path> file = config;
    String env = System.getenv("LOAXA_CONFIG");
    if (file.isEmpty() && env != null && !env.isBlank()) {
      file = Optional.of(Path.of(env));
    }
    if (file.isEmpty()) {
      return StationConfig.demoStation();
    }
    try {
      return StationConfigReader.read(file.get());
    } catch (UnreadableFileException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
