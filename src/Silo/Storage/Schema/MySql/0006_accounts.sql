-- Logins (issue 19): patient accounts (one per phone), staff users, refresh tokens. Instants are UTC.
-- A phone's SMS codes and counters are grain state, not a table here.
CREATE TABLE IF NOT EXISTS patient_accounts (
  id VARCHAR(32) PRIMARY KEY,
  phone_hash CHAR(64) NOT NULL,
  phone_masked VARCHAR(16) NOT NULL,
  phone_protected VARCHAR(128) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY ux_patient_accounts_phone (phone_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- department_ids: comma-separated, the scope of department admins, doctors and clerks; empty for hospital admins.
-- version grows with every write; writes are checked against it (lockout counts must not be lost).
CREATE TABLE IF NOT EXISTS staff_users (
  staff_id VARCHAR(32) PRIMARY KEY,
  display_name VARCHAR(64) NOT NULL,
  role VARCHAR(32) NOT NULL,
  department_ids VARCHAR(512) NOT NULL,
  doctor_id INT NULL,
  password_hash VARCHAR(256) NOT NULL,
  must_change_password TINYINT(1) NOT NULL,
  failed_count INT NOT NULL,
  locked_until DATETIME(6) NULL,
  version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- token_hash: SHA-256 of the opaque token. used_at: rotated (one-time use); revoked_at: logout or reuse detected.
CREATE TABLE IF NOT EXISTS refresh_tokens (
  token_hash CHAR(64) PRIMARY KEY,
  family_id CHAR(32) NOT NULL,
  subject_kind VARCHAR(16) NOT NULL,
  subject_id VARCHAR(32) NOT NULL,
  issued_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  used_at DATETIME(6) NULL,
  revoked_at DATETIME(6) NULL,
  INDEX ix_refresh_tokens_family (family_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
