-- Waitlists (候补, issue 21): a patient's place on a sold-out session's queue, written by the session's pool in the same
-- transaction as the hold an offer makes. id is also the appointment id of that hold; seq orders the places within a session.
CREATE TABLE IF NOT EXISTS waitlist_entries (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  session_id VARCHAR(32) NOT NULL,
  patient_id VARCHAR(32) NOT NULL,
  seq INT NOT NULL,
  status VARCHAR(16) NOT NULL,
  actor VARCHAR(64) NOT NULL,
  joined_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  UNIQUE KEY ux_waitlist_entries_session_seq (session_id, seq),
  INDEX ix_waitlist_entries_patient (patient_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
