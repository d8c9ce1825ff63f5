-- Visit codes (就诊码, issue 19): one per patient, what lets an account add a person who has no phone of their own to
-- prove. code_hash is keyed with the hospital's data key (a database reader cannot test guesses offline); code_protected
-- is the code encrypted with it, so the patient's accounts can be shown the code. A patient registered before this gets
-- a code the first time one of its accounts asks for it (computing either column needs the key, which SQL does not have).
CREATE TABLE IF NOT EXISTS patient_visit_codes (
  patient_id VARCHAR(32) NOT NULL PRIMARY KEY,
  code_hash VARCHAR(64) NOT NULL,
  code_protected VARCHAR(128) NOT NULL,
  issued_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who read a patient's full record on the staff side, and why (the reason is required).
CREATE TABLE IF NOT EXISTS patient_record_access (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  patient_id VARCHAR(32) NOT NULL,
  staff_id VARCHAR(64) NOT NULL,
  reason VARCHAR(200) NOT NULL,
  at DATETIME(6) NOT NULL,
  INDEX ix_patient_record_access_patient (patient_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
