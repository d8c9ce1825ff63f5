-- Grain state documents (IPersistentState<T>). etag changes on every write; writes are checked against it.
-- Keys compare byte-wise (SQLite's default BINARY collation), like utf8mb4_bin on MySQL.
CREATE TABLE grain_state (
  state_name TEXT NOT NULL,
  grain_key  TEXT NOT NULL,
  etag       TEXT NOT NULL,
  payload    TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (state_name, grain_key)
);
