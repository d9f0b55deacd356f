-- Where and how each paper was announced: one row per (category, day, paper).
-- The primary key serves every listing query: a day of one category, its newest day, its days.
CREATE TABLE listings (
  day           TEXT NOT NULL,              -- announcement day 'YYYY-MM-DD'
  category      TEXT NOT NULL,              -- canonical category id
  paper_id      TEXT NOT NULL REFERENCES papers (id),
  announce_type INTEGER NOT NULL CHECK (announce_type IN (0, 1, 2)),  -- 0 new, 1 cross, 2 replace
  position      INTEGER NOT NULL,           -- order within the day, smaller first
  PRIMARY KEY (category, day, paper_id)
) WITHOUT ROWID;
