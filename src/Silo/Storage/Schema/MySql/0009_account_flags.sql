-- Anti-scalping (issue 19). Instants are UTC.
-- Flags detection raised on accounts, for admins: at most one per account, kind and window (detection may run again and
-- again, on every node); evidence is a sentence with personal data masked.
CREATE TABLE IF NOT EXISTS account_flags (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  account_id VARCHAR(32) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  window_start DATETIME(6) NOT NULL,
  evidence VARCHAR(512) NOT NULL,
  raised_at DATETIME(6) NOT NULL,
  UNIQUE KEY ux_account_flags_window (account_id, kind, window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Freezes of accounts and patients (subject_kind Account or Patient): one row per change by an admin (actor staff:<id>)
-- with its reason. The rows are the audit trail; the latest row of a subject is its current state.
CREATE TABLE IF NOT EXISTS freeze_audit (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  subject_kind VARCHAR(16) NOT NULL,
  subject_id VARCHAR(32) NOT NULL,
  frozen TINYINT(1) NOT NULL,
  reason VARCHAR(256) NOT NULL,
  actor VARCHAR(64) NOT NULL,
  at DATETIME(6) NOT NULL,
  INDEX ix_freeze_audit_subject (subject_kind, subject_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Patients taken off accounts: account_patients forgets them, detection counts them.
CREATE TABLE IF NOT EXISTS family_removals (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  account_id VARCHAR(32) NOT NULL,
  patient_id VARCHAR(32) NOT NULL,
  removed_at DATETIME(6) NOT NULL,
  INDEX ix_family_removals_account (account_id, removed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
