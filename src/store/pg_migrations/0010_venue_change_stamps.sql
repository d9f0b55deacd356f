-- SQLite migration 0017's columns: the venue stamp of the write that last changed each venue
-- paper and edition (VenueStore::VenuePapersChangedSince); rows stored before take the current stamp.
ALTER TABLE venue_papers ADD COLUMN venue_stamp BIGINT NOT NULL DEFAULT 0;
ALTER TABLE venue_editions ADD COLUMN venue_stamp BIGINT NOT NULL DEFAULT 0;
UPDATE venue_papers SET venue_stamp = COALESCE((SELECT value FROM meta WHERE key = 'venue_stamp'), 0);
UPDATE venue_editions SET venue_stamp = COALESCE((SELECT value FROM meta WHERE key = 'venue_stamp'), 0);
