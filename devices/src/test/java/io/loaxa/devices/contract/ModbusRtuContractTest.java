package io.loaxa.devices.contract;

import io.loaxa.testkit.PeerOnPty;

/** modbus-rtu against Debian's python3-pymodbus as an independent slave. */
class ModbusRtuContractTest extends PeerBoardContract {
  @Override
  protected PeerOnPty startPeer() throws Exception {
    return PeerOnPty.modbusSlave(1, 4);
  }

  @Override
  protected String driver() {
    return "modbus-rtu";
  }

  @Override
  protected boolean readsBack() {
    return true;
  }
}
