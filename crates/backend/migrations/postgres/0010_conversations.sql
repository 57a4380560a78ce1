-- The conversation on an application. Each message of a person is taken once: its id is the
-- idempotency key, and what was signed is kept so staff can check it again. The message itself
-- is an event of the application (kind 'message', status naming who spoke, detail listing its
-- documents), so the thread reads in order with the rest.
CREATE TABLE messages (
    message_id UUID PRIMARY KEY,
    application_seq BIGINT NOT NULL REFERENCES applications(seq),
    device_key TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    body BYTEA NOT NULL,
    signature TEXT NOT NULL,
    signed_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    event_cursor BIGINT NOT NULL
);
-- The documents of conversations: a person's attachments (their bytes are the upload's blob)
-- and what the office sends (a blob of its own). Only the application's device and its staff
-- may read them.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    application_seq BIGINT NOT NULL REFERENCES applications(seq),
    blob_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    added_at BIGINT NOT NULL
);
CREATE INDEX documents_by_application ON documents (application_seq);
