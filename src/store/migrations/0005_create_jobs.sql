-- The persistent job queue (store/job_queue.h): one row per piece of outside work, kept after it
-- finishes so its result, attempts and last error stay visible. Times are ms since the epoch.
CREATE TABLE jobs (
  id          INTEGER PRIMARY KEY,           -- claim order within a priority: older first
  kind        INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),      -- 0 arxiv, 1 pdf, 2 llm
  key         TEXT NOT NULL,                 -- names the work within its kind: 'paper:2401.06769'
  priority    INTEGER NOT NULL CHECK (priority IN (0, 1, 2)),  -- 0 admin, 1 today, 2 history
  payload     TEXT NOT NULL DEFAULT '',      -- for the handler, JSON by convention
  state       INTEGER NOT NULL CHECK (state IN (0, 1, 2, 3)),  -- 0 queued, 1 running, 2 done, 3 failed
  attempts    INTEGER NOT NULL DEFAULT 0,    -- claims so far, the running one included
  last_error  TEXT NOT NULL DEFAULT '',      -- the latest failure's message, '' when none
  result      TEXT NOT NULL DEFAULT '',      -- the handler's result once done
  worker      TEXT NOT NULL DEFAULT '',      -- who holds (or last held) the lease
  created     INTEGER NOT NULL,
  updated     INTEGER NOT NULL,
  not_before  INTEGER NOT NULL DEFAULT 0,    -- a queued job is not claimed earlier (backoff)
  lease_until INTEGER NOT NULL DEFAULT 0     -- a running job past its lease is claimable again
);

-- Asking twice for the same work finds the same job.
CREATE UNIQUE INDEX jobs_by_key ON jobs (kind, key);
-- Claim and PositionOf seek (kind, state) and walk it in claim order; Counts reads it alone.
CREATE INDEX jobs_by_claim_order ON jobs (kind, state, priority, id);
