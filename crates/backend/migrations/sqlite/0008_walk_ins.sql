-- applications sent from a walk-in's session at a liaison site: the site, the volunteer who
-- helped, and the session (the site's count of people helped counts sessions).
ALTER TABLE applications ADD COLUMN site_id TEXT;
ALTER TABLE applications ADD COLUMN volunteer TEXT;
ALTER TABLE applications ADD COLUMN walk_in TEXT;
CREATE INDEX applications_by_site ON applications (site_id) WHERE site_id IS NOT NULL;
-- hand-overs offered at the end of a walk-in's session: the receipt's tracking code, the digest
-- of its secret, and which device took the applications over; each application remembers the
-- hand-over that last moved it.
CREATE TABLE handovers (
    code TEXT PRIMARY KEY NOT NULL,
    device_key TEXT NOT NULL,
    secret_sha256 TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    claimed_by TEXT,
    claimed_at INTEGER
) STRICT;
ALTER TABLE applications ADD COLUMN handover_code TEXT;
CREATE INDEX applications_by_handover ON applications (handover_code) WHERE handover_code IS NOT NULL;
