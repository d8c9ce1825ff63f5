-- The hospital's catalog, sessions (slot pools) and the appointment lifecycle.
-- Money and shares are REAL: SQLite stores a NUMERIC 50 as an integer and 12.5 as a real, and readers want one type per column.
CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  location TEXT NOT NULL,
  description TEXT NOT NULL,
  release_window_days INTEGER NOT NULL,
  release_time TEXT NOT NULL,
  weekly_release_day INTEGER NULL
);

CREATE TABLE doctors (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  specialties TEXT NOT NULL,
  fee REAL NOT NULL,
  introduction TEXT NOT NULL,
  rating REAL NOT NULL
);
CREATE INDEX ix_doctors_department ON doctors(department_id);

CREATE TABLE rooms (
  code TEXT PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  location TEXT NOT NULL
);

CREATE TABLE schedule_templates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doctor_id INTEGER NOT NULL REFERENCES doctors(id),
  weekday INTEGER NOT NULL,
  period TEXT NOT NULL,
  room TEXT NOT NULL,
  quota INTEGER NOT NULL,
  slot_minutes INTEGER NOT NULL,
  phone_window_share REAL NOT NULL,
  add_on_share REAL NOT NULL,
  UNIQUE (doctor_id, weekday, period)
);

-- One row per slot pool. Its version guards every write (a stale writer reloads and decides again).
-- definition holds the whole session (slots with times and channels) as JSON, the other columns serve queries.
CREATE TABLE sessions (
  session_id TEXT PRIMARY KEY,
  doctor_id INTEGER NOT NULL REFERENCES doctors(id),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  visit_date TEXT NOT NULL,
  period TEXT NOT NULL,
  room TEXT NOT NULL,
  fee REAL NOT NULL,
  quota INTEGER NOT NULL,
  opens_at TEXT NOT NULL,
  definition TEXT NOT NULL,
  status TEXT NOT NULL,
  held_count INTEGER NOT NULL DEFAULT 0,
  booked_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_sessions_department_date ON sessions(department_id, visit_date);
CREATE INDEX ix_sessions_doctor_date ON sessions(doctor_id, visit_date);

CREATE TABLE patients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  id_number_hash TEXT NOT NULL UNIQUE,
  id_number_masked TEXT NOT NULL,
  phone_masked TEXT NOT NULL,
  phone_protected TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- slot_lock is 1 while the appointment occupies its slot and NULL once the slot is free again,
-- so the unique index makes selling one slot twice impossible even for a buggy or stale writer.
CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(session_id),
  slot_no INTEGER NOT NULL,
  slot_lock INTEGER NULL,
  patient_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  status TEXT NOT NULL,
  fhir_status TEXT NOT NULL,
  fee REAL NOT NULL,
  held_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  booked_at TEXT NULL,
  payment_ref TEXT NULL,
  refund_amount REAL NULL,
  reschedule_count INTEGER NOT NULL,
  rescheduled_from TEXT NULL,
  idempotency_key TEXT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (session_id, slot_no, slot_lock)
);
CREATE INDEX ix_appointments_patient ON appointments(patient_id);
CREATE INDEX ix_appointments_held_expiry ON appointments(status, expires_at);

CREATE TABLE appointment_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  appointment_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  from_status TEXT NULL,
  to_status TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX ix_appointment_audit_appointment ON appointment_audit(appointment_id);

CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  appointment_id TEXT NOT NULL,
  amount REAL NOT NULL,
  method TEXT NOT NULL,
  paid_at TEXT NOT NULL
);

CREATE TABLE refunds (
  id TEXT PRIMARY KEY,
  appointment_id TEXT NOT NULL,
  payment_id TEXT NOT NULL,
  amount REAL NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Outbox: a sender delivers rows with sent_at NULL.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id TEXT NOT NULL,
  appointment_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT NULL
);
