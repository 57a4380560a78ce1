-- one open request for video verification per device, enforced by the database as on
-- PostgreSQL (the schemas had drifted: only PostgreSQL had this index).
CREATE UNIQUE INDEX one_open_proofing_per_device ON proofing_requests (device_key)
    WHERE closed_at IS NULL;
