// Issue #17's queue target: PostgreSQL job queue >= 2,000 jobs/s enqueue + complete on this
// machine. N jobs are enqueued by W threads, then W workers claim and complete them until the
// queue is empty, each operation one call of the JobQueue interface (one transaction, as the
// worker pools use it). Prints jobs/s per phase and for the whole life of a job (enqueue + claim
// + complete), with the machine's load average beside it, for each store:
//   job_queue_bench [--jobs N] [--workers W] [--store URL]...
// Without --store it measures SQLite in a temporary file and PostgreSQL 15 in a server it
// starts itself (tests/support/pg_test_server.h: fsync and synchronous_commit off); give
// --store postgresql://... to measure a real server.
// graphile-worker publishes ~183,000 jobs/s (queue + run, batched, on a large server), for
// comparison.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "store/job_queue.h"
#include "store/store_location.h"
#include "tests/support/pg_test_server.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace coolpapers;
using Clock = std::chrono::steady_clock;

struct Flags {
  int jobs = 20000;
  int workers = 4;
  std::vector<std::string> stores;
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--jobs") flags.jobs = std::stoi(argv[i + 1]);
    if (flag == "--workers") flags.workers = std::stoi(argv[i + 1]);
    if (flag == "--store") flags.stores.push_back(argv[i + 1]);
  }
  return flags;
}

std::string LoadAverage() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Runs `work(thread)` on `threads` threads at once and returns the wall time.
template <class Work>
Clock::duration OnThreads(int threads, const Work& work) {
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back([&work, t] { work(t); });
  for (std::thread& thread : pool) thread.join();
  return Clock::now() - start;
}

bool Measure(const store::StoreLocation& location, const Flags& flags) {
  auto opened = store::OpenJobQueueAt(location);
  if (!opened) {
    std::fprintf(stderr, "job_queue_bench: %s (%s)\n", opened.error().message.c_str(),
                 opened.error().detail.c_str());
    return false;
  }
  store::JobQueue& queue = **opened;
  const store::JobTime now{std::chrono::milliseconds(1'747'200'000'000)};
  std::atomic<int> failures = 0;

  const Clock::duration enqueue = OnThreads(flags.workers, [&](int thread) {
    for (int i = thread; i < flags.jobs; i += flags.workers) {
      const store::JobSpec spec{store::JobKind::kPdf, "pdf:" + std::to_string(i),
                                store::JobPriority::kHistory, "{\"id\":\"2505.00001\"}"};
      if (!queue.Enqueue(spec, now)) ++failures;
    }
  });
  std::atomic<int> completed = 0;
  const Clock::duration work = OnThreads(flags.workers, [&](int thread) {
    const std::string worker = "worker-" + std::to_string(thread);
    for (;;) {
      auto job = queue.Claim(store::JobKind::kPdf, worker, now, std::chrono::minutes(5));
      if (!job) {
        ++failures;
        return;
      }
      if (!*job) return;
      if (queue.Complete((*job)->id, worker, "ok", now)) {
        ++completed;
      } else {
        ++failures;
      }
    }
  });
  const double total = Seconds(enqueue + work);
  std::printf("%-10s %7d jobs %2d threads  enqueue %8.0f/s  claim+complete %8.0f/s  "
              "whole job %8.0f/s  (load %s)%s\n",
              location.kind == store::StoreLocation::Kind::kPostgres ? "postgresql" : "sqlite",
              flags.jobs, flags.workers, flags.jobs / Seconds(enqueue),
              completed.load() / Seconds(work), completed.load() / total,
              LoadAverage().c_str(),
              failures.load() || completed.load() != flags.jobs ? "  FAILURES" : "");
  return failures.load() == 0 && completed.load() == flags.jobs;
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  coolpapers::testing::TempDir dir;
  std::vector<store::StoreLocation> locations;
  for (const std::string& text : flags.stores) {
    auto location = store::ParseStoreLocation(text);
    if (!location) {
      std::fprintf(stderr, "job_queue_bench: %s\n", location.error().message.c_str());
      return 2;
    }
    locations.push_back(*location);
  }
  if (locations.empty()) {
    locations.push_back(store::SqliteLocation(dir.path() / "bench.sqlite"));
    if (auto reason = coolpapers::testing::PgTestServerAbsent()) {
      std::printf("postgresql skipped: %s\n", reason->c_str());
    } else {
      locations.push_back({store::StoreLocation::Kind::kPostgres, {},
                           coolpapers::testing::PgTestDatabaseUrl(dir.path())});
    }
  }
  bool ok = true;
  for (const store::StoreLocation& location : locations) ok = Measure(location, flags) && ok;
  std::printf("graphile-worker (published, batched, large server): ~183000/s\n");
  return ok ? 0 : 1;
}
