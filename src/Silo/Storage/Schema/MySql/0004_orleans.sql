-- The tables behind Orleans' ADO.NET providers in cluster mode: membership (Orleans.Clustering.AdoNet), grain state
-- (Orleans.Persistence.AdoNet) and reminders (Orleans.Reminders.AdoNet). The packages ship no schema, so this is ours,
-- written to the contract the providers read and write (../shared/ORLEANS.md):
--   * every provider starts by reading SELECT QueryKey, QueryText FROM OrleansQuery, and runs only those texts;
--   * a text may use only the parameters the provider binds, and must return the columns it reads, by name.
-- The table names below the OrleansQuery table are ours (only our query texts name them); the column names are the
-- ones the providers read, so the texts need no aliases. The contract tests in tests/OrleansSchema.Tests run the real
-- providers against this script.
--
-- Written to run again after a partial run (MySQL commits DDL implicitly, so a failed script stays half-applied):
-- tables IF NOT EXISTS, query rows REPLACEd. The texts avoid user variables (MySqlConnector refuses them unless the
-- connection string allows them) and quote characters (so they sit in plain literals). utf8mb4_bin everywhere:
-- grain keys, reminder names and service ids are case-sensitive to Orleans, so they must compare byte-wise.

CREATE TABLE IF NOT EXISTS OrleansQuery (
  QueryKey  VARCHAR(64) NOT NULL PRIMARY KEY,
  QueryText TEXT        NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- ---------------------------------------------------------------------------------------------------------------------
-- Clustering. One version row per cluster (DeploymentId is Orleans' ClusterId); every change to a silo's row bumps it
-- in the same transaction, and a writer names the version it read: that is how silos agree on membership.
-- ---------------------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleans_membership_versions (
  DeploymentId VARCHAR(150) NOT NULL PRIMARY KEY,
  Version      INT          NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per silo incarnation (address, port and generation). Status is Orleans' SiloStatus (3 Active, 6 Dead);
-- SuspectTimes is Orleans' own text ("silo,time|silo,time"). The cascade lets one DELETE drop a whole cluster.
CREATE TABLE IF NOT EXISTS orleans_membership (
  DeploymentId VARCHAR(150) NOT NULL,
  Address      VARCHAR(45)  NOT NULL,
  Port         INT          NOT NULL,
  Generation   INT          NOT NULL,
  SiloName     VARCHAR(150) NOT NULL,
  HostName     VARCHAR(150) NOT NULL,
  Status       INT          NOT NULL,
  ProxyPort    INT          NOT NULL,
  SuspectTimes TEXT         NULL,
  StartTime    DATETIME(3)  NOT NULL,
  IAmAliveTime DATETIME(3)  NOT NULL,
  PRIMARY KEY (DeploymentId, Address, Port, Generation),
  CONSTRAINT fk_orleans_membership_version FOREIGN KEY (DeploymentId)
    REFERENCES orleans_membership_versions (DeploymentId) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every silo runs this at start. Two silos of a new cluster may run it at once: the NOT EXISTS keeps the common case
-- quiet, the no-op ON DUPLICATE KEY makes the race harmless (an error here would stop the silo). Returns whether this
-- call created the row (Orleans only logs it).
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', '
INSERT INTO orleans_membership_versions (DeploymentId, Version)
SELECT @DeploymentId, 0 FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM orleans_membership_versions WHERE DeploymentId = @DeploymentId)
ON DUPLICATE KEY UPDATE Version = Version;
SELECT ROW_COUNT() > 0;');

-- A silo adds its row only against the version it read, and only once. The version is bumped first (its row lock
-- then orders racing writers), the insert runs only if that bump happened (ROW_COUNT() is the previous statement's),
-- and both commit together. Returns whether the row went in.
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', '
START TRANSACTION;
UPDATE orleans_membership_versions
SET Version = Version + 1
WHERE DeploymentId = @DeploymentId AND Version = @Version
  AND NOT EXISTS (SELECT 1 FROM orleans_membership
                  WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation);
INSERT INTO orleans_membership
  (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
SELECT @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
FROM DUAL
WHERE ROW_COUNT() > 0;
SELECT ROW_COUNT() > 0;
COMMIT;');

-- Status changes and suspicion votes: one statement over both tables, so the row changes exactly when the version
-- the writer read is still current. The heartbeat time never moves backwards (UpdateIAmAlivetimeKey runs beside it).
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', '
UPDATE orleans_membership_versions v
JOIN orleans_membership m ON m.DeploymentId = v.DeploymentId
SET v.Version = v.Version + 1,
    m.Status = @Status,
    m.SuspectTimes = @SuspectTimes,
    m.IAmAliveTime = GREATEST(m.IAmAliveTime, @IAmAliveTime)
WHERE v.DeploymentId = @DeploymentId AND v.Version = @Version
  AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation;
SELECT ROW_COUNT() > 0;');

-- The heartbeat: unversioned on purpose (Orleans writes it every few seconds and never checks the result).
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', '
UPDATE orleans_membership
SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;');

-- Clients find gateways here: the active silos (Orleans binds the Active status) that listen for clients.
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', '
SELECT Address, ProxyPort, Generation
FROM orleans_membership
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;');

-- Both reads return the version row even when no silo row matches (LEFT JOIN): Orleans takes the table version from
-- the first row, and reads "no silo" from a NULL StartTime.
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM orleans_membership_versions v
LEFT JOIN orleans_membership m
  ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;');

REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM orleans_membership_versions v
LEFT JOIN orleans_membership m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;');

-- Drops a whole cluster's membership (the silo rows go with the version row, by the cascade).
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', '
DELETE FROM orleans_membership_versions WHERE DeploymentId = @DeploymentId;');

-- Removing dead silos' rows changes no live member, so neither statement bumps the version. Orleans 10.4 decides in
-- .NET which dead rows are old enough and deletes each with the second text, only if the row still holds the values
-- it decided on; the first is its fallback when the second is missing: dead rows older than the cutoff, unsuspected.
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', '
DELETE FROM orleans_membership
WHERE DeploymentId = @DeploymentId AND Status = 6
  AND IAmAliveTime < @IAmAliveTime AND StartTime < @IAmAliveTime
  AND COALESCE(CHAR_LENGTH(SuspectTimes), 0) = 0;');

REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', '
DELETE FROM orleans_membership
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND Status = 6 AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND (SuspectTimes <=> @SuspectTimes
       OR COALESCE(CHAR_LENGTH(SuspectTimes), 0) + COALESCE(CHAR_LENGTH(@SuspectTimes), 0) = 0);');

-- ---------------------------------------------------------------------------------------------------------------------
-- Grain state. Orleans identifies a state by service, grain type and grain id (two 64-bit halves plus an optional
-- string), and hashes id and type to 32-bit values for a narrow lookup index. The strings are too long for a unique
-- index, so GrainKey digests the whole identity (each string prefixed with its length, so no two identities collide)
-- and carries the unique key: a state can never have two rows, whatever writers race. The surrogate Id is the primary
-- key because MariaDB allows none on a generated column and some MySQL hosts require one.
-- PayloadBinary is all Orleans 10 writes (its serializer decides the format); LONGBLOB, as BLOB stops at 64 KiB.
-- Version is the ETag. 0 marks a row whose first write is under way (see WriteToStorageKey).
-- ---------------------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleans_storage (
  Id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ServiceId              VARCHAR(150) NOT NULL,
  GrainTypeHash          INT          NOT NULL,
  GrainTypeString        VARCHAR(512) NOT NULL,
  GrainIdHash            INT          NOT NULL,
  GrainIdN0              BIGINT       NOT NULL,
  GrainIdN1              BIGINT       NOT NULL,
  GrainIdExtensionString VARCHAR(512) NULL,
  PayloadBinary          LONGBLOB     NULL,
  Version                INT          NOT NULL,
  ModifiedOn             DATETIME(3)  NOT NULL,
  GrainKey BINARY(32) AS (UNHEX(SHA2(CONCAT_WS(',',
    CHAR_LENGTH(ServiceId), ServiceId, CHAR_LENGTH(GrainTypeString), GrainTypeString, GrainIdN0, GrainIdN1,
    COALESCE(CHAR_LENGTH(GrainIdExtensionString), -1), COALESCE(GrainIdExtensionString, SPACE(0))), 256))) STORED,
  UNIQUE KEY ux_orleans_storage_grain (GrainKey),
  INDEX ix_orleans_storage_hashes (GrainIdHash, GrainTypeHash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A missing state is no row (RecordExists false, no ETag); a cleared one has a NULL payload and keeps its version.
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM orleans_storage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString <=> @GrainIdExtensionString;');

-- Every write is one versioned UPDATE, so there is one place where a stale ETag is refused. A first write (no
-- ETag) inserts an empty row at version 0 unless the state has a row already, then updates it like any other: of
-- two first writers exactly one moves 0 to 1, and a first writer finding a real row (version 1 or more) is refused.
-- An empty row left by a failed first write is harmless: it reads as "no state, ETag 0", and the next write
-- completes it. Returns the new version, or NULL when refused (Orleans then throws InconsistentStateException).
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO orleans_storage
  (ServiceId, GrainTypeHash, GrainTypeString, GrainIdHash, GrainIdN0, GrainIdN1, GrainIdExtensionString,
   PayloadBinary, Version, ModifiedOn)
SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
       NULL, 0, UTC_TIMESTAMP(3)
FROM DUAL
WHERE @GrainStateVersion IS NULL
ON DUPLICATE KEY UPDATE Version = Version;
UPDATE orleans_storage
SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = UTC_TIMESTAMP(3)
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND Version = COALESCE(@GrainStateVersion, 0);
SELECT IF(ROW_COUNT() > 0, COALESCE(@GrainStateVersion, 0) + 1, NULL) AS NewGrainStateVersion;');

-- ClearStateAsync keeps the row and its version history (a later first write cannot resurrect an old ETag) ...
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE orleans_storage
SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = UTC_TIMESTAMP(3)
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND Version = @GrainStateVersion;
SELECT IF(ROW_COUNT() > 0, @GrainStateVersion + 1, NULL) AS NewGrainStateVersion;');

-- ... unless the provider is configured with DeleteStateOnClear, which removes the row (same version check).
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM orleans_storage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND Version = @GrainStateVersion;
SELECT IF(ROW_COUNT() > 0, @GrainStateVersion + 1, NULL) AS NewGrainStateVersion;');

-- ---------------------------------------------------------------------------------------------------------------------
-- Reminders. GrainId is Orleans' text form of the grain id ("type/key"); GrainHash its uniform hash as a signed
-- 32-bit value: each silo reads the reminders of its hash range, hence the index. Period is in milliseconds.
-- Key lengths: 150 + 400 + 150 characters of utf8mb4 stay under InnoDB's 3072-byte index limit.
-- ---------------------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleans_reminders (
  ServiceId    VARCHAR(150) NOT NULL,
  GrainId      VARCHAR(400) NOT NULL,
  ReminderName VARCHAR(150) NOT NULL,
  GrainHash    INT          NOT NULL,
  StartTime    DATETIME(3)  NOT NULL,
  Period       BIGINT       NOT NULL,
  Version      INT          NOT NULL,
  PRIMARY KEY (ServiceId, GrainId, ReminderName),
  INDEX ix_orleans_reminders_hash (ServiceId, GrainHash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Registering a reminder again replaces its schedule and bumps its version (the ETag a later unregister names).
-- In one transaction, so the version read back is the one this upsert wrote: the upsert's row lock is held until
-- the read.
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', '
START TRANSACTION;
INSERT INTO orleans_reminders (ServiceId, GrainId, ReminderName, GrainHash, StartTime, Period, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 1)
ON DUPLICATE KEY UPDATE GrainHash = @GrainHash, StartTime = @StartTime, Period = @Period, Version = Version + 1;
SELECT Version
FROM orleans_reminders
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
COMMIT;');

REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM orleans_reminders
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;');

REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM orleans_reminders
WHERE ServiceId = @ServiceId AND GrainId = @GrainId;');

-- A silo's range (BeginHash, EndHash] on the ring. Orleans picks the first text when the range does not wrap in
-- signed order, the second when it wraps past the largest value.
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM orleans_reminders
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;');

REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM orleans_reminders
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);');

-- Unregistering names the version it saw; returns whether the row was removed.
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', '
DELETE FROM orleans_reminders
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version;
SELECT ROW_COUNT() > 0;');

REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', '
DELETE FROM orleans_reminders WHERE ServiceId = @ServiceId;');
