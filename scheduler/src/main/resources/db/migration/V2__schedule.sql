-- The programme grid as imported: the schedule file text as loaxa writes it (every value explicit),
-- which reads back to the same schedule; one row. Programmes are also kept in `programmes` (with
-- their chimes as segments) for the runner, and the planner materialises the rules into
-- `planned_airings`.
CREATE TABLE schedule (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  text         TEXT NOT NULL,
  source       TEXT NOT NULL,      -- the file it was imported from, as the operator named it
  imported_at  TEXT NOT NULL
);

-- the CCHC topic of the month that fills {topic} in the programme's segments
ALTER TABLE planned_airings ADD COLUMN topic TEXT;
-- why it is planned when that is not the plain rule: an override, a make-up airing
ALTER TABLE planned_airings ADD COLUMN note TEXT;
-- 'schedule' for airings the planner made from the schedule (re-planned on import), else 'manual'
ALTER TABLE planned_airings ADD COLUMN origin TEXT NOT NULL DEFAULT 'manual';
