-- The hub's filed acks (docs/hub-protocol.md, "Filed"): the broker's ack means the broker has a
-- row, not that the hub has it; the hub says so on loaxa/v1/hub/<id>/filed after its database
-- committed the row. filed_at is when that ack came. A row sent but not filed for longer than the
-- resend delay goes again (sent_at back to NULL), but only from the first row the hub ever filed on:
-- rows before it were sent under the broker's ack alone, to a hub that did not file yet.
-- A row with nothing to send (its run is gone) is marked sent and filed at once, with attempts 0:
-- it does not count as the hub having filed (see SqliteOutbox.resendUnfiled).
ALTER TABLE outbox ADD COLUMN filed_at TEXT;
CREATE INDEX outbox_unfiled ON outbox (seq) WHERE filed_at IS NULL AND sent_at IS NOT NULL;
