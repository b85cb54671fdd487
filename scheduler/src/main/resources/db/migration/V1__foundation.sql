-- Every timestamp is UTC, ISO-8601 with milliseconds (e.g. 2024-03-04T23:00:00.000Z), so text order is time order.

CREATE TABLE programmes (
  key             TEXT PRIMARY KEY,
  title           TEXT NOT NULL,
  category        TEXT NOT NULL,
  priority        TEXT NOT NULL,
  segments        TEXT NOT NULL,      -- one segment a line, as SegmentText writes them
  late_tolerance  TEXT NOT NULL,      -- ISO-8601 duration
  max_duration    TEXT,               -- ISO-8601 duration or NULL
  updated_at      TEXT NOT NULL
);

CREATE TABLE planned_airings (
  key             TEXT PRIMARY KEY,   -- rule + local start: stable across re-planning
  programme_key   TEXT NOT NULL,
  starts_at       TEXT NOT NULL,
  zones           TEXT NOT NULL,      -- 'all' or comma-separated zone keys
  priority        TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX planned_airings_by_start ON planned_airings (starts_at);

-- The airing log. A row is written when a run begins (outcome NULL while on air) and completed once
-- when it ends; it is never changed after that and never purged.
CREATE TABLE airing_runs (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  planned_key        TEXT NOT NULL,
  programme_key      TEXT NOT NULL,
  title              TEXT NOT NULL,
  category           TEXT NOT NULL,
  priority           TEXT NOT NULL,
  trigger            TEXT NOT NULL,
  planned_at         TEXT NOT NULL,
  started_at         TEXT,
  ended_at           TEXT,
  zones_requested    TEXT NOT NULL,
  zones_confirmed    TEXT NOT NULL DEFAULT '',
  zones_unconfirmed  TEXT NOT NULL DEFAULT '',
  zones_failed       TEXT NOT NULL DEFAULT '',
  content            TEXT NOT NULL,
  outcome            TEXT,
  reason             TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL
);
-- a planned airing airs at most once, whatever restarts and re-planning happen
CREATE UNIQUE INDEX airing_runs_once ON airing_runs (planned_key);
CREATE INDEX airing_runs_by_planned_at ON airing_runs (planned_at);

-- a finished run's row cannot be changed or deleted
CREATE TRIGGER airing_runs_append_only_update BEFORE UPDATE ON airing_runs
  WHEN OLD.outcome IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'airing log rows are final once the run has ended'); END;
CREATE TRIGGER airing_runs_append_only_delete BEFORE DELETE ON airing_runs
  BEGIN SELECT RAISE(ABORT, 'airing log rows are never deleted'); END;
