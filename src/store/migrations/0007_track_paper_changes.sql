-- A change sequence on papers, so the search index (derived from papers) can catch up on what
-- changed since the sequence it last indexed (Store::PaperChangesSince). Each paper keeps only
-- its latest change: re-inserting its row gives it a new, higher sequence (AUTOINCREMENT never
-- reuses one, even after the row with the highest sequence is replaced).
CREATE TABLE paper_changes (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  paper_id TEXT NOT NULL UNIQUE REFERENCES papers (id) ON DELETE CASCADE
);

CREATE TRIGGER paper_changes_on_insert AFTER INSERT ON papers
BEGIN
  INSERT OR REPLACE INTO paper_changes (paper_id) VALUES (NEW.id);
END;

-- Only the columns the index reads count as a change, so re-importing the same records (which
-- rewrites equal values) does not make the index redo them.
CREATE TRIGGER paper_changes_on_update AFTER UPDATE ON papers
WHEN OLD.title IS NOT NEW.title OR OLD.authors IS NOT NEW.authors
  OR OLD.abstract IS NOT NEW.abstract OR OLD.categories IS NOT NEW.categories
  OR OLD.first_listed IS NOT NEW.first_listed OR OLD.id IS NOT NEW.id
BEGIN
  INSERT OR REPLACE INTO paper_changes (paper_id) VALUES (NEW.id);
END;

-- Papers stored before this migration count as changed once, in id order.
INSERT INTO paper_changes (paper_id) SELECT id FROM papers ORDER BY id;
