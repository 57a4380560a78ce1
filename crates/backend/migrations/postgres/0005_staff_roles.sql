-- what a member of staff may do: reviewer (applications), officer (also verifies identities by
-- video), administrator (also accounts and trusted keys). Accounts from before are
-- administrators if they were, and officers otherwise, as they could attest then.
ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'reviewer';
UPDATE staff SET role = CASE WHEN admin THEN 'administrator' ELSE 'officer' END;
