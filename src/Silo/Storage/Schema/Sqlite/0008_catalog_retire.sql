-- Retiring doctors and ending weekly templates (issue 22) keeps the rows, so past appointments still show the doctor:
-- planning makes no session on or after the date. A NULL date means still working / still running.
ALTER TABLE doctors ADD COLUMN retired_from TEXT NULL;
ALTER TABLE doctors ADD COLUMN retire_reason TEXT NULL;
ALTER TABLE schedule_templates ADD COLUMN ends_from TEXT NULL;

