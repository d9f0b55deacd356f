-- Readers' clicks on [PDF] and [FAQ], counted per paper.
CREATE TABLE paper_clicks (
  paper_id TEXT NOT NULL REFERENCES papers (id),
  kind     TEXT NOT NULL CHECK (kind IN ('pdf', 'faq')),
  count    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (paper_id, kind)
) WITHOUT ROWID;
