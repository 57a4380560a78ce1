-- devices, applications, their submissions and events, and staff.
CREATE TABLE devices (
    public_key TEXT PRIMARY KEY NOT NULL,
    registered_at INTEGER NOT NULL,
    revoked_at INTEGER
) STRICT;
CREATE TABLE applications (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    device_key TEXT NOT NULL REFERENCES devices(public_key),
    draft_id TEXT NOT NULL,
    guide_id TEXT NOT NULL,
    status TEXT NOT NULL,
    department TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (device_key, draft_id)
) STRICT;
CREATE TABLE submissions (
    submission_id TEXT PRIMARY KEY NOT NULL,
    application_seq INTEGER NOT NULL REFERENCES applications(seq),
    idempotency_key TEXT NOT NULL UNIQUE,
    device_key TEXT NOT NULL,
    revision INTEGER NOT NULL,
    body_sha256 TEXT NOT NULL,
    body BLOB NOT NULL,
    signature TEXT NOT NULL,
    signed_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    UNIQUE (application_seq, revision)
) STRICT;
CREATE TABLE events (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    application_seq INTEGER NOT NULL REFERENCES applications(seq),
    kind TEXT NOT NULL,
    status TEXT,
    text TEXT NOT NULL,
    actor TEXT NOT NULL,
    at INTEGER NOT NULL
) STRICT;
CREATE INDEX events_by_application ON events (application_seq, cursor);
CREATE INDEX applications_by_device ON applications (device_key);
CREATE TABLE staff (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    admin INTEGER NOT NULL,
    department TEXT
) STRICT;
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    csrf TEXT NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE TABLE uploads (
    id TEXT PRIMARY KEY NOT NULL,
    device_key TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    length INTEGER NOT NULL,
    received_bytes INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE (device_key, sha256)
) STRICT;
