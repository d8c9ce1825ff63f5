-- Run before the numbered scripts on every start: the table that records which of them are applied.
CREATE TABLE IF NOT EXISTS schema_version (
  version     INT          NOT NULL PRIMARY KEY,
  description VARCHAR(200) NOT NULL,
  applied_at  DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
