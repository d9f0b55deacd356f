-- Papers and the submission dates of their versions. See docs/store.md for each column.
CREATE TABLE papers (
  id           TEXT PRIMARY KEY,            -- canonical arXiv id without version: '2401.06769'
  version      INTEGER NOT NULL DEFAULT 0,  -- latest known version; 0 when the source did not say
  title        TEXT NOT NULL,
  authors      TEXT NOT NULL,               -- names in byline order, joined with '\n'
  abstract     TEXT NOT NULL,
  categories   TEXT NOT NULL,               -- canonical ids joined with ' ', primary first
  comments     TEXT NOT NULL DEFAULT '',
  journal_ref  TEXT NOT NULL DEFAULT '',
  doi          TEXT NOT NULL DEFAULT '',
  license      TEXT NOT NULL DEFAULT '',
  first_listed TEXT                         -- 'YYYY-MM-DD' of the earliest 'new' listing, or NULL
);

CREATE TABLE paper_versions (
  paper_id  TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  version   INTEGER NOT NULL,               -- 1 for v1
  submitted TEXT NOT NULL,                  -- UTC, ISO 8601: '2007-04-02T19:18:42Z'
  PRIMARY KEY (paper_id, version)
) WITHOUT ROWID;
