-- Grain state documents (IPersistentState<T>). etag changes on every write; writes are checked against it.
-- LONGTEXT rather than JSON: MySQL's JSON type rewrites the document, and we return exactly what was written.
-- utf8mb4_bin: keys compare byte-wise, as on SQLite.
CREATE TABLE grain_state (
  state_name VARCHAR(100) NOT NULL,
  grain_key  VARCHAR(255) NOT NULL,
  etag       CHAR(32)     NOT NULL,
  payload    LONGTEXT     NOT NULL,
  updated_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (state_name, grain_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
