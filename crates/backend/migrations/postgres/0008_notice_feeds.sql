-- each signer's latest notices feed, as signed (the apps check the signature); a feed only
-- ever replaces an older version of itself.
CREATE TABLE notice_feeds (
    key_id TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
