-- Sora schema 003: grain state for Orleans ADO.NET persistence.
-- The version column is the ETag: a write names the version it read (NULL for a new record) and succeeds
-- only if that is still the stored one; answering no row tells Orleans the write lost a race.
-- A grain without key extension is stored with grain_id_extension = '' so the key can be a primary key.

CREATE TABLE IF NOT EXISTS orleans_grain_state (
    service_id          varchar(150) NOT NULL,
    grain_type_hash     integer      NOT NULL,
    grain_id_hash       integer      NOT NULL,
    grain_id_n0         bigint       NOT NULL,
    grain_id_n1         bigint       NOT NULL,
    grain_type          varchar(512) NOT NULL,
    grain_id_extension  varchar(512) NOT NULL,
    payload             bytea,
    version             integer      NOT NULL,
    modified_at         timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_extension)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
    SELECT payload AS PayloadBinary, version AS Version
    FROM orleans_grain_state
    WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
      AND grain_id_extension = coalesce(@GrainIdExtensionString::varchar, '')
$q$),
('WriteToStorageKey', $q$
    WITH replaced AS (
        UPDATE orleans_grain_state
        SET payload = @PayloadBinary, version = version + 1, modified_at = now()
        WHERE @GrainStateVersion::integer IS NOT NULL
          AND service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
          AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
          AND grain_id_extension = coalesce(@GrainIdExtensionString::varchar, '')
          AND version = @GrainStateVersion::integer
        RETURNING version),
    created AS (
        INSERT INTO orleans_grain_state (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
                                         grain_type, grain_id_extension, payload, version)
        SELECT @ServiceId, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1,
               @GrainTypeString, coalesce(@GrainIdExtensionString::varchar, ''), @PayloadBinary, 1
        WHERE @GrainStateVersion::integer IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT version AS NewGrainStateVersion FROM replaced
    UNION ALL
    SELECT version FROM created
$q$),
('ClearStorageKey', $q$
    UPDATE orleans_grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
      AND grain_id_extension = coalesce(@GrainIdExtensionString::varchar, '')
      AND version = @GrainStateVersion::integer
    RETURNING version AS NewGrainStateVersion
$q$),
('DeleteStorageKey', $q$
    DELETE FROM orleans_grain_state
    WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
      AND grain_id_extension = coalesce(@GrainIdExtensionString::varchar, '')
      AND version = @GrainStateVersion::integer
    RETURNING version + 1 AS NewGrainStateVersion
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
