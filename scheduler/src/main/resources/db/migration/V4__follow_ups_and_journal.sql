-- A follow-up (the rest or a new start of an airing cut off by a higher priority) says so in fields,
-- not in its key: the airing it follows, how, the programme as scheduled, and its number.
ALTER TABLE planned_airings ADD COLUMN follow_up_of TEXT;
ALTER TABLE planned_airings ADD COLUMN follow_up_kind TEXT;
ALTER TABLE planned_airings ADD COLUMN follow_up_programme TEXT;
ALTER TABLE planned_airings ADD COLUMN follow_up_number INTEGER;

-- While a run is on air its open row is journalled as it happens (the cued first sample, the zones
-- that are on, how far it got and what it was playing), so a run cut off by a power cut or a kill is
-- closed at the next start with what it did. A row is still final once its outcome is written.
ALTER TABLE airing_runs ADD COLUMN on_air_until TEXT;
ALTER TABLE airing_runs ADD COLUMN playing TEXT;
