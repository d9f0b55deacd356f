-- What the pages need of the listings without reading them (issue 19): each (category, day)
-- that has listings and how many. The calendar, a category's newest day, the previous and next
-- day and the home page's counts read this table; at 2.7M papers a DISTINCT over a category's
-- listings read 100,000s of rows. Triggers keep it equal to
--   SELECT category, day, COUNT(*) FROM listings GROUP BY category, day
-- through every write (import, harvest, a day list replaced).
CREATE TABLE listing_days (
  category TEXT NOT NULL,     -- canonical category id
  day      TEXT NOT NULL,     -- announcement day 'YYYY-MM-DD'
  papers   INTEGER NOT NULL,  -- listings of the category that day, > 0
  PRIMARY KEY (category, day)
) WITHOUT ROWID;

INSERT INTO listing_days (category, day, papers)
SELECT category, day, COUNT(*) FROM listings GROUP BY category, day;

CREATE TRIGGER listing_days_on_insert AFTER INSERT ON listings
BEGIN
  INSERT INTO listing_days (category, day, papers) VALUES (NEW.category, NEW.day, 1)
  ON CONFLICT (category, day) DO UPDATE SET papers = papers + 1;
END;

CREATE TRIGGER listing_days_on_delete AFTER DELETE ON listings
BEGIN
  UPDATE listing_days SET papers = papers - 1 WHERE category = OLD.category AND day = OLD.day;
  DELETE FROM listing_days WHERE category = OLD.category AND day = OLD.day AND papers <= 0;
END;

-- No writer moves a listing to another category or day today; if one does, it stays counted.
CREATE TRIGGER listing_days_on_move AFTER UPDATE OF category, day ON listings
WHEN OLD.category IS NOT NEW.category OR OLD.day IS NOT NEW.day
BEGIN
  UPDATE listing_days SET papers = papers - 1 WHERE category = OLD.category AND day = OLD.day;
  DELETE FROM listing_days WHERE category = OLD.category AND day = OLD.day AND papers <= 0;
  INSERT INTO listing_days (category, day, papers) VALUES (NEW.category, NEW.day, 1)
  ON CONFLICT (category, day) DO UPDATE SET papers = papers + 1;
END;
