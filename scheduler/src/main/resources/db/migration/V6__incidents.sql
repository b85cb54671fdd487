-- Incidents (sự cố) the station noticed by itself: a silent relay board, dead air, audio outside the
-- schedule, … One row per incident: written when it starts, completed when it ends. The alerts sent
-- about it are rows of incident_alerts.
CREATE TABLE incidents (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL,
  subject    TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at   TEXT,
  detail     TEXT NOT NULL,
  evidence   TEXT
);
CREATE INDEX incidents_started_at ON incidents (started_at);
CREATE INDEX incidents_open ON incidents (kind, subject, ended_at);

CREATE TABLE incident_alerts (
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  channel     TEXT NOT NULL,
  recipient   TEXT NOT NULL,
  sent_at     TEXT NOT NULL
);
CREATE INDEX incident_alerts_incident ON incident_alerts (incident_id);
