-- The record beside each file in the content folder: who put it there, its length and loudness,
-- and whether it may air (approval).
CREATE TABLE content_items (
  path          TEXT PRIMARY KEY,
  bytes         INTEGER NOT NULL,
  length_ms     INTEGER NOT NULL,
  loudness_lufs REAL,
  uploaded_by   TEXT NOT NULL,
  uploaded_at   TEXT NOT NULL,
  approval      TEXT NOT NULL CHECK (approval IN ('approved', 'pending', 'rejected')),
  decided_by    TEXT,
  decided_at    TEXT,
  reason        TEXT
);
