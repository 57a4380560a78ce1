-- applications_by_device repeated the first column of the unique (device_key, draft_id) index,
-- which already serves every lookup by device; each new application paid for both.
DROP INDEX applications_by_device;
