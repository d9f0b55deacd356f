-- Each paper's latest change, for the search index's catch-up (Store::PaperChangesSince).
-- Sequence numbers come from a sequence, which is not transactional: two writers could take 5
-- and 6 and commit 6 first, and a reader that saw 6 would never see 5. So every transaction
-- that records a change first takes one advisory lock, held until it commits: changes commit
-- in the order of their numbers, and a reader always sees a prefix.
CREATE SEQUENCE paper_change_sequence;

CREATE TABLE paper_changes (
  sequence BIGINT NOT NULL UNIQUE,
  paper_id TEXT COLLATE "C" PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE
);

CREATE FUNCTION record_paper_change(changed_id TEXT) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  -- 7007: the paper change lock; writers of papers take it first of all (pg_paper_writes.cc).
  PERFORM pg_advisory_xact_lock(7007);
  INSERT INTO paper_changes (sequence, paper_id)
  VALUES (nextval('paper_change_sequence'), changed_id)
  ON CONFLICT (paper_id) DO UPDATE SET sequence = EXCLUDED.sequence;
END;
$$;

CREATE FUNCTION paper_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  -- Only the columns the index reads count, so re-importing equal records changes nothing.
  IF TG_OP = 'INSERT' OR OLD.title IS DISTINCT FROM NEW.title
     OR OLD.authors IS DISTINCT FROM NEW.authors OR OLD.abstract IS DISTINCT FROM NEW.abstract
     OR OLD.categories IS DISTINCT FROM NEW.categories
     OR OLD.first_listed IS DISTINCT FROM NEW.first_listed THEN
    PERFORM record_paper_change(NEW.id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER paper_changes_on_paper AFTER INSERT OR UPDATE ON papers
  FOR EACH ROW EXECUTE FUNCTION paper_changed();

-- A paper's text and its FAQ answers are indexed with it (search: fulltext:, faq:), so a new
-- one counts as a change of the paper. An answer of a paper the store does not hold changes
-- nothing.
CREATE FUNCTION paper_content_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM papers WHERE id = NEW.paper_id) THEN
    PERFORM record_paper_change(NEW.paper_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER paper_changes_on_text AFTER INSERT OR UPDATE ON paper_texts
  FOR EACH ROW EXECUTE FUNCTION paper_content_changed();
CREATE TRIGGER paper_changes_on_faq_answer AFTER INSERT OR UPDATE ON faq_answers
  FOR EACH ROW EXECUTE FUNCTION paper_content_changed();
