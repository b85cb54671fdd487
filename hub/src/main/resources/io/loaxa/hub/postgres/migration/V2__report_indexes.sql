-- The province report's CCHC compliance reads only aired CCHC runs: a partial index holding just
-- those (a fifth of the runs or less), with the station and start time it needs, lets it skip the
-- rest of the table (an index-only scan once autovacuum has marked the pages all-visible).
create index run_cchc_aired on run (planned_at) include (station, started_at)
  where category = 'cchc' and outcome in ('COMPLETED', 'PARTIAL');
