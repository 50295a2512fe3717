-- Sora schema 004: durable reminders for Orleans ADO.NET reminders.
-- grain_hash is the grain's uniform hash as a signed integer; silos read the reminders of their ring range.

CREATE TABLE IF NOT EXISTS orleans_reminder (
    service_id     varchar(150) NOT NULL,
    grain_id       varchar(150) NOT NULL,
    reminder_name  varchar(150) NOT NULL,
    start_time     timestamptz  NOT NULL,
    period_ms      bigint       NOT NULL,
    grain_hash     integer      NOT NULL,
    version        integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_by_hash ON orleans_reminder (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', $q$
    INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
        version = orleans_reminder.version + 1
    RETURNING version AS Version
$q$),
('ReadReminderRowsKey', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
    FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),
('ReadReminderRowKey', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
    FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),
-- A range (begin, end] that does not wrap around the ring.
('ReadRangeRows1Key', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
    FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),
-- A range that wraps: everything above begin, and everything up to end.
('ReadRangeRows2Key', $q$
    SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
    FROM orleans_reminder
    WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),
('DeleteReminderRowKey', $q$
    WITH removed AS (
        DELETE FROM orleans_reminder
        WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
          AND version = @Version
        RETURNING 1)
    SELECT count(*)::integer FROM removed
$q$),
('DeleteReminderRowsKey', $q$
    DELETE FROM orleans_reminder WHERE service_id = @ServiceId
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
