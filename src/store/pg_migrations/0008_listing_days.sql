-- What the pages need of the listings without reading them (issue 19; SQLite migration 0014):
-- each (category, day) that has listings and how many, kept equal to
--   SELECT category, day, COUNT(*) FROM listings GROUP BY category, day
-- by a trigger through every write. Writers of listings hold the paper change lock
-- (pg_paper_writes.cc) first, so the rows here are never locked in opposite orders.
CREATE TABLE listing_days (
  category TEXT COLLATE "C" NOT NULL,
  day      DATE NOT NULL,
  papers   BIGINT NOT NULL,  -- listings of the category that day, > 0
  PRIMARY KEY (category, day)
);

INSERT INTO listing_days (category, day, papers)
SELECT category, day, COUNT(*) FROM listings GROUP BY category, day;

CREATE FUNCTION listing_days_count() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.category = NEW.category AND OLD.day = NEW.day THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE listing_days SET papers = papers - 1 WHERE category = OLD.category AND day = OLD.day;
    DELETE FROM listing_days WHERE category = OLD.category AND day = OLD.day AND papers <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO listing_days (category, day, papers) VALUES (NEW.category, NEW.day, 1)
    ON CONFLICT (category, day) DO UPDATE SET papers = listing_days.papers + 1;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER listing_days_on_listing AFTER INSERT OR DELETE OR UPDATE OF category, day
  ON listings FOR EACH ROW EXECUTE FUNCTION listing_days_count();
