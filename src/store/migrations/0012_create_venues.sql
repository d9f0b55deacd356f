-- Conference proceedings (issue #14): editions, their papers under every id a source gives them,
-- and the title keys that link venue papers to arXiv papers. See docs/store.md "Venues".

-- One row per edition, "ICLR.2024". `sources` lists what it was imported from, '\n'-joined.
CREATE TABLE venue_editions (
  edition               TEXT PRIMARY KEY,
  venue                 TEXT NOT NULL,
  year                  INTEGER NOT NULL,
  full_name             TEXT NOT NULL DEFAULT '',
  sources               TEXT NOT NULL DEFAULT '',
  start_date            TEXT NOT NULL DEFAULT '',
  end_date              TEXT NOT NULL DEFAULT '',
  published             TEXT NOT NULL DEFAULT '',
  location              TEXT NOT NULL DEFAULT '',
  url                   TEXT NOT NULL DEFAULT '',
  official_count        INTEGER,
  official_count_source TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- One row per paper, however many sources know it. `field_rank` is the rank of the best
-- record that filled the fields (core/venue_merge.h VenueRecordRank): a better source
-- overwrites them, a worse one only fills empty ones, so the result does not depend on the
-- order sources are imported in. Authors and affiliations are parallel '\n'-joined lists;
-- keywords are '\n'-joined. `arxiv_link`: 0 none, 1 from the source, 2 by title.
CREATE TABLE venue_papers (
  paper_key    INTEGER PRIMARY KEY,
  edition      TEXT NOT NULL REFERENCES venue_editions (edition),
  position     INTEGER NOT NULL,
  title        TEXT NOT NULL,
  title_key    TEXT NOT NULL,
  authors      TEXT NOT NULL DEFAULT '',
  affiliations TEXT NOT NULL DEFAULT '',
  abstract     TEXT NOT NULL DEFAULT '',
  track        TEXT NOT NULL DEFAULT '',
  group_name   TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT '',
  presentation TEXT NOT NULL DEFAULT '',
  keywords     TEXT NOT NULL DEFAULT '',
  pdf_url      TEXT NOT NULL DEFAULT '',
  landing_url  TEXT NOT NULL DEFAULT '',
  doi          TEXT NOT NULL DEFAULT '',
  pages        TEXT NOT NULL DEFAULT '',
  arxiv_id     TEXT,
  arxiv_link   INTEGER NOT NULL DEFAULT 0,
  field_rank   INTEGER NOT NULL
);

-- An edition's papers by group, in source order: the edition page, its ?group= filter and
-- the per-group counts are ranges of this index.
CREATE INDEX venue_papers_by_edition_group ON venue_papers (edition, group_name, position);
CREATE INDEX venue_papers_by_edition ON venue_papers (edition, position);
-- The venue papers of an arXiv paper (its page links to them), and the unlinked ones.
CREATE INDEX venue_papers_by_arxiv_id ON venue_papers (arxiv_id);
CREATE INDEX venue_papers_by_title_key ON venue_papers (title_key);

-- Every id a paper is known by ("xie25a@v305@PMLR" and "wnWYoetLhC@OpenReview" name one
-- paper). `rank` orders them: the smallest is the id the paper is shown under.
CREATE TABLE venue_paper_ids (
  id        TEXT PRIMARY KEY,
  paper_key INTEGER NOT NULL REFERENCES venue_papers (paper_key) ON DELETE CASCADE,
  rank      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX venue_paper_ids_by_paper ON venue_paper_ids (paper_key, rank);

-- The title keys (core/title_key.h) of the stored arXiv papers, kept up to date from
-- paper_changes: meta 'arxiv_title_keys_sequence' is the last change sequence taken in.
CREATE TABLE arxiv_title_keys (
  title_key TEXT NOT NULL,
  paper_id  TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  PRIMARY KEY (title_key, paper_id)
) WITHOUT ROWID;
CREATE INDEX arxiv_title_keys_by_paper ON arxiv_title_keys (paper_id);

INSERT INTO meta (key, value) VALUES ('arxiv_title_keys_sequence', 0);
