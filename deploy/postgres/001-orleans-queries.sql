-- Sora schema 001: the table the Orleans ADO.NET providers read their SQL from.
-- Orleans looks up each statement by key and binds parameters by name (@DeploymentId, ...); it reads result
-- columns by name, case-insensitively, which is why our snake_case columns are aliased in every SELECT.
-- The providers query "OrleansQuery" unquoted, so the table's name is that, folded to lower case.

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64)   PRIMARY KEY,
    querytext varchar(8000) NOT NULL
);
