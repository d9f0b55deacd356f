// The job queue in PostgreSQL (table `jobs`, pg_migrations/0002). A worker leases the next job
// with one UPDATE over SELECT ... FOR UPDATE SKIP LOCKED: workers in any number of threads and
// processes claim different jobs without waiting on each other's rows. Its sessions commit
// asynchronously (synchronous_commit off; OpenPgJobQueue in pg_job_queue.cc says why).
#ifndef COOLPAPERS_STORE_PG_JOB_QUEUE_H_
#define COOLPAPERS_STORE_PG_JOB_QUEUE_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "store/job_queue.h"
#include "store/pg_store.h"

namespace coolpapers::store {

// Connects to the database at `url` and brings the schema up to date, as OpenPgStore does (same
// errors). Safe to share between threads; `options.connections` of them run at once.
[[nodiscard]] Result<std::unique_ptr<JobQueue>> OpenPgJobQueue(const std::string& url,
                                                               const PgOptions& options = {});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PG_JOB_QUEUE_H_
