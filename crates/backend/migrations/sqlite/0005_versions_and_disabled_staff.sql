-- an application's version moves on with every change of status, routing or revision, so a
-- decision made on an older version is refused rather than silently overwriting another's;
-- a staff account can be disabled, which ends its sessions.
ALTER TABLE applications ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE staff ADD COLUMN disabled_at INTEGER;
-- an opening is told to the applicant as a role and a department, never a login name (which
-- stays the event's actor, for staff).
UPDATE events SET status = 'reviewer', text = '' WHERE kind = 'access';
