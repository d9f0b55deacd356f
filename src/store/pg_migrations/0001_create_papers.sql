-- Papers, their versions, the days they were listed on, and readers' clicks: the PostgreSQL
-- spelling of SQLite migrations 0001-0004 and 0009 (docs/store.md). Keys are COLLATE "C", so
-- their order is byte order, as in SQLite (Store::PapersAfter pages in that order), whatever
-- the database's locale.
CREATE TABLE papers (
  id           TEXT COLLATE "C" PRIMARY KEY,  -- canonical arXiv id without version
  version      INTEGER NOT NULL DEFAULT 0,    -- latest known version; 0 when the source did not say
  title        TEXT NOT NULL,
  authors      TEXT NOT NULL,                 -- names in byline order, joined with '\n'
  abstract     TEXT NOT NULL,
  categories   TEXT NOT NULL,                 -- canonical ids joined with ' ', primary first
  comments     TEXT NOT NULL DEFAULT '',
  journal_ref  TEXT NOT NULL DEFAULT '',
  doi          TEXT NOT NULL DEFAULT '',
  license      TEXT NOT NULL DEFAULT '',
  first_listed DATE                           -- the earliest 'new' listing, or NULL
);

CREATE TABLE paper_versions (
  paper_id  TEXT COLLATE "C" NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  version   INTEGER NOT NULL,                 -- 1 for v1
  submitted TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (paper_id, version)
);

-- The primary key serves every listing query: a day of one category, its newest day, its days.
CREATE TABLE listings (
  day           DATE NOT NULL,
  category      TEXT COLLATE "C" NOT NULL,
  paper_id      TEXT COLLATE "C" NOT NULL REFERENCES papers (id),
  announce_type SMALLINT NOT NULL CHECK (announce_type IN (0, 1, 2)),  -- new, cross, replace
  position      BIGINT NOT NULL,              -- order within the day, smaller first
  PRIMARY KEY (category, day, paper_id)
);

CREATE TABLE paper_clicks (
  paper_id TEXT COLLATE "C" NOT NULL REFERENCES papers (id),
  kind     TEXT NOT NULL CHECK (kind IN ('pdf', 'faq')),
  count    BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (paper_id, kind)
);

-- Each reader counts once per paper, kind and day (issue #5).
CREATE TABLE paper_click_readers (
  paper_id TEXT COLLATE "C" NOT NULL REFERENCES papers (id),
  kind     TEXT NOT NULL CHECK (kind IN ('pdf', 'faq')),
  day      DATE NOT NULL,                     -- the reader's click day, UTC
  reader   TEXT COLLATE "C" NOT NULL,         -- the reader's opaque id
  PRIMARY KEY (paper_id, kind, day, reader)
);

-- Named counters. 'change_stamp' moves in every transaction that changes what a page shows;
-- being a row (not a sequence), it moves only when that transaction commits.
CREATE TABLE meta (
  key   TEXT COLLATE "C" PRIMARY KEY,
  value BIGINT NOT NULL
);

INSERT INTO meta (key, value) VALUES ('change_stamp', 0);
