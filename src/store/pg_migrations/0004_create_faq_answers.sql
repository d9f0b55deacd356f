-- FAQ answers (store/faq_store.h) and the PDF texts they were read from. Items are JSONB, so
-- the search texts are read with jsonb_array_elements in the database.
CREATE TABLE faq_answers (
  paper_id   TEXT COLLATE "C" NOT NULL,
  language   TEXT NOT NULL CHECK (language IN ('en', 'zh')),
  version    INTEGER NOT NULL,
  model      TEXT NOT NULL,
  extractive BOOLEAN NOT NULL,
  created    BIGINT NOT NULL,                 -- seconds since the epoch
  items      JSONB NOT NULL CHECK (jsonb_typeof(items) = 'array'),
  closing    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (paper_id, language, version)
);

CREATE TABLE faq_partial_items (
  paper_id       TEXT COLLATE "C" NOT NULL,
  language       TEXT NOT NULL CHECK (language IN ('en', 'zh')),
  version        INTEGER NOT NULL,
  question_index INTEGER NOT NULL,
  model          TEXT NOT NULL,
  item           JSONB NOT NULL,
  PRIMARY KEY (paper_id, language, version, question_index)
);

CREATE TABLE paper_texts (
  paper_id TEXT COLLATE "C" PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
  version  INTEGER NOT NULL,
  text     TEXT NOT NULL
);

CREATE TABLE paper_translations (
  paper_id TEXT COLLATE "C" NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  version  INTEGER NOT NULL,
  title    TEXT NOT NULL,
  abstract TEXT NOT NULL,
  model    TEXT NOT NULL,
  created  BIGINT NOT NULL,                   -- seconds since the epoch
  PRIMARY KEY (paper_id, version)
);
