-- A session's definition (every slot with its times and channel, as JSON) moves out of the sessions row. That row is
-- the one every commit of its pool updates (counters, version), and an update reads the whole row, definition
-- included: with the engine benchmark's hot session of 60,000 slots, perf put a fifth of MariaDB's CPU in copying
-- it. The definition is written once, when the session is planned.
CREATE TABLE IF NOT EXISTS session_definitions (
  session_id VARCHAR(32) PRIMARY KEY,
  definition MEDIUMTEXT NOT NULL,
  CONSTRAINT fk_session_definitions_session FOREIGN KEY (session_id) REFERENCES sessions(session_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT IGNORE INTO session_definitions (session_id, definition) SELECT session_id, definition FROM sessions;

ALTER TABLE sessions DROP COLUMN definition;
