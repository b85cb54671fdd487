package io.loaxa.scheduler.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The serial ports of this machine as the installer should write them: the stable names under
 * {@code /dev/serial/by-id} (by the adapter's serial number) and {@code by-path} (by the USB socket),
 * each with the device it points to now; when there are none, the ports the serial library lists.
 */
public final class SerialPortList {
  private final Path links;
  private final Supplier<List<String>> listed;

  /**
   * @param links the folder holding {@code by-id} and {@code by-path}, normally {@code /dev/serial}
   * @param listed the ports the serial library sees, asked only when there are no links
   */
  public SerialPortList(Path links, Supplier<List<String>> listed) {
    this.links = links;
    this.listed = listed;
  }

  /** One port: the path to write in the config and the device it points to now, if it is a link. */
  public record Port(String path, Optional<String> device) {
    @Override
    public String toString() {
      return device.map(d -> path + " -> " + d).orElse(path);
    }
  }

  /** By-id links first, then by-path, each sorted; the library's list when neither folder has any. */
  public List<Port> ports() {
    List<Port> ports = new ArrayList<>();
    for (String kind : List.of("by-id", "by-path")) {
      Path dir = links.resolve(kind);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(dir)) {
        for (Path link : entries.sorted().toList()) {
          ports.add(new Port(link.toString(), device(link)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    if (ports.isEmpty()) {
      listed.get().forEach(p -> ports.add(new Port(p, Optional.empty())));
    }
    return ports;
  }

  private static Optional<String> device(Path link) {
    try {
      return Optional.of(link.toRealPath().toString());
    } catch (IOException e) {
      // a dangling link: the adapter went away while listing
      return Optional.of("?");
    }
  }
}
