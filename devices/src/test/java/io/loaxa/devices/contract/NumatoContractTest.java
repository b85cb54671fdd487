package io.loaxa.devices.contract;

import io.loaxa.testkit.PeerOnPty;

class NumatoContractTest extends PeerBoardContract {
  @Override
  protected PeerOnPty startPeer() throws Exception {
    return PeerOnPty.relayPeer("numato", 4);
  }

  @Override
  protected String driver() {
    return "numato";
  }

  @Override
  protected boolean readsBack() {
    return true;
  }
}
