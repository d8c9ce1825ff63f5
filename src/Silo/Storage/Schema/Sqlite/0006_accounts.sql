-- Logins (issue 19): patient accounts (one per phone), staff users, refresh tokens. Instants are UTC.
-- A phone's SMS codes and counters are grain state (grain_state), not a table here.
CREATE TABLE patient_accounts (
  id TEXT PRIMARY KEY,
  phone_hash TEXT NOT NULL UNIQUE,
  phone_masked TEXT NOT NULL,
  phone_protected TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- department_ids: comma-separated, the scope of department admins, doctors and clerks; empty for hospital admins.
-- version grows with every write; writes are checked against it (lockout counts must not be lost).
CREATE TABLE staff_users (
  staff_id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  department_ids TEXT NOT NULL,
  doctor_id INTEGER NULL,
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL,
  failed_count INTEGER NOT NULL,
  locked_until TEXT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

-- token_hash: SHA-256 of the opaque token. used_at: rotated (one-time use); revoked_at: logout or reuse detected.
CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  family_id TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT NULL,
  revoked_at TEXT NULL
);
CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
