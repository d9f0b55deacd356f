-- What each committed write changed that pages show (Store::PageChangesSince), so that every
-- process serving this store drops only the cached pages that show it. A row names either a
-- (category, day) list whose listings or harvest marks changed, or a paper whose row or FAQ
-- answers changed; category '*' without a day means "many papers" (a large import).
-- Old rows are pruned (meta 'page_changes_pruned' is the highest sequence deleted): a reader
-- that was behind it drops everything instead.
CREATE TABLE page_changes (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  category TEXT,  -- canonical category id, or '*' (every paper); NULL for a paper's row
  day      TEXT,  -- 'YYYY-MM-DD' with a category
  paper_id TEXT   -- canonical id without version, for a paper's row
);

INSERT INTO meta (key, value) VALUES ('page_changes_pruned', 0);

-- A paper's page shows which languages its FAQ is stored in.
CREATE TRIGGER page_changes_on_faq_answer AFTER INSERT ON faq_answers
BEGIN
  INSERT INTO page_changes (paper_id) VALUES (NEW.paper_id);
END;
