-- Machine translations of titles and abstracts into Chinese (store/translation_store.h), one row
-- per paper version: a new version is translated again, the old row kept until then.
CREATE TABLE paper_translations (
  paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  version  INTEGER NOT NULL,               -- the version whose title and abstract were read
  title    TEXT NOT NULL,
  abstract TEXT NOT NULL,
  model    TEXT NOT NULL,                  -- who translated: 'moonshot-v1-8k'
  created  INTEGER NOT NULL,               -- seconds since the epoch
  PRIMARY KEY (paper_id, version)
) WITHOUT ROWID;
