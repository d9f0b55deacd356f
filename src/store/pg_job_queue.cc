#include "store/pg_job_queue.h"

#include <utility>

#include "core/quoted_text.h"
#include "store/job_columns.h"
#include "store/pg_migrator.h"
#include "store/store_checks.h"

namespace coolpapers::store {
namespace {

using std::chrono::milliseconds;

constexpr std::string_view kSelectById =
    "SELECT " COOLPAPERS_JOB_COLUMNS " FROM jobs WHERE id = $1";
constexpr std::string_view kSelectByKey =
    "SELECT " COOLPAPERS_JOB_COLUMNS " FROM jobs WHERE kind = $1 AND key = $2";
// New work is inserted. Work already named keeps its state when queued or running, its priority
// raised (never lowered); finished work is queued again only when $6 (kRestartFinished) says
// so. When neither applies, the WHERE leaves the row as it is and nothing is returned.
constexpr std::string_view kUpsert =
    "INSERT INTO jobs AS j (kind, key, priority, payload, state, created, updated, not_before) "
    "VALUES ($1, $2, $3, $4, 0, $5, $5, $5) "
    "ON CONFLICT (kind, key) DO UPDATE SET "
    "  priority = EXCLUDED.priority, updated = EXCLUDED.updated, "
    "  state = CASE WHEN j.state IN (0, 1) THEN j.state ELSE 0 END, "
    "  payload = CASE WHEN j.state IN (0, 1) THEN j.payload ELSE EXCLUDED.payload END, "
    "  attempts = CASE WHEN j.state IN (0, 1) THEN j.attempts ELSE 0 END, "
    "  last_error = CASE WHEN j.state IN (0, 1) THEN j.last_error ELSE '' END, "
    "  result = CASE WHEN j.state IN (0, 1) THEN j.result ELSE '' END, "
    "  not_before = CASE WHEN j.state IN (0, 1) THEN j.not_before ELSE EXCLUDED.not_before END, "
    "  lease_until = CASE WHEN j.state IN (0, 1) THEN j.lease_until ELSE 0 END "
    "WHERE (j.state IN (0, 1) AND j.priority > EXCLUDED.priority) OR (j.state IN (2, 3) AND $6) "
    "RETURNING " COOLPAPERS_JOB_COLUMNS_OF_J;
// The next claimable job of the kind in claim order: queued and due, or running with its lease
// passed (the holder died or hung: saying so in last_error is the only trace its attempt
// leaves). SKIP LOCKED passes over a row another claim is taking at this moment.
constexpr std::string_view kClaim =
    "WITH next AS ("
    "  SELECT id FROM jobs WHERE kind = $1 AND state IN (0, 1)"
    "    AND CASE WHEN state = 0 THEN not_before <= $2 ELSE lease_until <= $2 END"
    "  ORDER BY priority, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
    "UPDATE jobs AS j SET state = 1, attempts = j.attempts + 1, worker = $3, updated = $2, "
    "  lease_until = $4, last_error = CASE WHEN j.state = 1 "
    "    THEN 'the lease of ' || j.worker || ' expired: the worker died or hung' "
    "    ELSE j.last_error END "
    "FROM next WHERE j.id = next.id RETURNING " COOLPAPERS_JOB_COLUMNS_OF_J;
constexpr std::string_view kRenew =
    "UPDATE jobs SET lease_until = $3 WHERE id = $1 AND state = 1 AND worker = $2";
constexpr std::string_view kComplete =
    "UPDATE jobs SET state = 2, result = $3, updated = $4 "
    "WHERE id = $1 AND state = 1 AND worker = $2";
// A NULL not_before fails the job for good.
constexpr std::string_view kRelease =
    "UPDATE jobs SET state = CASE WHEN $4::bigint IS NULL THEN 3 ELSE 0 END, last_error = $3, "
    "not_before = COALESCE($4::bigint, not_before), updated = $5 "
    "WHERE id = $1 AND state = 1 AND worker = $2";
constexpr std::string_view kList =
    "SELECT " COOLPAPERS_JOB_COLUMNS " FROM jobs WHERE ($1::smallint IS NULL OR kind = $1::smallint) "
    "AND ($2::smallint IS NULL OR state = $2::smallint) "
    "ORDER BY CASE state WHEN 1 THEN 0 WHEN 0 THEN 1 ELSE 2 END, "
    "CASE WHEN state <= 1 THEN priority ELSE 0 END, "
    "CASE WHEN state <= 1 THEN id ELSE -updated END, id DESC LIMIT $3";
constexpr std::string_view kCountAhead =
    "SELECT COUNT(*) FROM jobs WHERE kind = $1 AND state IN (0, 1) "
    "AND (priority < $2 OR (priority = $2 AND id < $3))";
constexpr std::string_view kCounts =
    "SELECT kind, state, COUNT(*) FROM jobs GROUP BY kind, state ORDER BY kind, state";

int64_t ToMs(JobTime time) { return time.time_since_epoch().count(); }
JobTime FromMs(int64_t ms) { return JobTime(milliseconds(ms)); }
int ToInt(auto enumerator) { return static_cast<int>(enumerator); }

// A row that selected COOLPAPERS_JOB_COLUMNS. The CHECK constraints of migration 0002 keep the
// enumerations in range.
Job ReadJob(const pqxx::row& row) {
  Job job;
  job.id = row[0].as<int64_t>();
  job.kind = static_cast<JobKind>(row[1].as<int>());
  job.key = row[2].as<std::string>();
  job.priority = static_cast<JobPriority>(row[3].as<int>());
  job.payload = row[4].as<std::string>();
  job.state = static_cast<JobState>(row[5].as<int>());
  job.attempts = row[6].as<int>();
  job.last_error = row[7].as<std::string>();
  job.result = row[8].as<std::string>();
  job.worker = row[9].as<std::string>();
  job.created = FromMs(row[10].as<int64_t>());
  job.updated = FromMs(row[11].as<int64_t>());
  job.not_before = FromMs(row[12].as<int64_t>());
  job.lease_until = FromMs(row[13].as<int64_t>());
  return job;
}

std::optional<Job> FirstJob(const pqxx::result& rows) {
  if (rows.empty()) return std::nullopt;
  return ReadJob(rows[0]);
}

class PgJobQueue final : public JobQueue {
 public:
  explicit PgJobQueue(std::unique_ptr<PgConnectionPool> pool) : pool_(std::move(pool)) {}

  Result<Job> Enqueue(const JobSpec& spec, JobTime now, EnqueueMode mode) override {
    if (Result<void> checked = CheckJobSpec(spec); !checked) {
      return std::unexpected(checked.error());
    }
    return pool_->Transact<Job>("enqueue a job", [&](PgQuery& query) -> Result<Job> {
      pqxx::result written =
          query.Run(kUpsert, ToInt(spec.kind), spec.key, ToInt(spec.priority), spec.payload,
                    ToMs(now), mode == EnqueueMode::kRestartFinished);
      if (!written.empty()) return ReadJob(written[0]);
      // The row exists and stays as it is; the upsert locked it, so this reads what it kept.
      return ReadJob(query.Run(kSelectByKey, ToInt(spec.kind), spec.key).at(0));
    });
  }

  Result<std::optional<Job>> Claim(JobKind kind, std::string_view worker, JobTime now,
                                   milliseconds lease) override {
    const std::string holder(worker);
    return pool_->Autocommit<std::optional<Job>>(
        "claim a job", [&](PgQuery& query) -> Result<std::optional<Job>> {
          return FirstJob(query.Run(kClaim, ToInt(kind), ToMs(now), holder, ToMs(now + lease)));
        });
  }

  Result<void> Renew(int64_t id, std::string_view worker, JobTime lease_until) override {
    return WriteHeld("renew the lease of", id, worker, [&](PgQuery& query, const std::string& w) {
      return query.Run(kRenew, id, w, ToMs(lease_until));
    });
  }

  Result<void> Complete(int64_t id, std::string_view worker, std::string_view result,
                        JobTime now) override {
    return WriteHeld("complete", id, worker, [&](PgQuery& query, const std::string& w) {
      return query.Run(kComplete, id, w, std::string(result), ToMs(now));
    });
  }

  Result<void> Release(int64_t id, std::string_view worker, std::string_view error,
                       std::optional<JobTime> not_before, JobTime now) override {
    std::optional<int64_t> retry_at;
    if (not_before) retry_at = ToMs(*not_before);
    return WriteHeld("release", id, worker, [&](PgQuery& query, const std::string& w) {
      return query.Run(kRelease, id, w, std::string(error), retry_at, ToMs(now));
    });
  }

  Result<std::optional<Job>> Get(int64_t id) override {
    return pool_->Autocommit<std::optional<Job>>(
        "read a job", [&](PgQuery& query) -> Result<std::optional<Job>> {
          return FirstJob(query.Run(kSelectById, id));
        });
  }

  Result<std::optional<Job>> Find(JobKind kind, std::string_view key) override {
    const std::string name(key);
    return pool_->Autocommit<std::optional<Job>>(
        "find a job", [&](PgQuery& query) -> Result<std::optional<Job>> {
          return FirstJob(query.Run(kSelectByKey, ToInt(kind), name));
        });
  }

  Result<std::vector<Job>> List(const JobFilter& filter) override {
    std::optional<int> kind;
    std::optional<int> state;
    if (filter.kind) kind = ToInt(*filter.kind);
    if (filter.state) state = ToInt(*filter.state);
    return pool_->Autocommit<std::vector<Job>>(
        "list jobs", [&](PgQuery& query) -> Result<std::vector<Job>> {
          std::vector<Job> jobs;
          for (const pqxx::row& row : query.Run(kList, kind, state, filter.limit)) {
            jobs.push_back(ReadJob(row));
          }
          return jobs;
        });
  }

  Result<int64_t> PositionOf(int64_t id) override {
    return pool_->Snapshot<int64_t>("find a job's place", [&](PgQuery& query) -> Result<int64_t> {
      std::optional<Job> job = FirstJob(query.Run(kSelectById, id));
      if (!job) return Fail(ErrorCode::kNotFound, "no job has id " + std::to_string(id));
      if (job->state != JobState::kQueued) return 0;
      return query.Run(kCountAhead, ToInt(job->kind), ToInt(job->priority), id)[0][0]
          .as<int64_t>();
    });
  }

  Result<std::vector<JobCount>> Counts() override {
    return pool_->Autocommit<std::vector<JobCount>>(
        "count jobs", [&](PgQuery& query) -> Result<std::vector<JobCount>> {
          std::vector<JobCount> counts;
          for (const pqxx::row& row : query.Run(kCounts)) {
            counts.push_back({static_cast<JobKind>(row[0].as<int>()),
                              static_cast<JobState>(row[1].as<int>()), row[2].as<int64_t>()});
          }
          return counts;
        });
  }

 private:
  // Runs `update(query, worker)`, an UPDATE whose WHERE holds only while `worker` holds the
  // job's lease: no row changed means the lease was lost (kConflict).
  template <class Update>
  Result<void> WriteHeld(std::string_view doing, int64_t id, std::string_view worker,
                         Update update) {
    const std::string holder(worker);
    const std::string what = std::string(doing) + " a job";
    return pool_->Autocommit<void>(what, [&](PgQuery& query) -> Result<void> {
      if (update(query, holder).affected_rows() > 0) return {};
      return Fail(ErrorCode::kConflict,
                  "cannot " + std::string(doing) + " job " + std::to_string(id) + ": worker " +
                      QuoteForMessage(worker) + " does not hold its lease",
                  "the job finished, was released, or was claimed again after the lease passed");
    });
  }

  std::unique_ptr<PgConnectionPool> pool_;
};

}  // namespace

Result<std::unique_ptr<JobQueue>> OpenPgJobQueue(const std::string& url,
                                                 const PgOptions& options) {
  // A commit of the queue returns before its WAL reaches the disk (it does within ~0.6 s; the
  // database is never corrupted). Losing the last moments of queue traffic to an OS crash or a
  // power cut is harmless: a lost Complete is a job run again when its lease passes, a lost
  // Enqueue is asked for again by its owner, and the queue already promises no more than
  // at-least-once. It buys throughput: ~4,500 instead of ~400 jobs/s on this machine's disk,
  // whose every synchronous commit waits for an fsync (bench/job_queue_bench.cc, docs/store.md).
  // Papers, listings and the rest keep full durability.
  auto pool = OpenMigratedPgPool(url, options.connections, "SET synchronous_commit = off");
  if (!pool) return std::unexpected(std::move(pool.error()));
  return std::make_unique<PgJobQueue>(std::move(*pool));
}

}  // namespace coolpapers::store
