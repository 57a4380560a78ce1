-- bookkeeping.
CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
