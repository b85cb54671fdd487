package io.loaxa.devices.contract;

import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.dtrrts.DtrRtsBoard;
import io.loaxa.devices.testing.ScriptedSerialLine;

/**
 * dtr-rts drives modem-control lines, which a pty does not have (jSerialComm's DTR/RTS calls fail on
 * one): the far end here is a line that records its DTR and RTS. The pty case is covered by
 * {@code DtrRtsOnPtyTest}, which checks the clear error.
 */
class DtrRtsContractTest extends RelayBoardContract {
  private ScriptedSerialLine line;

  @Override
  protected RelayBoard openBoard() {
    line = new ScriptedSerialLine("/dev/serial/by-id/usb-FTDI_FT232R-if00-port0");
    return new DtrRtsBoard("cua", 2, line);
  }

  @Override
  protected boolean farEndShows(int channel, boolean on) {
    Boolean state = channel == 1 ? line.dtr() : line.rts();
    return state != null && state == on;
  }

  @Override
  protected boolean readsBack() {
    return false;
  }
}
