-- Retiring doctors and ending weekly templates (issue 22) keeps the rows, so past appointments still show the doctor:
-- planning makes no session on or after the date. A NULL date means still working / still running.
ALTER TABLE doctors ADD COLUMN IF NOT EXISTS retired_from DATE NULL, ADD COLUMN IF NOT EXISTS retire_reason VARCHAR(256) NULL;
ALTER TABLE schedule_templates ADD COLUMN IF NOT EXISTS ends_from DATE NULL;

