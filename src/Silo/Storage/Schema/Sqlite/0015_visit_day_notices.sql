-- Visit-day notices and suspensions (issue 21). Instants are UTC.
-- Admins lifting a patient's suspension: one audit row per lift, with the suspension it lifted, the reason and the admin
-- (actor staff:<id>). The latest row's instant counts: what the patient did before it suspends them no more.
CREATE TABLE IF NOT EXISTS suspension_lifts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id TEXT NOT NULL,
  cause TEXT NOT NULL,
  suspended_until TEXT NOT NULL,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_suspension_lifts_patient ON suspension_lifts(patient_id, id);

-- Patients asking to be told, the day before, when a department's date opens for booking: one row per patient, department and date.
CREATE TABLE IF NOT EXISTS release_watches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id TEXT NOT NULL,
  department_id INTEGER NOT NULL,
  visit_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (patient_id, department_id, visit_date)
);
CREATE INDEX IF NOT EXISTS ix_release_watches_date ON release_watches(visit_date);

-- Delivering the outbox. A dispatcher claims rows (claim: its token, until claimed_until) before sending, so two nodes
-- never send one notice; a failed send waits until next_attempt_at. dedupe_key makes a notice that sweeps on every node
-- write again and again exist once (NULL for notices written once by the change they report).
ALTER TABLE notifications ADD COLUMN dedupe_key TEXT NULL;
ALTER TABLE notifications ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN next_attempt_at TEXT NULL;
ALTER TABLE notifications ADD COLUMN claim TEXT NULL;
ALTER TABLE notifications ADD COLUMN claimed_until TEXT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_notifications_dedupe ON notifications(dedupe_key);
CREATE INDEX IF NOT EXISTS ix_notifications_unsent ON notifications(sent_at, id);
CREATE INDEX IF NOT EXISTS ix_notifications_appointment ON notifications(appointment_id, kind);

-- Login and patient codes went out directly when they were written (the outbox only keeps them for developers and tests).
UPDATE notifications SET sent_at = created_at WHERE sent_at IS NULL AND kind IN ('auth.sms_code', 'patient.sms_code');
