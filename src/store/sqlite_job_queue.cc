#include "store/sqlite_job_queue.h"

#include <utility>

#include "core/mutex.h"
#include "core/quoted_text.h"
#include "store/job_columns.h"
#include "store/sqlite_connection.h"
#include "store/store_checks.h"

namespace coolpapers::store {
namespace {

using std::chrono::milliseconds;

constexpr std::string_view kSelectById =
    "SELECT " COOLPAPERS_JOB_COLUMNS " FROM jobs WHERE id = ?1";
constexpr std::string_view kSelectByKey =
    "SELECT " COOLPAPERS_JOB_COLUMNS " FROM jobs WHERE kind = ?1 AND key = ?2";
constexpr std::string_view kInsert =
    "INSERT INTO jobs (kind, key, priority, payload, state, created, updated, not_before) "
    "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5, ?5)";
constexpr std::string_view kRaisePriority =
    "UPDATE jobs SET priority = ?2, updated = ?3 WHERE id = ?1 AND priority > ?2";
constexpr std::string_view kRestart =
    "UPDATE jobs SET state = 0, priority = ?2, payload = ?3, attempts = 0, last_error = '', "
    "result = '', updated = ?4, not_before = ?4, lease_until = 0 WHERE id = ?1";
// A passed lease means the holder died or hung: its attempt is over, and saying so in
// last_error is the only trace that attempt leaves.
constexpr std::string_view kRequeueExpired =
    "UPDATE jobs SET state = 0, not_before = ?2, updated = ?2, "
    "last_error = 'the lease of ' || worker || ' expired: the worker died or hung' "
    "WHERE kind = ?1 AND state = 1 AND lease_until <= ?2";
constexpr std::string_view kSelectNext =
    "SELECT " COOLPAPERS_JOB_COLUMNS " FROM jobs WHERE kind = ?1 AND state = 0 AND not_before <= ?2 "
    "ORDER BY priority, id LIMIT 1";
constexpr std::string_view kLease =
    "UPDATE jobs SET state = 1, attempts = attempts + 1, worker = ?2, updated = ?3, "
    "lease_until = ?4 WHERE id = ?1";
constexpr std::string_view kRenew =
    "UPDATE jobs SET lease_until = ?3 WHERE id = ?1 AND state = 1 AND worker = ?2";
constexpr std::string_view kComplete =
    "UPDATE jobs SET state = 2, result = ?3, updated = ?4 "
    "WHERE id = ?1 AND state = 1 AND worker = ?2";
// A NULL not_before fails the job for good.
constexpr std::string_view kRelease =
    "UPDATE jobs SET state = CASE WHEN ?4 IS NULL THEN 3 ELSE 0 END, last_error = ?3, "
    "not_before = COALESCE(?4, not_before), updated = ?5 "
    "WHERE id = ?1 AND state = 1 AND worker = ?2";
constexpr std::string_view kList =
    "SELECT " COOLPAPERS_JOB_COLUMNS " FROM jobs WHERE (?1 IS NULL OR kind = ?1) "
    "AND (?2 IS NULL OR state = ?2) "
    "ORDER BY CASE state WHEN 1 THEN 0 WHEN 0 THEN 1 ELSE 2 END, "
    "CASE WHEN state <= 1 THEN priority ELSE 0 END, "
    "CASE WHEN state <= 1 THEN id ELSE -updated END, id DESC LIMIT ?3";
constexpr std::string_view kCountAhead =
    "SELECT COUNT(*) FROM jobs WHERE kind = ?1 AND state IN (0, 1) "
    "AND (priority < ?2 OR (priority = ?2 AND id < ?3))";
constexpr std::string_view kCounts =
    "SELECT kind, state, COUNT(*) FROM jobs GROUP BY kind, state ORDER BY kind, state";

int64_t ToMs(JobTime time) { return time.time_since_epoch().count(); }
JobTime FromMs(int64_t ms) { return JobTime(milliseconds(ms)); }
int64_t ToInt(auto enumerator) { return static_cast<int64_t>(enumerator); }

// The row under a statement that selected COOLPAPERS_JOB_COLUMNS.
Job ReadJob(const SqliteStatement& row) {
  Job job;
  job.id = row.ColumnInt(0);
  job.kind = static_cast<JobKind>(row.ColumnInt(1));
  job.key = row.ColumnText(2);
  job.priority = static_cast<JobPriority>(row.ColumnInt(3));
  job.payload = row.ColumnText(4);
  job.state = static_cast<JobState>(row.ColumnInt(5));
  job.attempts = static_cast<int>(row.ColumnInt(6));
  job.last_error = row.ColumnText(7);
  job.result = row.ColumnText(8);
  job.worker = row.ColumnText(9);
  job.created = FromMs(row.ColumnInt(10));
  job.updated = FromMs(row.ColumnInt(11));
  job.not_before = FromMs(row.ColumnInt(12));
  job.lease_until = FromMs(row.ColumnInt(13));
  return job;
}

// Runs a prepared, bound SELECT of COOLPAPERS_JOB_COLUMNS and reads its first row.
Result<std::optional<Job>> FirstJob(ScopedStatement& select) {
  auto row = select->Step();
  if (!row) return std::unexpected(std::move(row.error()));
  if (!*row) return std::nullopt;
  return ReadJob(*select);
}

class SqliteJobQueue final : public JobQueue {
 public:
  explicit SqliteJobQueue(SqliteConnection connection) : connection_(std::move(connection)) {}

  Result<Job> Enqueue(const JobSpec& spec, JobTime now, EnqueueMode mode) override {
    if (Result<void> checked = CheckJobSpec(spec); !checked) {
      return std::unexpected(checked.error());
    }
    MutexLock lock(&mutex_);
    auto transaction = SqliteTransaction::BeginWrite(connection_);
    if (!transaction) return std::unexpected(std::move(transaction.error()));
    auto found = SelectByKey(spec.kind, spec.key);
    if (!found) return std::unexpected(std::move(found.error()));
    Result<void> written;
    if (!*found) {
      written = Write(kInsert, [&](SqliteStatement& insert) {
        insert.Bind(1, ToInt(spec.kind)).Bind(2, spec.key).Bind(3, ToInt(spec.priority));
        insert.Bind(4, spec.payload).Bind(5, ToMs(now));
      });
    } else if ((*found)->state == JobState::kQueued || (*found)->state == JobState::kRunning) {
      written = Write(kRaisePriority, [&](SqliteStatement& raise) {
        raise.Bind(1, (*found)->id).Bind(2, ToInt(spec.priority)).Bind(3, ToMs(now));
      });
    } else if (mode == EnqueueMode::kRestartFinished) {
      written = Write(kRestart, [&](SqliteStatement& restart) {
        restart.Bind(1, (*found)->id).Bind(2, ToInt(spec.priority)).Bind(3, spec.payload);
        restart.Bind(4, ToMs(now));
      });
    }
    if (!written) return std::unexpected(std::move(written.error()));
    auto stored = SelectByKey(spec.kind, spec.key);
    if (!stored) return std::unexpected(std::move(stored.error()));
    auto committed = transaction->Commit();
    if (!committed) return std::unexpected(std::move(committed.error()));
    return std::move(**stored);
  }

  Result<std::optional<Job>> Claim(JobKind kind, std::string_view worker, JobTime now,
                                   milliseconds lease) override {
    MutexLock lock(&mutex_);
    // BEGIN IMMEDIATE takes the write lock before the SELECT, so no other connection (or
    // process) can pick the same row between our SELECT and UPDATE.
    auto transaction = SqliteTransaction::BeginWrite(connection_);
    if (!transaction) return std::unexpected(std::move(transaction.error()));
    auto requeued = Write(kRequeueExpired, [&](SqliteStatement& requeue) {
      requeue.Bind(1, ToInt(kind)).Bind(2, ToMs(now));
    });
    if (!requeued) return std::unexpected(std::move(requeued.error()));
    auto select = connection_.Prepare(kSelectNext);
    if (!select) return std::unexpected(std::move(select.error()));
    (*select)->Bind(1, ToInt(kind)).Bind(2, ToMs(now));
    auto next = FirstJob(*select);
    if (!next || !*next) return next;
    Job& job = **next;
    job.state = JobState::kRunning;
    job.attempts += 1;
    job.worker = worker;
    job.updated = now;
    job.lease_until = now + lease;
    auto leased = Write(kLease, [&](SqliteStatement& update) {
      update.Bind(1, job.id).Bind(2, worker).Bind(3, ToMs(now)).Bind(4, ToMs(job.lease_until));
    });
    if (!leased) return std::unexpected(std::move(leased.error()));
    auto committed = transaction->Commit();
    if (!committed) return std::unexpected(std::move(committed.error()));
    return next;
  }

  Result<void> Renew(int64_t id, std::string_view worker, JobTime lease_until) override {
    return WriteHeld(kRenew, id, worker, "renew the lease of", [&](SqliteStatement& renew) {
      renew.Bind(3, ToMs(lease_until));
    });
  }

  Result<void> Complete(int64_t id, std::string_view worker, std::string_view result,
                        JobTime now) override {
    return WriteHeld(kComplete, id, worker, "complete", [&](SqliteStatement& complete) {
      complete.Bind(3, result).Bind(4, ToMs(now));
    });
  }

  Result<void> Release(int64_t id, std::string_view worker, std::string_view error,
                       std::optional<JobTime> not_before, JobTime now) override {
    return WriteHeld(kRelease, id, worker, "release", [&](SqliteStatement& release) {
      release.Bind(3, error);
      if (not_before) {
        release.Bind(4, ToMs(*not_before));
      } else {
        release.BindNull(4);
      }
      release.Bind(5, ToMs(now));
    });
  }

  Result<std::optional<Job>> Get(int64_t id) override {
    MutexLock lock(&mutex_);
    return SelectById(id);
  }

  Result<std::optional<Job>> Find(JobKind kind, std::string_view key) override {
    MutexLock lock(&mutex_);
    return SelectByKey(kind, key);
  }

  Result<std::vector<Job>> List(const JobFilter& filter) override {
    MutexLock lock(&mutex_);
    auto select = connection_.Prepare(kList);
    if (!select) return std::unexpected(std::move(select.error()));
    if (filter.kind) {
      (*select)->Bind(1, ToInt(*filter.kind));
    } else {
      (*select)->BindNull(1);
    }
    if (filter.state) {
      (*select)->Bind(2, ToInt(*filter.state));
    } else {
      (*select)->BindNull(2);
    }
    (*select)->Bind(3, filter.limit);
    std::vector<Job> jobs;
    for (;;) {
      auto row = (*select)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (!*row) return jobs;
      jobs.push_back(ReadJob(**select));
    }
  }

  Result<int64_t> PositionOf(int64_t id) override {
    MutexLock lock(&mutex_);
    // The job and the jobs ahead of it are read from one snapshot.
    auto snapshot = SqliteTransaction::BeginRead(connection_);
    if (!snapshot) return std::unexpected(std::move(snapshot.error()));
    auto job = SelectById(id);
    if (!job) return std::unexpected(std::move(job.error()));
    if (!*job) return Fail(ErrorCode::kNotFound, "no job has id " + std::to_string(id));
    if ((*job)->state != JobState::kQueued) return 0;
    auto count = connection_.Prepare(kCountAhead);
    if (!count) return std::unexpected(std::move(count.error()));
    (*count)->Bind(1, ToInt((*job)->kind)).Bind(2, ToInt((*job)->priority)).Bind(3, id);
    auto row = (*count)->Step();
    if (!row) return std::unexpected(std::move(row.error()));
    return (*count)->ColumnInt(0);
  }

  Result<std::vector<JobCount>> Counts() override {
    MutexLock lock(&mutex_);
    auto select = connection_.Prepare(kCounts);
    if (!select) return std::unexpected(std::move(select.error()));
    std::vector<JobCount> counts;
    for (;;) {
      auto row = (*select)->Step();
      if (!row) return std::unexpected(std::move(row.error()));
      if (!*row) return counts;
      counts.push_back({static_cast<JobKind>((*select)->ColumnInt(0)),
                        static_cast<JobState>((*select)->ColumnInt(1)),
                        (*select)->ColumnInt(2)});
    }
  }

 private:
  Result<std::optional<Job>> SelectById(int64_t id) REQUIRES(mutex_) {
    auto select = connection_.Prepare(kSelectById);
    if (!select) return std::unexpected(std::move(select.error()));
    (*select)->Bind(1, id);
    return FirstJob(*select);
  }

  Result<std::optional<Job>> SelectByKey(JobKind kind, std::string_view key) REQUIRES(mutex_) {
    auto select = connection_.Prepare(kSelectByKey);
    if (!select) return std::unexpected(std::move(select.error()));
    (*select)->Bind(1, ToInt(kind)).Bind(2, key);
    return FirstJob(*select);
  }

  // Runs one statement that returns no rows, its parameters bound by `bind`.
  template <class Bind>
  Result<void> Write(std::string_view sql, Bind bind) REQUIRES(mutex_) {
    auto statement = connection_.Prepare(sql);
    if (!statement) return std::unexpected(std::move(statement.error()));
    bind(**statement);
    return (*statement)->Run();
  }

  // Runs `sql`, whose ?1 and ?2 are the job id and the worker and whose WHERE clause holds only
  // while the worker holds the lease: no row changed means the lease was lost.
  template <class Bind>
  Result<void> WriteHeld(std::string_view sql, int64_t id, std::string_view worker,
                         std::string_view doing, Bind bind) {
    MutexLock lock(&mutex_);
    auto written = Write(sql, [&](SqliteStatement& statement) {
      statement.Bind(1, id).Bind(2, worker);
      bind(statement);
    });
    if (!written) return written;
    if (connection_.Changes() == 0) {
      return Fail(ErrorCode::kConflict,
                  "cannot " + std::string(doing) + " job " + std::to_string(id) + ": worker " +
                      QuoteForMessage(worker) + " does not hold its lease",
                  "the job finished, was released, or was claimed again after the lease passed");
    }
    return {};
  }

  Mutex mutex_;
  SqliteConnection connection_ GUARDED_BY(mutex_);
};

}  // namespace

Result<std::unique_ptr<JobQueue>> OpenSqliteJobQueue(const std::filesystem::path& path,
                                                     const SqliteOptions& options) {
  // The store owns the file's set-up (page size, WAL, migrations): opening it once brings the
  // file up to date, exactly as for the store, before the queue opens a connection of its own.
  {
    auto store = OpenSqliteStore(
        path, {.reader_connections = 1, .busy_timeout_ms = options.busy_timeout_ms});
    if (!store) return std::unexpected(std::move(store.error()));
  }
  auto connection =
      SqliteConnection::Open(path, SqliteConnection::Mode::kReadWrite, options.busy_timeout_ms);
  if (!connection) return std::unexpected(std::move(connection.error()));
  return std::make_unique<SqliteJobQueue>(std::move(*connection));
}

}  // namespace coolpapers::store
