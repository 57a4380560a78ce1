-- Intake of many submissions in one call and one transaction, for a backend receiving many at
-- once. The common case (a first submission starting its application, its device and signers
-- standing) is written for the whole lot in three statements; every other submission (a retry,
-- a revision, a revoked key, a second submission of one draft in the same lot) goes through
-- homeward_intake, as it would alone.
--
-- The arrays hold one element per submission, in homeward_intake's order of parameters; the
-- signers are flattened, p_signer_of giving for each the number (from 1) of the submission
-- relying on it. Answers homeward_intake's rows, each with the number of its submission (none for
-- a conflict); or the error HW409 when a key or a submission id was taken first, which undoes
-- the whole call: the caller then takes the submissions one by one.
CREATE FUNCTION homeward_intake_many(
    p_submission_id UUID[],
    p_key TEXT[],
    p_device TEXT[],
    p_revision INTEGER[],
    p_body_sha256 TEXT[],
    p_body BYTEA[],
    p_signature TEXT[],
    p_signed_at BIGINT[],
    p_guide TEXT[],
    p_draft UUID[],
    p_received_at BIGINT[],
    p_site TEXT[],
    p_volunteer TEXT[],
    p_walk_in UUID[],
    p_signer_of INTEGER[],
    p_signer_kinds TEXT[],
    p_signer_ids TEXT[],
    p_signer_keys TEXT[],
    p_received_status TEXT,
    p_revisable_status TEXT,
    p_event_kind TEXT,
    p_event_text TEXT,
    p_event_detail TEXT
) RETURNS TABLE (
    item INTEGER,
    outcome TEXT,
    application_seq BIGINT,
    application_created_at BIGINT,
    submission_id UUID,
    idempotency_key TEXT,
    device_key TEXT,
    body_sha256 TEXT,
    revision INTEGER,
    received_at BIGINT
) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    fresh INTEGER[];
    fresh_seq BIGINT[];
    fresh_created BIGINT[];
    written BIGINT;
BEGIN
    -- The first submissions whose device and signers stand, the first of each draft, start
    -- their applications; a draft that has one already is left to homeward_intake.
    WITH items AS (
        SELECT i.device, i.draft, i.guide, i.at, i.site, i.volunteer, i.walk_in, i.n::INTEGER AS n
        FROM unnest(p_device, p_draft, p_guide, p_received_at, p_site, p_volunteer, p_walk_in,
                p_revision) WITH ORDINALITY
            AS i(device, draft, guide, at, site, volunteer, walk_in, revision, n)
        WHERE i.revision = 0
    ), standing AS (
        SELECT DISTINCT ON (i.device, i.draft) i.*
        FROM items i
        WHERE EXISTS (SELECT 1 FROM devices d
                      WHERE d.public_key = i.device AND d.revoked_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM unnest(p_signer_of, p_signer_kinds, p_signer_ids,
                                  p_signer_keys) AS r(owner, kind, id, key)
                          WHERE r.owner = i.n
                            AND NOT EXISTS (SELECT 1 FROM signers s
                                            WHERE s.kind = r.kind AND s.id = r.id
                                              AND s.public_key = r.key
                                              AND s.revoked_at IS NULL))
        ORDER BY i.device, i.draft, i.n
    ), created AS (
        INSERT INTO applications AS a (device_key, draft_id, guide_id, status, created_at,
                updated_at, site_id, volunteer, walk_in)
            SELECT s.device, s.draft, s.guide, p_received_status, s.at, s.at, s.site,
                s.volunteer, s.walk_in
            FROM standing s ORDER BY s.n
            ON CONFLICT DO NOTHING
            RETURNING a.seq, a.device_key, a.draft_id, a.created_at
    )
    SELECT array_agg(s.n ORDER BY s.n), array_agg(c.seq ORDER BY s.n),
            array_agg(c.created_at ORDER BY s.n)
        INTO fresh, fresh_seq, fresh_created
        FROM created c JOIN standing s ON s.device = c.device_key AND s.draft = c.draft_id;
    IF fresh IS NOT NULL THEN
        WITH stored AS (
            INSERT INTO submissions (submission_id, application_seq, idempotency_key,
                    device_key, revision, body_sha256, body, signature, signed_at, received_at)
                SELECT p_submission_id[f.n], f.seq, p_key[f.n], p_device[f.n], 0,
                    p_body_sha256[f.n], p_body[f.n], p_signature[f.n], p_signed_at[f.n],
                    p_received_at[f.n]
                FROM unnest(fresh, fresh_seq) AS f(n, seq) ORDER BY f.n
                ON CONFLICT DO NOTHING
                RETURNING 1
        )
        SELECT count(*) INTO written FROM stored;
        IF written < cardinality(fresh) THEN
            RAISE EXCEPTION 'a submission was stored first by another request'
                USING ERRCODE = 'HW409';
        END IF;
        INSERT INTO events (application_seq, device_key, kind, status, text, actor, at, detail)
            SELECT f.seq, p_device[f.n], p_event_kind, p_received_status, p_event_text,
                'intake', p_received_at[f.n], p_event_detail
            FROM unnest(fresh, fresh_seq) AS f(n, seq) ORDER BY f.n;
        RETURN QUERY SELECT f.n, 'new'::TEXT, f.seq, f.created, p_submission_id[f.n],
                p_key[f.n], p_device[f.n], p_body_sha256[f.n], 0, p_received_at[f.n]
            FROM unnest(fresh, fresh_seq, fresh_created) AS f(n, seq, created);
    END IF;
    FOR i IN 1 .. cardinality(p_submission_id) LOOP
        CONTINUE WHEN i = ANY (fresh);
        RETURN QUERY SELECT i, r.*
            FROM homeward_intake(p_submission_id[i], p_key[i], p_device[i], p_revision[i],
                p_body_sha256[i], p_body[i], p_signature[i], p_signed_at[i], p_guide[i],
                p_draft[i], p_received_at[i], p_site[i], p_volunteer[i], p_walk_in[i],
                ARRAY(SELECT k FROM unnest(p_signer_of, p_signer_kinds) AS s(owner, k)
                      WHERE s.owner = i),
                ARRAY(SELECT k FROM unnest(p_signer_of, p_signer_ids) AS s(owner, k)
                      WHERE s.owner = i),
                ARRAY(SELECT k FROM unnest(p_signer_of, p_signer_keys) AS s(owner, k)
                      WHERE s.owner = i),
                p_received_status, p_revisable_status, p_event_kind, p_event_text,
                p_event_detail) r;
    END LOOP;
END;
$$;
