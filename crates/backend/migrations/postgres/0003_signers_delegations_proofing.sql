-- keys trusted to attest identities, and revoked delegations.
CREATE TABLE signers (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    registered_at BIGINT NOT NULL,
    revoked_at BIGINT,
    PRIMARY KEY (kind, id)
);
CREATE TABLE delegation_revocations (
    id UUID NOT NULL,
    device_key TEXT NOT NULL,
    revoked_at BIGINT NOT NULL,
    PRIMARY KEY (id, device_key)
);
CREATE TABLE proofing_requests (
    id UUID PRIMARY KEY,
    device_key TEXT NOT NULL,
    profile TEXT NOT NULL,
    contact TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    closed_at BIGINT,
    closed_by TEXT,
    token TEXT
);
CREATE INDEX proofing_by_device ON proofing_requests (device_key);
CREATE UNIQUE INDEX one_open_proofing_per_device ON proofing_requests (device_key)
    WHERE closed_at IS NULL;
