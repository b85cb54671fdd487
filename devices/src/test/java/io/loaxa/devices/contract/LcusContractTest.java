package io.loaxa.devices.contract;

import io.loaxa.testkit.PeerOnPty;
import java.util.Map;

class LcusContractTest extends PeerBoardContract {
  @Override
  protected PeerOnPty startPeer() throws Exception {
    return PeerOnPty.relayPeer("lcus", 4);
  }

  @Override
  protected String driver() {
    return "lcus";
  }

  @Override
  protected Map<String, String> options() {
    return Map.of("frameGap", "20ms");
  }

  @Override
  protected boolean readsBack() {
    return false;
  }
}
