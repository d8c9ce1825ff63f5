-- Orleans reminders in embedded mode (SqliteReminderTable): durable wake-ups that survive a restart. Cluster mode keeps
-- them in MySql/0004's orleans_reminders through Orleans' ADO.NET provider instead.
-- grain_hash is the grain id's uniform hash (0 to 2^32-1, which fits SQLite's 64-bit INTEGER unsigned): the reminder
-- service reads its range of the ring by it. Instants and periods are .NET ticks (UTC), so they round-trip exactly.
-- etag is a fresh random value per upsert, never a counter: a reminder removed and registered again must not take an
-- etag back that a stale caller may still hold.
CREATE TABLE reminders (
  service_id          TEXT    NOT NULL,
  grain_id            TEXT    NOT NULL,
  reminder_name       TEXT    NOT NULL,
  grain_hash          INTEGER NOT NULL,
  start_at_utc_ticks  INTEGER NOT NULL,
  period_ticks        INTEGER NOT NULL,
  etag                TEXT    NOT NULL,
  PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX ix_reminders_hash ON reminders (service_id, grain_hash);
