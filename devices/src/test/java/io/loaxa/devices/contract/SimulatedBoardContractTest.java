package io.loaxa.devices.contract;

import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayChannel;
import io.loaxa.devices.simulated.SimulatedRelayBoard;
import io.loaxa.testkit.MutableClock;

class SimulatedBoardContractTest extends RelayBoardContract {
  private SimulatedRelayBoard board;

  @Override
  protected RelayBoard openBoard() {
    board = new SimulatedRelayBoard("demo", 8, MutableClock.at("2025-03-01T05:00:00Z"));
    return board;
  }

  @Override
  protected boolean farEndShows(int channel, boolean on) {
    return board.isOn(new RelayChannel(channel)) == on;
  }

  @Override
  protected boolean readsBack() {
    return true;
  }
}
