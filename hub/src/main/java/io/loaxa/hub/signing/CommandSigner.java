package io.loaxa.hub.signing;

import io.loaxa.hub.Command;
import io.loaxa.hub.HubStore;
import io.loaxa.hub.json.HubJson;
import java.security.PrivateKey;

/** Builds a command's JSON with its sequence number and wraps it with the hub's Ed25519 signature. */
public final class CommandSigner implements HubStore.Signer {
  private final PrivateKey key;

  public CommandSigner(PrivateKey key) {
    this.key = key;
  }

  @Override
  public String envelope(Command.Draft draft, long seq) {
    byte[] payload = HubJson.command(draft, seq);
    return HubJson.envelope(payload, HubKeys.sign(key, payload));
  }
}
