-- Harvest state (store/harvest_state.h): what the harvester knows of each (category, day) it
-- recorded, and named cursors that make long harvests resumable.
CREATE TABLE category_days (
  category          TEXT COLLATE "C" NOT NULL,
  day               DATE NOT NULL,
  feed_new          BIGINT NOT NULL DEFAULT 0,
  feed_cross        BIGINT NOT NULL DEFAULT 0,
  feed_replace      BIGINT NOT NULL DEFAULT 0,
  stored_new        BIGINT NOT NULL DEFAULT 0,
  stored_cross      BIGINT NOT NULL DEFAULT 0,
  stored_replace    BIGINT NOT NULL DEFAULT 0,
  awaiting_metadata BIGINT NOT NULL DEFAULT 0,
  complete          BOOLEAN NOT NULL DEFAULT FALSE,
  attempts          INTEGER NOT NULL DEFAULT 0,
  note              TEXT NOT NULL DEFAULT '',
  checked_ms        BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (category, day)
);

CREATE INDEX category_days_incomplete ON category_days (day, category) WHERE NOT complete;

CREATE TABLE cursors (
  name  TEXT COLLATE "C" PRIMARY KEY,
  value TEXT NOT NULL
);
