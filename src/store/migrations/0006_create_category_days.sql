-- Harvest state (store/harvest_state.h): what the harvester knows of each (category, day) it
-- recorded, and named cursors that make long harvests resumable.
CREATE TABLE category_days (
  category          TEXT NOT NULL,              -- canonical category id
  day               TEXT NOT NULL,              -- announcement day 'YYYY-MM-DD'
  feed_new          INTEGER NOT NULL DEFAULT 0, -- arXiv's feed: distinct papers per announce type
  feed_cross        INTEGER NOT NULL DEFAULT 0,
  feed_replace      INTEGER NOT NULL DEFAULT 0,
  stored_new        INTEGER NOT NULL DEFAULT 0, -- our listings when last checked
  stored_cross      INTEGER NOT NULL DEFAULT 0,
  stored_replace    INTEGER NOT NULL DEFAULT 0,
  awaiting_metadata INTEGER NOT NULL DEFAULT 0, -- papers the export API has not described yet
  complete          INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
  attempts          INTEGER NOT NULL DEFAULT 0,
  note              TEXT NOT NULL DEFAULT '',   -- why it is incomplete, for people
  checked_ms        INTEGER NOT NULL DEFAULT 0, -- when last checked, ms since the epoch
  PRIMARY KEY (category, day)
) WITHOUT ROWID;

-- The harvester looks for unfinished days on every feed check; they are few.
CREATE INDEX category_days_incomplete ON category_days (day, category) WHERE complete = 0;

CREATE TABLE cursors (
  name  TEXT PRIMARY KEY,  -- 'oai:2025-01-01..2025-01-31'
  value TEXT NOT NULL      -- a resumption token, or a marker of a finished harvest
) WITHOUT ROWID;
