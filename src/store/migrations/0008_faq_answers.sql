-- FAQ answers (store/faq_store.h): finished answers, one row per (paper, language, version), kept
-- when a newer version is answered; and the items of a generation still running, saved one by
-- one so a generation restarted after a crash resumes after the last finished question.
CREATE TABLE faq_answers (
  paper_id   TEXT NOT NULL,                  -- canonical id without version: '2401.06769'
  language   TEXT NOT NULL CHECK (language IN ('en', 'zh')),
  version    INTEGER NOT NULL,               -- the version whose PDF was read
  model      TEXT NOT NULL,                  -- 'moonshot-v1-128k'; 'extractive' without a model
  extractive INTEGER NOT NULL CHECK (extractive IN (0, 1)),
  created    INTEGER NOT NULL,               -- seconds since the epoch
  items      TEXT NOT NULL,                  -- JSON array of {question_id, question, answer, pages,
                                             -- prompt_tokens, completion_tokens}, question order
  closing    TEXT NOT NULL DEFAULT '',       -- the fixed closing item (Markdown)
  PRIMARY KEY (paper_id, language, version)
) WITHOUT ROWID;

CREATE TABLE faq_partial_items (
  paper_id       TEXT NOT NULL,
  language       TEXT NOT NULL CHECK (language IN ('en', 'zh')),
  version        INTEGER NOT NULL,
  question_index INTEGER NOT NULL,           -- 0-based, in question order
  model          TEXT NOT NULL,              -- who answered: a resumed generation keeps only its own
  item           TEXT NOT NULL,              -- JSON object, as one element of faq_answers.items
  PRIMARY KEY (paper_id, language, version, question_index)
) WITHOUT ROWID;
