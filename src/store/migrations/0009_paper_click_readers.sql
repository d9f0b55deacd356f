-- Who clicked what and when, so each reader counts once per paper, kind and day (issue #5): a
-- click inserts here first, and paper_clicks.count moves only when the row is new.
CREATE TABLE paper_click_readers (
  paper_id TEXT NOT NULL REFERENCES papers (id),
  kind     TEXT NOT NULL CHECK (kind IN ('pdf', 'faq')),
  day      TEXT NOT NULL,                    -- the reader's click day, UTC: '2025-05-14'
  reader   TEXT NOT NULL,                    -- the reader's opaque id (the coolpapers_reader cookie)
  PRIMARY KEY (paper_id, kind, day, reader)
) WITHOUT ROWID;
