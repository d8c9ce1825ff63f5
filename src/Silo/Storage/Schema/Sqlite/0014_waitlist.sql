-- Waitlists (候补, issue 21): a patient's place on a sold-out session's queue, written by the session's pool in the same
-- transaction as the hold an offer makes. id is also the appointment id of that hold; seq orders the places within a session.
CREATE TABLE IF NOT EXISTS waitlist_entries (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  actor TEXT NOT NULL,
  joined_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (session_id, seq)
);
CREATE INDEX IF NOT EXISTS ix_waitlist_entries_patient ON waitlist_entries (patient_id, status);
