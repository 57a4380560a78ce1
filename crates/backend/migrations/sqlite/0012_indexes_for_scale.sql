-- The staff's list runs newest change first and is read a page at a time: an index in that
-- order, and one per status (the list most often shows one status), keep a page's cost flat
-- however many applications are stored.
CREATE INDEX applications_by_update ON applications (updated_at, seq);
CREATE INDEX applications_by_status ON applications (status, updated_at, seq);
-- applications_by_device repeated the first column of the unique (device_key, draft_id) index,
-- which already serves every lookup by device; each new application paid for both.
DROP INDEX applications_by_device;
-- A device's feed reads its events in cursor order: each event names the device its
-- application belongs to (moved with it on a hand-over), so a page is read from an index in
-- that order instead of gathering every event of every application the device has.
ALTER TABLE events ADD COLUMN device_key TEXT NOT NULL DEFAULT '';
UPDATE events SET device_key = (SELECT a.device_key FROM applications a
                                WHERE a.seq = events.application_seq);
CREATE INDEX events_by_device ON events (device_key, cursor);
