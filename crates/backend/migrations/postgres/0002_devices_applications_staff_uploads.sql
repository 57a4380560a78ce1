-- devices, applications, their submissions and events, and staff.
CREATE TABLE devices (
    public_key TEXT PRIMARY KEY,
    registered_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE TABLE applications (
    seq BIGSERIAL PRIMARY KEY,
    device_key TEXT NOT NULL REFERENCES devices(public_key),
    draft_id UUID NOT NULL,
    guide_id TEXT NOT NULL,
    status TEXT NOT NULL,
    department TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (device_key, draft_id)
);
CREATE TABLE submissions (
    submission_id UUID PRIMARY KEY,
    application_seq BIGINT NOT NULL REFERENCES applications(seq),
    idempotency_key TEXT NOT NULL UNIQUE,
    device_key TEXT NOT NULL,
    revision INTEGER NOT NULL,
    body_sha256 TEXT NOT NULL,
    body BYTEA NOT NULL,
    signature TEXT NOT NULL,
    signed_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    UNIQUE (application_seq, revision)
);
CREATE TABLE events (
    cursor BIGSERIAL PRIMARY KEY,
    application_seq BIGINT NOT NULL REFERENCES applications(seq),
    kind TEXT NOT NULL,
    status TEXT,
    text TEXT NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX events_by_application ON events (application_seq, cursor);
CREATE INDEX applications_by_device ON applications (device_key);
CREATE TABLE staff (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    admin BOOLEAN NOT NULL,
    department TEXT
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id BIGINT NOT NULL REFERENCES staff(id),
    csrf TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    device_key TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    length BIGINT NOT NULL,
    received_bytes BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (device_key, sha256)
);
