-- The log page filtered by category over a period (GET /api/log?category=…): the category's rows in
-- planned order, without a pass over every run of the period. The rowid (id) ends every index entry,
-- so "ORDER BY planned_at, id" is the index's own order.
CREATE INDEX airing_runs_by_category ON airing_runs (category, planned_at);
