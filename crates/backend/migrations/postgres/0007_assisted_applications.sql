-- applications sent from a walk-in's session at a liaison site: the site, the volunteer who
-- helped, and the session (the site's count of people helped counts sessions).
ALTER TABLE applications ADD COLUMN site_id TEXT;
ALTER TABLE applications ADD COLUMN volunteer TEXT;
ALTER TABLE applications ADD COLUMN walk_in UUID;
CREATE INDEX applications_by_site ON applications (site_id) WHERE site_id IS NOT NULL;
