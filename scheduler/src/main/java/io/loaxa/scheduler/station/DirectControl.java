package io.loaxa.scheduler.station;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.Pause;
import io.loaxa.devices.Switchboard;
import io.loaxa.scheduler.AirRequest;
import io.loaxa.scheduler.Outcome;
import io.loaxa.scheduler.StationControl;
import io.loaxa.scheduler.Trigger;
import io.loaxa.scheduler.airing.ManualAiring;
import io.loaxa.scheduler.airing.ZoneControl;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.schedules.PlannedAiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link StationControl} with no daemon running: zone commands open the relay boards alone (a line
 * test's lines stay on after the command returns), airings assemble the whole station for as long
 * as they last.
 */
final class DirectControl implements StationControl {
  private final StationConfig config;
  private final Path dataDir;

  DirectControl(StationConfig config, Path dataDir) {
    this.config = config;
    this.dataDir = dataDir;
  }

  @Override
  public OptionalLong daemonPid() {
    return OptionalLong.empty();
  }

  @Override
  public String zonesStatus() throws DeviceException {
    return onBoards(ZoneControl::status, true);
  }

  @Override
  public String zonesOn(List<String> zones) throws DeviceException {
    return onBoards(control -> control.on(zones), true);
  }

  @Override
  public String zonesOff(List<String> zones) throws DeviceException {
    return onBoards(control -> control.off(zones), true);
  }

  @Override
  public String allOff() throws DeviceException {
    return onBoards(ZoneControl::allOff, false);
  }

  /** Runs the action on the boards; {@code leaveAsItIs} keeps the lines as switched when the command exits. */
  private String onBoards(Function<ZoneControl, String> action, boolean leaveAsItIs) throws DeviceException {
    Clock clock = Clock.systemUTC();
    Switchboard switchboard = Station.switchboard(config, clock, Pause.sleeping());
    try {
      return action.apply(new ZoneControl(switchboard, config));
    } finally {
      if (leaveAsItIs) {
        switchboard.detach();
      } else {
        switchboard.close();
      }
    }
  }

  @Override
  public String air(AirRequest request, Consumer<String> progress) throws InterruptedException, DeviceException {
    try (Station station = Station.assemble(config, dataDir)) {
      station.switchboard().allOff();
      ManualAiring.Series series = station.manualAiring().planSeries(request);
      String repeats = series.describe(config.timeZone());
      if (!repeats.isEmpty()) {
        progress.accept(repeats + " (no daemon runs: this command stays on air for the repeats; Ctrl-C stops it)");
      }
      String outcome = "";
      for (PlannedAiring airing : series.airings()) {
        progress.accept("Đang phát — airing " + airing.key() + " to " + airing.zones() + " at " + airing.startsAt() + "…");
        Optional<Outcome> result = station.runner().runWhenDue(airing.key(), Trigger.MANUAL);
        String line = airing.key() + " " + result.map(Outcome::name).orElse("NOT_AIRED");
        if (outcome.isEmpty()) {
          outcome = line;
        } else {
          progress.accept("Kết quả — outcome: " + line);
        }
      }
      return outcome;
    }
  }

  @Override
  public String cancel(String rule) throws DeviceException {
    try (Station station = Station.assemble(config, dataDir)) {
      return station.manualAiring().cancel(rule);
    }
  }
}
