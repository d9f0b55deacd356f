// The jobs table's columns, in the order both backends read a Job from (sqlite_job_queue.cc,
// pg_job_queue.cc): one list, so a new column is added once. Macros because the SQL statements
// are string literals put together at compile time.
#ifndef COOLPAPERS_STORE_JOB_COLUMNS_H_
#define COOLPAPERS_STORE_JOB_COLUMNS_H_

#define COOLPAPERS_JOB_COLUMNS                                                               \
  "id, kind, key, priority, payload, state, attempts, last_error, result, worker, created, " \
  "updated, not_before, lease_until"

// The same columns of the row named j (PostgreSQL's INSERT ... AS j RETURNING).
#define COOLPAPERS_JOB_COLUMNS_OF_J                                                           \
  "j.id, j.kind, j.key, j.priority, j.payload, j.state, j.attempts, j.last_error, j.result, " \
  "j.worker, j.created, j.updated, j.not_before, j.lease_until"

#endif  // COOLPAPERS_STORE_JOB_COLUMNS_H_
