-- Each author's affiliation, kept apart from the name (Kaggle's authors_parsed, or the
-- parenthesised part of "A. One (MIT)"): a '\n'-joined list parallel to authors, '' when no
-- author has one. Papers stored before this column keep '' until they are imported again.
ALTER TABLE papers ADD COLUMN affiliations TEXT NOT NULL DEFAULT '';
