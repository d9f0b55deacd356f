-- What each committed write changed that pages show (Store::PageChangesSince), so that every
-- node serving this store drops only the cached pages that show it. A row names either a
-- (category, day) list whose listings or harvest marks changed, or a paper whose row or FAQ
-- answers changed; category '*' without a day means "many papers" (a large import).
-- Sequence numbers commit in order for the reason given in 0005: every writer takes the paper
-- change lock (7007) before it records a change. Old rows are pruned (meta
-- 'page_changes_pruned' is the highest sequence deleted): a reader behind it drops everything.
CREATE SEQUENCE page_change_sequence;

CREATE TABLE page_changes (
  sequence BIGINT PRIMARY KEY,
  category TEXT COLLATE "C",
  day      DATE,
  paper_id TEXT COLLATE "C"
);

INSERT INTO meta (key, value) VALUES ('page_changes_pruned', 0);

CREATE FUNCTION page_changed_by_faq_answer() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7007);
  INSERT INTO page_changes (sequence, paper_id)
  VALUES (nextval('page_change_sequence'), NEW.paper_id);
  RETURN NULL;
END;
$$;

-- A paper's page shows which languages its FAQ is stored in.
CREATE TRIGGER page_changes_on_faq_answer AFTER INSERT OR UPDATE ON faq_answers
  FOR EACH ROW EXECUTE FUNCTION page_changed_by_faq_answer();
