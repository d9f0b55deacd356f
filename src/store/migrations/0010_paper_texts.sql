-- The text of each paper's PDF as the FAQ extracted it (faq/pdf_text.h), references left out,
-- kept so the search index can hold it (fulltext:); one row per paper, of the version read last.
CREATE TABLE paper_texts (
  paper_id TEXT PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
  version  INTEGER NOT NULL,               -- the version whose PDF was read
  text     TEXT NOT NULL
) WITHOUT ROWID;

-- A paper's text and its FAQ answers are indexed with it (search: fulltext:, faq:), so a new
-- one counts as a change of the paper (migration 0007). INSERT OR REPLACE fires the INSERT
-- triggers. An answer of a paper the store does not hold changes nothing.
CREATE TRIGGER paper_changes_on_text AFTER INSERT ON paper_texts
BEGIN
  INSERT OR REPLACE INTO paper_changes (paper_id) VALUES (NEW.paper_id);
END;

CREATE TRIGGER paper_changes_on_faq_answer AFTER INSERT ON faq_answers
WHEN EXISTS (SELECT 1 FROM papers WHERE id = NEW.paper_id)
BEGIN
  INSERT OR REPLACE INTO paper_changes (paper_id) VALUES (NEW.paper_id);
END;

-- Answers stored before this migration are indexed once.
INSERT OR REPLACE INTO paper_changes (paper_id)
  SELECT DISTINCT paper_id FROM faq_answers WHERE paper_id IN (SELECT id FROM papers);
