package io.loaxa.hub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The hub's runtime truth: every station's runs and health, the pushes and their commands. Every
 * method is safe from several threads; a failure of the database is an {@link HubStoreException}
 * and leaves nothing half-written.
 */
public interface HubStore extends AutoCloseable {
  /**
   * Files messages in one transaction: stations learned or touched, runs stored once per (station,
   * run id), acks moving their commands forward. A resent message changes nothing.
   *
   * @return how many runs were new
   */
  int file(List<StationMessage> batch, Instant receivedAt) throws HubStoreException;

  List<StationStatus> stations() throws HubStoreException;

  /** Files a push and its commands (state {@code queued}), taking each station's next sequence number in the same transaction. */
  List<Command> queue(Push push, List<Command.Draft> drafts, Signer signer) throws HubStoreException;

  /** Commands waiting for the broker, oldest first. */
  List<Command> unsent(int limit) throws HubStoreException;

  void markSent(List<String> commands, Instant at) throws HubStoreException;

  Optional<Push> push(String push) throws HubStoreException;

  List<Push> pushes(int limit) throws HubStoreException;

  List<Command> commands(String push) throws HubStoreException;

  void cancelled(String push, Instant at) throws HubStoreException;

  @Override
  void close();

  /** Signs the command JSON a store builds once it knows the sequence number. */
  interface Signer {
    String envelope(Command.Draft draft, long seq);
  }
}
