-- Readers' clicks on [PDF] and [FAQ] of venue papers count too (issue #14): paper_clicks and
-- paper_click_readers held a foreign key to papers, which refused a venue paper's id
-- ("2024.naacl-long.431@ACL"). SQLite cannot drop a constraint, so both tables are rebuilt
-- without it, rows kept; the store checks instead that a click names a stored arXiv paper or a
-- stored venue paper (sqlite_writes.cc AddPaperClick).
CREATE TABLE paper_clicks_any (
  paper_id TEXT NOT NULL,                    -- an arXiv id, or a venue paper's shown id
  kind     TEXT NOT NULL CHECK (kind IN ('pdf', 'faq')),
  count    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (paper_id, kind)
) WITHOUT ROWID;
INSERT INTO paper_clicks_any (paper_id, kind, count) SELECT paper_id, kind, count FROM paper_clicks;
DROP TABLE paper_clicks;
ALTER TABLE paper_clicks_any RENAME TO paper_clicks;

CREATE TABLE paper_click_readers_any (
  paper_id TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('pdf', 'faq')),
  day      TEXT NOT NULL,                    -- the reader's click day, UTC: '2025-05-14'
  reader   TEXT NOT NULL,                    -- the reader's opaque id (the coolpapers_reader cookie)
  PRIMARY KEY (paper_id, kind, day, reader)
) WITHOUT ROWID;
INSERT INTO paper_click_readers_any (paper_id, kind, day, reader)
  SELECT paper_id, kind, day, reader FROM paper_click_readers;
DROP TABLE paper_click_readers;
ALTER TABLE paper_click_readers_any RENAME TO paper_click_readers;
