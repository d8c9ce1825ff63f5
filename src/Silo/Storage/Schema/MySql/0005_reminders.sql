-- Nothing to create on MySQL: cluster mode keeps reminders in 0004's orleans_reminders (Orleans' ADO.NET provider).
-- Sqlite/0005_reminders.sql creates embedded mode's table; this script keeps both folders on the same versions.
DO 0;
