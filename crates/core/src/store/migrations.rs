//! Versioned schema migrations, tracked in SQLite's `user_version`.
//!
//! Append a new entry to [`MIGRATIONS`] for every change; never edit or reorder a shipped one. A
//! database newer than this build is refused with a message, not opened and damaged.

use rusqlite::Connection;

use crate::error::{CoreError, Result};

const MIGRATIONS: &[&str] = &[
    // 1: settings, drafts and their answers, the cached catalogue.
    "CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) STRICT;
    CREATE TABLE drafts (
        id           TEXT PRIMARY KEY NOT NULL,
        guide_id     TEXT NOT NULL,
        pack_version INTEGER NOT NULL,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX drafts_by_update ON drafts (updated_at DESC);
    CREATE TABLE draft_answers (
        draft_id   TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        field_id   TEXT NOT NULL,
        value      TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (draft_id, field_id)
    ) STRICT;
    CREATE TABLE catalog_cache (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        body    BLOB NOT NULL
    ) STRICT;",
    // 2: the materials checklist a person ticks on a guide page.
    "CREATE TABLE material_checks (
        guide_id       TEXT NOT NULL,
        material_index INTEGER NOT NULL,
        checked_at     INTEGER NOT NULL,
        PRIMARY KEY (guide_id, material_index)
    ) STRICT;",
    // 3: documents attached to drafts; the bytes are encrypted with the rest of the database.
    "CREATE TABLE draft_materials (
        id            TEXT PRIMARY KEY NOT NULL,
        draft_id      TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        field_id      TEXT NOT NULL,
        kind          TEXT NOT NULL,
        file_name     TEXT NOT NULL,
        mime          TEXT NOT NULL,
        bytes         BLOB NOT NULL,
        original_size INTEGER NOT NULL,
        sha256        TEXT NOT NULL,
        width         INTEGER,
        height        INTEGER,
        added_at      INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX draft_materials_by_draft ON draft_materials (draft_id, field_id);",
    // 4: the form a draft was started on, to flag questions that change in a catalogue update.
    "ALTER TABLE drafts ADD COLUMN form_snapshot TEXT;",
    // 5: the outbox. A row is written when the person presses Send and is never deleted by
    // sending: a delivered row keeps its receipt.
    "CREATE TABLE outbox (
        submission_id   TEXT PRIMARY KEY NOT NULL,
        draft_id        TEXT NOT NULL,
        guide_id        TEXT NOT NULL,
        revision        INTEGER NOT NULL,
        body            BLOB NOT NULL,
        created_at      INTEGER NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error      TEXT,
        set_aside_code  TEXT,
        set_aside_message TEXT,
        receipt         TEXT,
        delivered_at    INTEGER
    ) STRICT;
    CREATE INDEX outbox_by_draft ON outbox (draft_id);",
    // 6: what the city said about sent applications, from the status feed.
    "CREATE TABLE status_events (
        cursor    INTEGER PRIMARY KEY NOT NULL,
        draft_id  TEXT NOT NULL,
        reference TEXT NOT NULL,
        event     TEXT NOT NULL,
        at        INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX status_events_by_draft ON status_events (draft_id, cursor);",
    // 7: the documents of a submission, frozen with it, and how much of each the backend has
    // acknowledged (tus).
    "CREATE TABLE outbox_materials (
        submission_id TEXT NOT NULL REFERENCES outbox(submission_id),
        sha256        TEXT NOT NULL,
        bytes         BLOB NOT NULL,
        upload_url    TEXT,
        acknowledged  INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (submission_id, sha256)
    ) STRICT;",
    // 8: the person's profile and the consents they gave or withdrew.
    "CREATE TABLE profile (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        body       TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE consents (
        kind         TEXT PRIMARY KEY NOT NULL,
        granted_at   INTEGER,
        withdrawn_at INTEGER
    ) STRICT;",
    // 9: attestations of the person's identity, and the entrustment letters they signed.
    "CREATE TABLE attestations (
        id          TEXT PRIMARY KEY NOT NULL,
        token       TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        refused     TEXT
    ) STRICT;
    CREATE TABLE delegations (
        id         TEXT PRIMARY KEY NOT NULL,
        token      TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
    ) STRICT;",
    // 10: in site mode, the site's volunteers (their PINs as Argon2id hashes; a removed one is
    // kept, so the log still names them) and the site's log: times, volunteers and actions, never
    // anything about a person served.
    "CREATE TABLE volunteers (
        id         TEXT PRIMARY KEY NOT NULL,
        name       TEXT NOT NULL,
        pin_hash   TEXT NOT NULL,
        added_at   INTEGER NOT NULL,
        removed_at INTEGER
    ) STRICT;
    CREATE TABLE site_log (
        seq          INTEGER PRIMARY KEY,
        at           INTEGER NOT NULL,
        volunteer_id TEXT REFERENCES volunteers (id),
        action       TEXT NOT NULL
    ) STRICT;",
    // 11: in site mode, the walk-in sessions: each its own installation under `walk-ins/<id>/`
    // (its own database and keys); the site keeps only when it started and where it stands.
    "CREATE TABLE walk_ins (
        id         TEXT PRIMARY KEY NOT NULL,
        started_at INTEGER NOT NULL,
        state      TEXT NOT NULL CHECK (state IN ('open', 'sealed', 'ended')),
        ended_at   INTEGER
    ) STRICT;",
    // 12: wrong PINs in a row per volunteer, and until when their name is refused: kept, so
    // restarting the app does not start the count again.
    "ALTER TABLE volunteers ADD COLUMN wrong_pins INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE volunteers ADD COLUMN refused_until INTEGER NOT NULL DEFAULT 0;",
    // 13: more than one home city. Drafts, submissions, attestations, feed events, cached
    // catalogues and each backend's settings say which city they belong to; what was kept
    // before belongs to the one city chosen then (or, in development, the first listed one,
    // `wenzhou`, the only city lists held). A draft keeps the whole guide it was started on, so
    // it outlives a catalogue that withdraws the guide.
    "ALTER TABLE drafts ADD COLUMN city TEXT NOT NULL DEFAULT '';
     ALTER TABLE drafts ADD COLUMN guide_snapshot TEXT;
     ALTER TABLE outbox ADD COLUMN city TEXT NOT NULL DEFAULT '';
     ALTER TABLE attestations ADD COLUMN city TEXT NOT NULL DEFAULT '';
     CREATE TABLE city_status_events (
        city      TEXT NOT NULL,
        cursor    INTEGER NOT NULL,
        draft_id  TEXT NOT NULL,
        reference TEXT NOT NULL,
        event     TEXT NOT NULL,
        at        INTEGER NOT NULL,
        PRIMARY KEY (city, cursor)
     ) STRICT;
     INSERT INTO city_status_events (city, cursor, draft_id, reference, event, at)
        SELECT '', cursor, draft_id, reference, event, at FROM status_events;
     DROP TABLE status_events;
     ALTER TABLE city_status_events RENAME TO status_events;
     CREATE INDEX status_events_by_draft ON status_events (draft_id, cursor);
     CREATE TABLE catalog_packs (
        city    TEXT PRIMARY KEY NOT NULL,
        version INTEGER NOT NULL,
        body    BLOB NOT NULL
     ) STRICT;
     INSERT INTO catalog_packs (city, version, body) SELECT '', version, body FROM catalog_cache;
     DROP TABLE catalog_cache;
     CREATE TEMP TABLE the_city AS SELECT coalesce(
        (SELECT json_extract(value, '$.id') FROM settings WHERE key = 'home-city'),
        'wenzhou') AS id;
     UPDATE drafts SET city = (SELECT id FROM the_city);
     UPDATE outbox SET city = (SELECT id FROM the_city);
     UPDATE attestations SET city = (SELECT id FROM the_city);
     UPDATE status_events SET city = (SELECT id FROM the_city);
     UPDATE catalog_packs SET city = (SELECT id FROM the_city);
     UPDATE settings SET key = key || '@' || (SELECT id FROM the_city)
        WHERE key IN ('backend-receipt-key', 'device-registered', 'feed-cursor', 'catalog-etag',
            'catalog-update-refused', 'proofing-request', 'notices-etag', 'notices-feeds',
            'notices-refused', 'notices-fetched-at');
     DROP TABLE the_city;
     CREATE INDEX outbox_by_city ON outbox (city, receipt);",
    // 14: the conversation on an application. A message to the office goes through the outbox
    // like a submission (`kind`); what the person is still writing is kept as typed, with its
    // attachments; the office's documents are kept once fetched, so they open offline.
    "ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'submission'
        CHECK (kind IN ('submission', 'message'));
     CREATE TABLE message_drafts (
        draft_id   TEXT PRIMARY KEY NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        text       TEXT NOT NULL,
        updated_at INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE message_attachments (
        id        TEXT PRIMARY KEY NOT NULL,
        draft_id  TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        mime      TEXT NOT NULL,
        sha256    TEXT NOT NULL,
        bytes     BLOB NOT NULL,
        added_at  INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX message_attachments_by_draft ON message_attachments (draft_id);
     CREATE TABLE received_documents (
        city       TEXT NOT NULL,
        id         TEXT NOT NULL,
        draft_id   TEXT NOT NULL,
        sha256     TEXT NOT NULL,
        bytes      BLOB NOT NULL,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (city, id)
     ) STRICT;",
    // 15: the list of drafts is read a page at a time, in an order with no ties; a guide's page
    // reads its own drafts.
    "DROP INDEX drafts_by_update;
     CREATE INDEX drafts_by_update ON drafts (updated_at DESC, id DESC);
     CREATE INDEX drafts_by_guide ON drafts (guide_id, updated_at DESC);",
];

/// The schema version this build creates and understands.
#[allow(clippy::cast_possible_wrap)] // a handful of migrations
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn run(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(CoreError::SchemaTooNew {
            found,
            known: SCHEMA_VERSION,
        });
    }
    let done = usize::try_from(found).unwrap_or(0);
    for (version, sql) in (1_i64..).zip(MIGRATIONS).skip(done) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{run, MIGRATIONS};
    use rusqlite::Connection;

    #[test]
    fn what_was_kept_before_there_were_cities_belongs_to_the_city_chosen_then() {
        let mut conn = Connection::open_in_memory().expect("open");
        for sql in &MIGRATIONS[..12] {
            conn.execute_batch(sql).expect("an earlier migration");
        }
        conn.pragma_update(None, "user_version", 12)
            .expect("version");
        conn.execute_batch(
            "INSERT INTO settings VALUES ('home-city', '{\"id\":\"fuzhou\"}'),
                ('feed-cursor', '7'), ('backend-receipt-key', 'K'), ('language', 'en');
             INSERT INTO drafts (id, guide_id, pack_version, created_at, updated_at)
                VALUES ('d1', 'g', 1, 0, 0);
             INSERT INTO outbox (submission_id, draft_id, guide_id, revision, body, created_at,
                next_attempt_at) VALUES ('s1', 'd1', 'g', 0, x'00', 0, 0);
             INSERT INTO status_events VALUES (3, 'd1', 'R', '{}', 0);
             INSERT INTO attestations (id, token, received_at) VALUES ('a1', 't', 0);
             INSERT INTO catalog_cache VALUES (1, 5, x'00');",
        )
        .expect("data kept before");
        run(&mut conn).expect("migrates");
        let one = |sql: &str| -> String { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
        for table in [
            "drafts",
            "outbox",
            "status_events",
            "attestations",
            "catalog_packs",
        ] {
            assert_eq!(
                one(&format!("SELECT city FROM {table}")),
                "fuzhou",
                "{table}"
            );
        }
        assert_eq!(
            one("SELECT value FROM settings WHERE key = 'feed-cursor@fuzhou'"),
            "7"
        );
        assert_eq!(
            one("SELECT value FROM settings WHERE key = 'backend-receipt-key@fuzhou'"),
            "K"
        );
        assert_eq!(
            one("SELECT value FROM settings WHERE key = 'language'"),
            "en",
            "the person's own settings are no city's"
        );
        assert_eq!(one("SELECT cursor || reference FROM status_events"), "3R");
    }
}
