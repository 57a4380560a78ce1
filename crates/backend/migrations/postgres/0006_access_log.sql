-- every reading of a person's data by staff and every change to who may do what, with who did
-- it; device_key names the device whose data it concerns, when one.
CREATE TABLE access_log (
    seq BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    role TEXT NOT NULL,
    department TEXT,
    reference TEXT,
    actor TEXT NOT NULL,
    subject TEXT,
    device_key TEXT
);
CREATE INDEX access_log_by_device ON access_log (device_key, seq);
