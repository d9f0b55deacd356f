-- Conference proceedings (issue #14): the PostgreSQL spelling of SQLite migration 0012, the
-- same tables and columns (docs/store.md "Venues"). Keys and the columns pages sort on are
-- COLLATE "C", so the order is byte order as in SQLite.

CREATE TABLE venue_editions (
  edition               TEXT COLLATE "C" PRIMARY KEY,  -- "ICLR.2024"
  venue                 TEXT NOT NULL,
  year                  INTEGER NOT NULL,
  full_name             TEXT NOT NULL DEFAULT '',
  sources               TEXT NOT NULL DEFAULT '',      -- '\n'-joined
  start_date            TEXT NOT NULL DEFAULT '',
  end_date              TEXT NOT NULL DEFAULT '',
  published             TEXT NOT NULL DEFAULT '',
  location              TEXT NOT NULL DEFAULT '',
  url                   TEXT NOT NULL DEFAULT '',
  official_count        BIGINT,
  official_count_source TEXT NOT NULL DEFAULT ''
);

-- One row per paper, however many sources know it; `field_rank` as in SQLite's 0012.
CREATE TABLE venue_papers (
  paper_key    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  edition      TEXT COLLATE "C" NOT NULL REFERENCES venue_editions (edition),
  position     BIGINT NOT NULL,
  title        TEXT NOT NULL,
  title_key    TEXT COLLATE "C" NOT NULL,
  authors      TEXT NOT NULL DEFAULT '',
  affiliations TEXT NOT NULL DEFAULT '',
  abstract     TEXT NOT NULL DEFAULT '',
  track        TEXT NOT NULL DEFAULT '',
  group_name   TEXT COLLATE "C" NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT '',
  presentation TEXT NOT NULL DEFAULT '',
  keywords     TEXT NOT NULL DEFAULT '',
  pdf_url      TEXT NOT NULL DEFAULT '',
  landing_url  TEXT NOT NULL DEFAULT '',
  doi          TEXT NOT NULL DEFAULT '',
  pages        TEXT NOT NULL DEFAULT '',
  arxiv_id     TEXT COLLATE "C",
  arxiv_link   INTEGER NOT NULL DEFAULT 0,               -- 0 none, 1 from the source, 2 by title
  field_rank   INTEGER NOT NULL
);

CREATE INDEX venue_papers_by_edition_group ON venue_papers (edition, group_name, position);
CREATE INDEX venue_papers_by_edition ON venue_papers (edition, position);
CREATE INDEX venue_papers_by_arxiv_id ON venue_papers (arxiv_id);
CREATE INDEX venue_papers_by_title_key ON venue_papers (title_key);

-- Every id a paper is known by; the smallest `rank` is the id it is shown under.
CREATE TABLE venue_paper_ids (
  id        TEXT COLLATE "C" PRIMARY KEY,
  paper_key BIGINT NOT NULL REFERENCES venue_papers (paper_key) ON DELETE CASCADE,
  rank      INTEGER NOT NULL
);
CREATE INDEX venue_paper_ids_by_paper ON venue_paper_ids (paper_key, rank);

-- The title keys of the stored arXiv papers, kept up to date from paper_changes: meta
-- 'arxiv_title_keys_sequence' is the last change sequence taken in.
CREATE TABLE arxiv_title_keys (
  title_key TEXT COLLATE "C" NOT NULL,
  paper_id  TEXT COLLATE "C" NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  PRIMARY KEY (title_key, paper_id)
);
CREATE INDEX arxiv_title_keys_by_paper ON arxiv_title_keys (paper_id);

INSERT INTO meta (key, value) VALUES ('arxiv_title_keys_sequence', 0);
