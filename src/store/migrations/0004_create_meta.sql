-- Small named counters. 'change_stamp' is bumped by every write of papers or listings, so any
-- process can tell cheaply that the data changed (Store::ChangeStamp).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('change_stamp', 0);
