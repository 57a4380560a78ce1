-- Intake in one round trip: every decision PgStorage::intake takes (the device and the signers
-- the submission relies on still standing, a retry answered with what was stored, a revision
-- taken only when more material was asked for, the application, the submission and its
-- "received" event written together) made by one call, in one transaction.
--
-- Outcomes: 'device_revoked', 'signer_revoked', 'other_service', 'conflict' (no row), 'existing'
-- (the row stored under this idempotency key, for the caller to compare) and 'new' (the row
-- just stored); or the error HW409 when the key, the submission id or the revision was taken
-- first, after which the caller looks up what is stored under the key. The event's columns and
-- the statuses' slugs come from the caller, which owns their encoding.
CREATE FUNCTION homeward_intake(
    p_submission_id UUID,
    p_key TEXT,
    p_device TEXT,
    p_revision INTEGER,
    p_body_sha256 TEXT,
    p_body BYTEA,
    p_signature TEXT,
    p_signed_at BIGINT,
    p_guide TEXT,
    p_draft UUID,
    p_received_at BIGINT,
    p_site TEXT,
    p_volunteer TEXT,
    p_walk_in UUID,
    p_signer_kinds TEXT[],
    p_signer_ids TEXT[],
    p_signer_keys TEXT[],
    p_received_status TEXT,
    p_revisable_status TEXT,
    p_event_kind TEXT,
    p_event_text TEXT,
    p_event_detail TEXT
) RETURNS TABLE (
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
    a_seq BIGINT;
    a_status TEXT;
    a_guide TEXT;
    a_created BIGINT;
    device_stands BOOLEAN;
    signers_stand BOOLEAN;
    stored submissions%ROWTYPE;
BEGIN
    SELECT EXISTS (SELECT 1 FROM devices d
                   WHERE d.public_key = p_device AND d.revoked_at IS NULL),
           NOT EXISTS (SELECT 1 FROM unnest(p_signer_kinds, p_signer_ids, p_signer_keys)
                           AS r(kind, id, key)
                       WHERE NOT EXISTS (SELECT 1 FROM signers s
                                         WHERE s.kind = r.kind AND s.id = r.id
                                           AND s.public_key = r.key AND s.revoked_at IS NULL))
        INTO device_stands, signers_stand;
    IF NOT device_stands OR NOT signers_stand THEN
        RETURN QUERY SELECT CASE WHEN device_stands THEN 'signer_revoked' ELSE 'device_revoked' END,
            NULL::BIGINT, NULL::BIGINT, NULL::UUID, NULL::TEXT, NULL::TEXT, NULL::TEXT,
            NULL::INTEGER, NULL::BIGINT;
        RETURN;
    END IF;
    -- A first submission most often starts its application: try that first. If the draft has
    -- one already (a retry, or another device's race), look as a revision would.
    IF p_revision = 0 THEN
        INSERT INTO applications (device_key, draft_id, guide_id, status, created_at,
                updated_at, site_id, volunteer, walk_in)
            VALUES (p_device, p_draft, p_guide, p_received_status, p_received_at,
                p_received_at, p_site, p_volunteer, p_walk_in)
            ON CONFLICT DO NOTHING
            RETURNING seq, created_at INTO a_seq, a_created;
    END IF;
    IF a_seq IS NULL THEN
        -- Lock the application, so the checks below see any racing revision committed.
        SELECT a.seq, a.status, a.guide_id, a.created_at INTO a_seq, a_status, a_guide, a_created
            FROM applications a WHERE a.device_key = p_device AND a.draft_id = p_draft
            FOR UPDATE;
        RETURN QUERY SELECT 'existing'::TEXT, s.application_seq, a.created_at, s.submission_id,
                s.idempotency_key, s.device_key, s.body_sha256, s.revision, s.received_at
            FROM submissions s JOIN applications a ON a.seq = s.application_seq
            WHERE s.idempotency_key = p_key;
        IF FOUND THEN
            RETURN;
        END IF;
        IF a_seq IS NOT NULL AND a_guide <> p_guide THEN
            RETURN QUERY SELECT 'other_service'::TEXT, NULL::BIGINT, NULL::BIGINT, NULL::UUID,
                NULL::TEXT, NULL::TEXT, NULL::TEXT, NULL::INTEGER, NULL::BIGINT;
            RETURN;
        END IF;
        -- A revision needs an application that asked for more material; a first submission
        -- of a draft that has one is a second first submission.
        IF a_seq IS NULL OR p_revision = 0 OR a_status <> p_revisable_status THEN
            RETURN;
        END IF;
        UPDATE applications SET status = p_received_status, updated_at = p_received_at,
            version = version + 1
            WHERE seq = a_seq;
    END IF;
    INSERT INTO submissions (submission_id, application_seq, idempotency_key, device_key,
            revision, body_sha256, body, signature, signed_at, received_at)
        VALUES (p_submission_id, a_seq, p_key, p_device, p_revision, p_body_sha256, p_body,
            p_signature, p_signed_at, p_received_at)
        ON CONFLICT DO NOTHING
        RETURNING * INTO stored;
    IF stored.submission_id IS NULL THEN
        -- The key, the submission id or the revision was taken first, by a request racing
        -- this one or long before: undo what this call wrote, and let the caller see what is
        -- stored under the key.
        RAISE EXCEPTION 'the submission was stored first by another request'
            USING ERRCODE = 'HW409';
    END IF;
    INSERT INTO events (application_seq, device_key, kind, status, text, actor, at, detail)
        VALUES (a_seq, p_device, p_event_kind, p_received_status, p_event_text, 'intake',
            p_received_at, p_event_detail);
    RETURN QUERY SELECT 'new'::TEXT, stored.application_seq, a_created, stored.submission_id,
        stored.idempotency_key, stored.device_key, stored.body_sha256, stored.revision,
        stored.received_at;
END;
$$;
