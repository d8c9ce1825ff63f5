-- Visit codes (就诊码, issue 19): one per patient, what lets an account add a person who has no phone of their own to
-- prove. code_hash is keyed with the hospital's data key (a database reader cannot test guesses offline); code_protected
-- is the code encrypted with it, so the patient's accounts can be shown the code. A patient registered before this gets
-- a code the first time one of its accounts asks for it (computing either column needs the key, which SQL does not have).
CREATE TABLE IF NOT EXISTS patient_visit_codes (
  patient_id TEXT PRIMARY KEY,
  code_hash TEXT NOT NULL,
  code_protected TEXT NOT NULL,
  issued_at TEXT NOT NULL
);

-- Who read a patient's full record on the staff side, and why (the reason is required).
CREATE TABLE IF NOT EXISTS patient_record_access (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_patient_record_access_patient ON patient_record_access (patient_id, at);
