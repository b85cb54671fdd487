package io.loaxa.scheduler;

import io.loaxa.devices.DeviceException;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What a command asks of the station's air and lines: the installer's line test and the operator's
 * airings and cancels. Goes through the daemon when one runs on the data folder (it owns the
 * hardware), and acts on the devices directly otherwise. Answers are text for the person.
 */
public interface StationControl {
  /** The daemon's process id when commands go through it; empty when they act directly. */
  OptionalLong daemonPid();

  /** What each board reports for every hamlet line and the amplifier. */
  String zonesStatus() throws IOException, InterruptedException, DeviceException;

  /** Amplifier and these lines on, left on after the command ({@code all} for every zone). */
  String zonesOn(List<String> zones) throws IOException, InterruptedException, DeviceException;

  /** These lines off; the amplifier too once no line is on. */
  String zonesOff(List<String> zones) throws IOException, InterruptedException, DeviceException;

  /** Every relay on every board released, the amplifier last. */
  String allOff() throws IOException, InterruptedException, DeviceException;

  /**
   * Airs the request (and its repeats), waiting until the first airing has ended.
   *
   * @param progress lines for the person while it airs
   * @return the first airing's key and outcome, e.g. {@code khan-…@2026-12-05T17:30:00 COMPLETED}
   */
  String air(AirRequest request, Consumer<String> progress) throws IOException, InterruptedException, DeviceException;

  /** Cancels the series {@code rule} (the key before {@code @}): the one on air stops, later repeats are skipped. */
  String cancel(String rule) throws IOException, InterruptedException, DeviceException;
}
