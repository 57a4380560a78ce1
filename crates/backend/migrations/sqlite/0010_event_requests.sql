-- A status event's structured request for more material (JSON: the guide's document
-- questions asked for again, and a reason from a fixed list), beside the officer's own words.
ALTER TABLE events ADD COLUMN detail TEXT;
