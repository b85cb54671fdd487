package io.loaxa.scheduler.airing;

import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.config.StationConfig;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.LineFailure;
import io.loaxa.devices.RelayLine;
import io.loaxa.devices.SwitchResult;
import io.loaxa.devices.Switchboard;
import io.loaxa.devices.ZoneStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Hamlet lines by hand, for the installer and the operator: what each board reports, switching
 * zones on as a line test (they stay on until switched off), switching them off, everything off.
 * Used by {@code loaxa zones} directly and by the running daemon's control API, so both say the same.
 */
public final class ZoneControl {
  private final Switchboard switchboard;
  private final StationConfig config;

  public ZoneControl(Switchboard switchboard, StationConfig config) {
    this.switchboard = switchboard;
    this.config = config;
  }

  /** One line per zone and the amplifier: board, channel, what the board reports, what was commanded. */
  public String status() {
    StringBuilder out = new StringBuilder();
    out.append("Trạng thái loa — line status: ").append(config.name()).append('\n');
    out.append(String.format("%-14s %-20s %-12s %-10s %s%n", "zone", "name", "board", "reported", "commanded"));
    for (ZoneStatus z : switchboard.report()) {
      String name = z.line() instanceof RelayLine.Zone zone
          ? config.zones().stream().filter(c -> c.key().value().equals(zone.zoneKey())).map(StationConfig.Zone::name)
              .findFirst().orElse("")
          : "tăng âm";
      String reported = z.reported().map(ZoneControl::word).orElse(z.error().isPresent() ? "?" : "-");
      String note = z.error().map(e -> "board not answering: " + e).orElse(z.inverted() ? "(normally-closed)" : "");
      out.append(String.format("%-14s %-20s %-12s %-10s %-10s %s", z.line(), name, z.boardKey() + " " + z.channel(),
          reported, z.commanded().map(ZoneControl::word).orElse("-"), note).stripTrailing()).append('\n');
    }
    out.append("reported: what the board reads back ('-': it cannot report); commanded: as last switched by the daemon,"
        + " or by this command when no daemon runs\n");
    return out.toString();
  }

  /**
   * The installer's line test: the amplifier and the zones on, with no time limit, until switched off.
   *
   * @throws UserError naming unknown zones (nothing switched) or the lines that failed
   */
  public String on(List<String> zones) {
    List<String> keys = known(zones);
    List<String> failures = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    try {
      switchboard.amplifierOn(Switchboard.NO_LIMIT);
      if (switchboard.hasAmplifier()) {
        out.append("tăng âm — amplifier: on\n");
      }
    } catch (DeviceException e) {
      failures.add(e.getMessage());
    }
    SwitchResult result = switchboard.zonesOn(keys, Switchboard.NO_LIMIT);
    describe(result, "on", out, failures);
    out.append("Các loa bật cho tới 'loaxa zones off' / 'all-off' — lines stay on until 'loaxa zones off' or 'all-off'\n");
    return answer(out, failures);
  }

  /** Switches the zones off, and the amplifier too once no zone reports on. */
  public String off(List<String> zones) {
    List<String> keys = known(zones);
    List<String> failures = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    describe(switchboard.zonesOff(keys), "off", out, failures);
    if (switchboard.hasAmplifier()) {
      List<ZoneStatus> report = switchboard.report();
      boolean someOn = report.stream().filter(z -> !z.isAmplifier())
          .anyMatch(z -> z.reported().orElse(z.commanded().orElse(false)));
      boolean unknown = report.stream().filter(z -> !z.isAmplifier())
          .anyMatch(z -> z.reported().isEmpty() && z.commanded().isEmpty());
      if (someOn) {
        out.append("tăng âm — amplifier: left on, other zones are on\n");
      } else if (unknown) {
        out.append("tăng âm — amplifier: left as it is, some boards cannot tell whether their zones are on; use 'all-off'\n");
      } else {
        try {
          switchboard.amplifierOff();
          out.append("tăng âm — amplifier: off\n");
        } catch (DeviceException e) {
          failures.add(e.getMessage());
        }
      }
    }
    return answer(out, failures);
  }

  /** Every relay released, the amplifier last. */
  public String allOff() {
    List<String> failures = switchboard.allOff().stream().map(LineFailure::toString).toList();
    return answer(new StringBuilder("Tắt hết — all off: every relay released\n"), failures);
  }

  /** The control API's entry: {@code action=on|off|all-off}, {@code zones=k1,k2}. */
  public String act(Map<String, String> form) {
    List<String> zones = List.of(form.getOrDefault("zones", "").split(",")).stream()
        .map(String::trim).filter(z -> !z.isEmpty()).toList();
    return switch (form.getOrDefault("action", "")) {
      case "on" -> on(zones);
      case "off" -> off(zones);
      case "all-off" -> allOff();
      default -> throw new UserError("zones: unknown action '" + form.get("action") + "'; use on, off or all-off");
    };
  }

  private List<String> known(List<String> zones) {
    if (zones.isEmpty()) {
      throw new UserError("name at least one zone; zones: " + String.join(", ", switchboard.zoneKeys()));
    }
    List<String> keys = new ArrayList<>(new LinkedHashSet<>(zones));
    if (keys.size() == 1 && keys.get(0).equals("all")) {
      return switchboard.zoneKeys();
    }
    List<String> unknown = keys.stream().filter(k -> !switchboard.zoneKeys().contains(k)).toList();
    if (!unknown.isEmpty()) {
      throw new UserError("no zone " + String.join(", ", unknown) + " in the station config; zones: "
          + String.join(", ", switchboard.zoneKeys()));
    }
    return keys;
  }

  private static void describe(SwitchResult result, String state, StringBuilder out, List<String> failures) {
    for (String zone : result.confirmed()) {
      out.append(zone).append(": ").append(state).append(", confirmed by read-back\n");
    }
    for (String zone : result.commanded()) {
      out.append(zone).append(": ").append(state).append(", commanded (this board cannot report)\n");
    }
    result.failed().forEach((zone, why) -> failures.add(zone + ": " + why));
  }

  private static String answer(StringBuilder out, List<String> failures) {
    if (failures.isEmpty()) {
      return out.toString();
    }
    out.append("LỖI — failed:\n");
    failures.forEach(f -> out.append("  ").append(f).append('\n'));
    throw new UserError(out.toString().stripTrailing());
  }

  private static String word(boolean on) {
    return on ? "on" : "off";
  }
}
