-- Which venue papers and editions each venue write changed, so that the search index takes in
-- only those (VenueStore::VenuePapersChangedSince) instead of every venue paper. `venue_stamp` is the
-- meta 'venue_stamp' of the write that last changed the row. Rows stored before this migration
-- take the current stamp: an index behind it reads them all once more, one up to date none.
-- No index on it: a scan of the table costs the reader milliseconds at conference scale, and an
-- index would cost every import's insert (bench/venue_import_bench.cc).
ALTER TABLE venue_papers ADD COLUMN venue_stamp INTEGER NOT NULL DEFAULT 0;
ALTER TABLE venue_editions ADD COLUMN venue_stamp INTEGER NOT NULL DEFAULT 0;
UPDATE venue_papers SET venue_stamp = COALESCE((SELECT value FROM meta WHERE key = 'venue_stamp'), 0);
UPDATE venue_editions SET venue_stamp = COALESCE((SELECT value FROM meta WHERE key = 'venue_stamp'), 0);
