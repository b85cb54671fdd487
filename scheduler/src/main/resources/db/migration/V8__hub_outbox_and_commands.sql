-- The station's side of the province hub (docs/hub-protocol.md).
--
-- outbox: what the station has to tell the hub, written before it is sent (store-and-forward). A run
-- row is written in the same transaction that ends the run in airing_runs, so a run that ended is
-- never without its row, whatever stops the process. seq is the protocol's outboxSeq: it rises by one
-- per row and is never reused (AUTOINCREMENT). A row is sent once the broker acknowledged it
-- (sent_at); it may go out twice, the hub keeps one copy.
--   kind run:     the run airing_runs.id = run_id, as the log row reads when it is sent
--   kind run-ack: what became of the hub command the run aired for (aired/failed)
--   kind health:  body is the snapshot's fields as JSON
--   kind ack:     body is the ack's fields as JSON (received, refused, held, …)
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL CHECK (kind IN ('run', 'run-ack', 'health', 'ack')),
  run_id     INTEGER REFERENCES airing_runs (id),
  body       TEXT,
  created_at TEXT NOT NULL,
  sent_at    TEXT,
  attempts   INTEGER NOT NULL DEFAULT 0,
  CHECK ((kind IN ('run', 'run-ack')) = (run_id IS NOT NULL))
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;

-- Every command the hub sent that reached the station, accepted or refused, with what became of it.
-- The highest accepted seq is kept here across restarts, so a replayed command is refused.
-- A refused envelope that could not be read has no id or seq.
CREATE TABLE hub_commands (
  row         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT,
  seq         INTEGER,
  type        TEXT,
  received_at TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('received', 'refused', 'held', 'accepted', 'rejected', 'aired',
                                             'failed', 'cancelled')),
  reason      TEXT NOT NULL DEFAULT '',
  rule_key    TEXT,
  payload     TEXT
);
-- one accepted command per seq and per id: a second one is a replay
CREATE UNIQUE INDEX hub_commands_accepted_seq ON hub_commands (seq) WHERE state <> 'refused';
CREATE UNIQUE INDEX hub_commands_accepted_id ON hub_commands (id) WHERE state <> 'refused';
CREATE INDEX hub_commands_rule ON hub_commands (rule_key) WHERE rule_key IS NOT NULL;
