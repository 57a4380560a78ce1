-- The conversation on an application. Each message of a person is taken once: its id is the
-- idempotency key, and what was signed is kept so staff can check it again. The message itself
-- is an event of the application (kind 'message', status naming who spoke, detail listing its
-- documents), so the thread reads in order with the rest.
CREATE TABLE messages (
    message_id TEXT PRIMARY KEY NOT NULL,
    application_seq INTEGER NOT NULL REFERENCES applications(seq),
    device_key TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    body BLOB NOT NULL,
    signature TEXT NOT NULL,
    signed_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    event_cursor INTEGER NOT NULL
) STRICT;
-- The documents of conversations: a person's attachments (their bytes are the upload's blob)
-- and what the office sends (a blob of its own). Only the application's device and its staff
-- may read them.
CREATE TABLE documents (
    id TEXT PRIMARY KEY NOT NULL,
    application_seq INTEGER NOT NULL REFERENCES applications(seq),
    blob_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    added_at INTEGER NOT NULL
) STRICT;
CREATE INDEX documents_by_application ON documents (application_seq);
