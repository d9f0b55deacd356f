// The job queue in the SQLite store file (table `jobs`, migration 0005), on its own write
// connection so queue traffic never waits behind a reader of the paper store.
#ifndef COOLPAPERS_STORE_SQLITE_JOB_QUEUE_H_
#define COOLPAPERS_STORE_SQLITE_JOB_QUEUE_H_

#include <filesystem>
#include <memory>

#include "core/error.h"
#include "store/job_queue.h"
#include "store/sqlite_store.h"

namespace coolpapers::store {

// Opens the queue in the database at `path`, bringing the schema up to date as OpenSqliteStore
// does (same errors). Safe to share between threads.
[[nodiscard]] Result<std::unique_ptr<JobQueue>> OpenSqliteJobQueue(
    const std::filesystem::path& path, const SqliteOptions& options = {});

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_SQLITE_JOB_QUEUE_H_
