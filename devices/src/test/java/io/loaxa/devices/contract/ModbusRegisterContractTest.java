package io.loaxa.devices.contract;

import io.loaxa.testkit.PeerOnPty;

class ModbusRegisterContractTest extends PeerBoardContract {
  @Override
  protected PeerOnPty startPeer() throws Exception {
    return PeerOnPty.relayPeer("modbus-register", 4);
  }

  @Override
  protected String driver() {
    return "modbus-register";
  }

  @Override
  protected boolean readsBack() {
    return true;
  }
}
