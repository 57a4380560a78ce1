-- The staff's list runs newest change first and is read a page at a time: an index in that
-- order, and one per status (the list most often shows one status), keep a page's cost flat
-- however many applications are stored.
CREATE INDEX applications_by_update ON applications (updated_at, seq);
CREATE INDEX applications_by_status ON applications (status, updated_at, seq);
-- applications_by_device repeated the first column of the unique (device_key, draft_id) index,
-- which already serves every lookup by device; each new application paid for both.
DROP INDEX applications_by_device;
