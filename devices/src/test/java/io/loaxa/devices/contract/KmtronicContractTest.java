package io.loaxa.devices.contract;

import io.loaxa.testkit.PeerOnPty;
import java.util.Map;

class KmtronicContractTest extends PeerBoardContract {
  @Override
  protected PeerOnPty startPeer() throws Exception {
    return PeerOnPty.relayPeer("kmtronic", 4);
  }

  @Override
  protected String driver() {
    return "kmtronic";
  }

  @Override
  protected Map<String, String> options() {
    return Map.of("frameGap", "20ms");
  }

  @Override
  protected boolean readsBack() {
    return true;
  }
}
