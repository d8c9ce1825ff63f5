-- Anti-scalping (issue 19). Instants are UTC.
-- Flags detection raised on accounts, for admins: at most one per account, kind and window (detection may run again and
-- again, on every node); evidence is a sentence with personal data masked.
CREATE TABLE account_flags (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  window_start TEXT NOT NULL,
  evidence TEXT NOT NULL,
  raised_at TEXT NOT NULL,
  UNIQUE (account_id, kind, window_start)
);

-- Freezes of accounts and patients (subject_kind Account or Patient): one row per change by an admin (actor staff:<id>)
-- with its reason. The rows are the audit trail; the latest row of a subject is its current state.
CREATE TABLE freeze_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  frozen INTEGER NOT NULL,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX ix_freeze_audit_subject ON freeze_audit(subject_kind, subject_id, id);

-- Patients taken off accounts: account_patients forgets them, detection counts them.
CREATE TABLE family_removals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  removed_at TEXT NOT NULL
);
CREATE INDEX ix_family_removals_account ON family_removals(account_id, removed_at);
