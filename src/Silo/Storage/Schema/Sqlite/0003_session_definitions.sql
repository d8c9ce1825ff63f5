-- A session's definition (every slot with its times and channel, as JSON) moves out of the sessions row, which every
-- commit of its pool updates (counters, version): the row a commit rewrites stays small however many slots the
-- session has. The definition is written once, when the session is planned.
CREATE TABLE session_definitions (
  session_id TEXT PRIMARY KEY REFERENCES sessions(session_id),
  definition TEXT NOT NULL
);

INSERT INTO session_definitions (session_id, definition) SELECT session_id, definition FROM sessions;

ALTER TABLE sessions DROP COLUMN definition;
