-- keys trusted to attest identities, and revoked delegations.
CREATE TABLE signers (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    registered_at INTEGER NOT NULL,
    revoked_at INTEGER,
    PRIMARY KEY (kind, id)
) STRICT;
CREATE TABLE delegation_revocations (
    id TEXT NOT NULL,
    device_key TEXT NOT NULL,
    revoked_at INTEGER NOT NULL,
    PRIMARY KEY (id, device_key)
) STRICT;
CREATE TABLE proofing_requests (
    id TEXT PRIMARY KEY NOT NULL,
    device_key TEXT NOT NULL,
    profile TEXT NOT NULL,
    contact TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    closed_at INTEGER,
    closed_by TEXT,
    token TEXT
) STRICT;
CREATE INDEX proofing_by_device ON proofing_requests (device_key);
