-- The hospital's catalog, sessions (slot pools) and the appointment lifecycle. Instants are UTC.
CREATE TABLE departments (
  id INT PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  location VARCHAR(128) NOT NULL,
  description VARCHAR(512) NOT NULL,
  release_window_days INT NOT NULL,
  release_time VARCHAR(8) NOT NULL,
  weekly_release_day INT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE doctors (
  id INT PRIMARY KEY,
  department_id INT NOT NULL,
  name VARCHAR(32) NOT NULL,
  title VARCHAR(32) NOT NULL,
  specialties VARCHAR(512) NOT NULL,
  fee DECIMAL(10,2) NOT NULL,
  introduction VARCHAR(1024) NOT NULL,
  rating DOUBLE NOT NULL,
  INDEX ix_doctors_department (department_id),
  CONSTRAINT fk_doctors_department FOREIGN KEY (department_id) REFERENCES departments(id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE rooms (
  code VARCHAR(32) PRIMARY KEY,
  department_id INT NOT NULL,
  location VARCHAR(128) NOT NULL,
  CONSTRAINT fk_rooms_department FOREIGN KEY (department_id) REFERENCES departments(id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE schedule_templates (
  id INT AUTO_INCREMENT PRIMARY KEY,
  doctor_id INT NOT NULL,
  weekday INT NOT NULL,
  period VARCHAR(16) NOT NULL,
  room VARCHAR(64) NOT NULL,
  quota INT NOT NULL,
  slot_minutes INT NOT NULL,
  phone_window_share DECIMAL(4,3) NOT NULL,
  add_on_share DECIMAL(4,3) NOT NULL,
  UNIQUE KEY ux_schedule_templates (doctor_id, weekday, period),
  CONSTRAINT fk_schedule_templates_doctor FOREIGN KEY (doctor_id) REFERENCES doctors(id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per slot pool. Its version guards every write (a stale writer reloads and decides again).
-- definition holds the whole session (slots with times and channels) as JSON, the other columns serve queries.
CREATE TABLE sessions (
  session_id VARCHAR(32) PRIMARY KEY,
  doctor_id INT NOT NULL,
  department_id INT NOT NULL,
  visit_date DATE NOT NULL,
  period VARCHAR(16) NOT NULL,
  room VARCHAR(64) NOT NULL,
  fee DECIMAL(10,2) NOT NULL,
  quota INT NOT NULL,
  opens_at DATETIME(6) NOT NULL,
  definition MEDIUMTEXT NOT NULL,
  status VARCHAR(16) NOT NULL,
  held_count INT NOT NULL DEFAULT 0,
  booked_count INT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 0,
  INDEX ix_sessions_department_date (department_id, visit_date),
  INDEX ix_sessions_doctor_date (doctor_id, visit_date),
  CONSTRAINT fk_sessions_doctor FOREIGN KEY (doctor_id) REFERENCES doctors(id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE patients (
  id VARCHAR(32) PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  id_number_hash CHAR(64) NOT NULL,
  id_number_masked VARCHAR(32) NOT NULL,
  phone_masked VARCHAR(16) NOT NULL,
  phone_protected VARCHAR(512) NOT NULL,
  birth_date DATE NOT NULL,
  sex VARCHAR(8) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY ux_patients_id_number (id_number_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- slot_lock is 1 while the appointment occupies its slot and NULL once the slot is free again,
-- so the unique key makes selling one slot twice impossible even for a buggy or stale writer.
CREATE TABLE appointments (
  id VARCHAR(64) PRIMARY KEY,
  session_id VARCHAR(32) NOT NULL,
  slot_no INT NOT NULL,
  slot_lock TINYINT NULL,
  patient_id VARCHAR(32) NOT NULL,
  channel VARCHAR(16) NOT NULL,
  status VARCHAR(24) NOT NULL,
  fhir_status VARCHAR(24) NOT NULL,
  fee DECIMAL(10,2) NOT NULL,
  held_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  booked_at DATETIME(6) NULL,
  payment_ref VARCHAR(64) NULL,
  refund_amount DECIMAL(10,2) NULL,
  reschedule_count INT NOT NULL,
  rescheduled_from VARCHAR(64) NULL,
  idempotency_key VARCHAR(128) NULL,
  updated_at DATETIME(6) NOT NULL,
  UNIQUE KEY ux_appointments_slot (session_id, slot_no, slot_lock),
  INDEX ix_appointments_patient (patient_id),
  INDEX ix_appointments_held_expiry (status, expires_at),
  CONSTRAINT fk_appointments_session FOREIGN KEY (session_id) REFERENCES sessions(session_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE appointment_audit (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  appointment_id VARCHAR(64) NOT NULL,
  at DATETIME(6) NOT NULL,
  actor VARCHAR(64) NOT NULL,
  from_status VARCHAR(24) NULL,
  to_status VARCHAR(24) NOT NULL,
  reason VARCHAR(256) NOT NULL,
  INDEX ix_appointment_audit_appointment (appointment_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE payments (
  id VARCHAR(64) PRIMARY KEY,
  appointment_id VARCHAR(64) NOT NULL,
  amount DECIMAL(10,2) NOT NULL,
  method VARCHAR(32) NOT NULL,
  paid_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE refunds (
  id VARCHAR(64) PRIMARY KEY,
  appointment_id VARCHAR(64) NOT NULL,
  payment_id VARCHAR(64) NOT NULL,
  amount DECIMAL(10,2) NOT NULL,
  reason VARCHAR(256) NOT NULL,
  created_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Outbox: a sender delivers rows with sent_at NULL.
CREATE TABLE notifications (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  patient_id VARCHAR(32) NOT NULL,
  appointment_id VARCHAR(64) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  message VARCHAR(512) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  sent_at DATETIME(6) NULL,
  INDEX ix_notifications_unsent (sent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
