-- Counts in windows (devices registered per address, sign-in attempts per name and per
-- address, ...), shared by every backend process on this database.
CREATE TABLE counters (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    count BIGINT NOT NULL,
    since BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX counters_by_since ON counters (since);
-- Counted by what was counted (an application's idempotency key, a device's key), so that a
-- retry, or a request cut off after counting, is never counted twice.
CREATE TABLE counted_items (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    item TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (scope, key, item)
);
CREATE INDEX counted_items_by_time ON counted_items (scope, key, at);
-- Documents' bytes, for backends that keep them in the database (`documents_in_database`):
-- each chunk where it starts in its document.
CREATE TABLE blob_chunks (
    id TEXT NOT NULL,
    start BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (id, start)
);
