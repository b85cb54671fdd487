-- Accounts of the people who work the station over the LAN; the password only as its Argon2id hash.
CREATE TABLE accounts (
  name          TEXT PRIMARY KEY,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'officer', 'approver')),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
);

-- Every change, refusal and failed login: who, when, from where, what, before and after.
-- Append-only like the airing log.
CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  at       TEXT NOT NULL,
  who      TEXT NOT NULL,
  address  TEXT NOT NULL,
  action   TEXT NOT NULL,
  before   TEXT NOT NULL,
  after    TEXT NOT NULL,
  allowed  INTEGER NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit log rows are never changed'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit log rows are never deleted'); END;
