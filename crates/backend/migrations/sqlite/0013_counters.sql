-- Counts in windows (devices registered per address, sign-in attempts per name and per
-- address, ...), shared by every backend process on this database.
CREATE TABLE counters (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    count INTEGER NOT NULL,
    since INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX counters_by_since ON counters (since);
