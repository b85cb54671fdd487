-- The alert recipients and repeat an admin set on the alerts page. Without a row in alert_settings
-- the station config's alerts: block decides; with one, these rows replace its recipients and repeat
-- (the config keeps the channels: the modem's port, the mail server, its password).
CREATE TABLE alert_settings (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  repeat_seconds INTEGER,           -- NULL: an unresolved incident is not told again
  changed_by     TEXT NOT NULL,
  changed_at     TEXT NOT NULL
);

CREATE TABLE alert_recipients (
  position INTEGER PRIMARY KEY,     -- the order the page lists them in
  name     TEXT NOT NULL,
  phone    TEXT,                    -- +84…, for the SMS channel
  email    TEXT,                    -- for the e-mail channel
  kinds    TEXT NOT NULL            -- incident kinds (IncidentKind names) separated by ','; '' for every kind
);

-- incident_alerts held only the alerts that went out; it now holds every try and what became of it,
-- so the alerts page can show a failed delivery beside the sent ones. sent_at is the try's time.
ALTER TABLE incident_alerts ADD COLUMN outcome TEXT NOT NULL DEFAULT 'sent';  -- sent | failed | given-up
ALTER TABLE incident_alerts ADD COLUMN detail TEXT NOT NULL DEFAULT '';       -- the channel's words on failure
CREATE INDEX incident_alerts_sent_at ON incident_alerts (sent_at);
