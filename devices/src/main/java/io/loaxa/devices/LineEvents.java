package io.loaxa.devices;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears when a serial port goes away (USB adapter unplugged, cable pulled) and when it is back: once
 * per outage, not once per failed frame.
 */
public interface LineEvents {
  void lost(String port, String reason);

  void back(String port, Duration downFor);

  /** Writes each outage to the station log: a warning when it starts, a note when it ends. */
  static LineEvents logging() {
    Logger log = LoggerFactory.getLogger(LineEvents.class);
    return new LineEvents() {
      @Override
      public void lost(String port, String reason) {
        log.warn("serial port {} lost: {}; relay boards on it are unreachable until it returns", port, reason);
      }

      @Override
      public void back(String port, Duration downFor) {
        log.info("serial port {} back after {} s", port, downFor.toSeconds());
      }
    };
  }
}
