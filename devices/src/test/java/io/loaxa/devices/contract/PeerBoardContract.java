package io.loaxa.devices.contract;

import io.loaxa.devices.BoardSpec;
import io.loaxa.devices.DeviceContext;
import io.loaxa.devices.RelayBoard;
import io.loaxa.devices.RelayBoards;
import io.loaxa.testkit.PeerOnPty;
import io.loaxa.testkit.Integration;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract for a serial driver, opened the way the station opens it, against a stand-in on a pty. */
@Integration
abstract class PeerBoardContract extends RelayBoardContract {
  protected PeerOnPty peer;

  protected abstract PeerOnPty startPeer() throws Exception;

  protected abstract String driver();

  protected Map<String, String> options() {
    return Map.of();
  }

  @BeforeAll
  void startFarEnd() throws Exception {
    peer = startPeer();
  }

  @AfterAll
  void stopFarEnd() {
    if (peer != null) {
      peer.close();
    }
  }

  @Override
  protected RelayBoard openBoard() throws Exception {
    peer.tell("reset");
    return RelayBoards.open(new BoardSpec("tu-chinh", driver(), Optional.of(peer.port()), 4, options()),
        DeviceContext.real(Clock.systemUTC()));
  }

  @Override
  protected boolean farEndShows(int channel, boolean on) throws Exception {
    return peer.awaitRelay(channel, on);
  }
}
