-- Visit-day notices and suspensions (issue 21). Instants are UTC.
-- Admins lifting a patient's suspension: one audit row per lift, with the suspension it lifted, the reason and the admin
-- (actor staff:<id>). The latest row's instant counts: what the patient did before it suspends them no more.
CREATE TABLE IF NOT EXISTS suspension_lifts (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  patient_id VARCHAR(32) NOT NULL,
  cause VARCHAR(16) NOT NULL,
  suspended_until DATE NOT NULL,
  reason VARCHAR(256) NOT NULL,
  actor VARCHAR(64) NOT NULL,
  at DATETIME(6) NOT NULL,
  INDEX ix_suspension_lifts_patient (patient_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Patients asking to be told, the day before, when a department's date opens for booking: one row per patient, department and date.
CREATE TABLE IF NOT EXISTS release_watches (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  patient_id VARCHAR(32) NOT NULL,
  department_id INT NOT NULL,
  visit_date DATE NOT NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY ux_release_watches (patient_id, department_id, visit_date),
  INDEX ix_release_watches_date (visit_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Delivering the outbox. A dispatcher claims rows (claim: its token, until claimed_until) before sending, so two nodes
-- never send one notice; a failed send waits until next_attempt_at. dedupe_key makes a notice that sweeps on every node
-- write again and again exist once (NULL for notices written once by the change they report).
ALTER TABLE notifications
  ADD COLUMN IF NOT EXISTS dedupe_key VARCHAR(96) NULL,
  ADD COLUMN IF NOT EXISTS attempts INT NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS next_attempt_at DATETIME(6) NULL,
  ADD COLUMN IF NOT EXISTS claim CHAR(32) NULL,
  ADD COLUMN IF NOT EXISTS claimed_until DATETIME(6) NULL,
  ADD UNIQUE INDEX IF NOT EXISTS ux_notifications_dedupe (dedupe_key),
  ADD INDEX IF NOT EXISTS ix_notifications_appointment (appointment_id, kind);

-- Login and patient codes went out directly when they were written (the outbox only keeps them for developers and tests).
UPDATE notifications SET sent_at = created_at WHERE sent_at IS NULL AND kind IN ('auth.sms_code', 'patient.sms_code');
