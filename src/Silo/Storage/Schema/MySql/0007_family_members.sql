-- Family members (就诊人, issue 19): which patients each account may book for, and how they are related to its holder.
-- One person may be on several accounts (a mother on her own phone and on her daughter's).
CREATE TABLE IF NOT EXISTS account_patients (
  account_id VARCHAR(32) NOT NULL,
  patient_id VARCHAR(32) NOT NULL,
  relationship VARCHAR(16) NOT NULL,
  added_at DATETIME(6) NOT NULL,
  PRIMARY KEY (account_id, patient_id),
  INDEX ix_account_patients_patient (patient_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who booked is the creation audit row's actor (account:<id> or staff:<id>), written in the booking's own transaction;
-- an account's grain counts its bookings of the day from these rows when it activates.
CREATE INDEX ix_appointment_audit_actor ON appointment_audit (actor, at);
