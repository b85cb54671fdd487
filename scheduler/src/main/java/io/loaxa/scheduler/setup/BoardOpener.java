package io.loaxa.scheduler.setup;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceException;
import io.loaxa.devices.RelayBoard;
import java.util.List;

/** Opens the station's relay boards for the line test; the wizard closes them when it is done. */
@FunctionalInterface
public interface BoardOpener {
  List<RelayBoard> open(List<BoardSpec> boards) throws DeviceException;
}
