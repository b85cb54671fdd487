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
      description = "Station config file (default: the built-in demo station).")
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

  /** The station config, or the demo station without {@code --config}. */
  StationConfig stationConfig() throws SourceException {
    if (config.isEmpty()) {
      return StationConfig.demoStation();
    }
    try {
      return StationConfigReader.read(config.get());
    } catch (UnreadableFileException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
