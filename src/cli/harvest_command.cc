#include "cli/harvest_command.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include "core/clock.h"
#include "cli/config_file.h"
#include "cli/instance.h"
#include "cli/print_error.h"
#include "core/category.h"
#include "harvest/oai_backfill.h"
#include "jobs/worker_pool.h"

namespace coolpapers::cli {
namespace {

using std::chrono::milliseconds;

constexpr int kExitComplete = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitIncomplete = 3;

// A feed job waiting longer than this for its next attempt is left to a later run: it waits
// for the API to catch up (incomplete_retry), not for a network hiccup to pass.
constexpr milliseconds kLongestWait{std::chrono::minutes(1)};
constexpr milliseconds kPollEvery{100};

store::JobTime Now() { return WallMilliseconds(RealClock()); }

bool Settled(const store::Job& job, store::JobTime now) {
  if (job.state == store::JobState::kDone || job.state == store::JobState::kFailed) return true;
  return job.state == store::JobState::kQueued && job.attempts > 0 &&
         job.not_before > now + kLongestWait;
}

// The feed jobs of this pass, once each has settled; waits (polling the queue) until then.
Result<std::map<std::string, store::Job>> WaitForFeedJobs(Instance& in) {
  while (true) {
    std::map<std::string, store::Job> jobs;
    bool all_settled = true;
    const store::JobTime now = Now();
    for (const std::string& category : in.config.harvest.categories) {
      auto job = in.jobs->Find(store::JobKind::kArxiv, harvest::FeedJobKey(category));
      if (!job) return std::unexpected(std::move(job.error()));
      if (!*job) {
        return Fail(ErrorCode::kInternal, "the feed check of " + category + " left the queue");
      }
      all_settled = all_settled && Settled(**job, now);
      jobs.emplace(category, std::move(**job));
    }
    if (all_settled) return jobs;
    std::this_thread::sleep_for(kPollEvery);
  }
}

std::string Counts(const store::AnnounceCounts& counts) {
  return std::to_string(counts.new_count) + " new, " + std::to_string(counts.cross) +
         " cross, " + std::to_string(counts.replace) + " replace";
}

// Prints the category's line; returns the exit code it implies.
Result<int> ReportCategory(const std::string& category, const store::Job& job,
                           const std::map<std::string, store::CategoryDayStatus>& newest) {
  if (job.state == store::JobState::kFailed) {
    std::printf("%-10s failed: %s\n", category.c_str(), job.last_error.c_str());
    return kExitFailed;
  }
  auto canonical = CanonicalCategory(category);
  if (!canonical) return std::unexpected(std::move(canonical.error()));
  const auto day = newest.find(std::string(*canonical));
  if (day == newest.end()) {
    const std::string& why = job.state == store::JobState::kDone ? job.result : job.last_error;
    std::printf("%-10s no day recorded (%s)\n", category.c_str(), why.c_str());
    return job.state == store::JobState::kDone ? kExitComplete : kExitFailed;
  }
  const store::CategoryDayStatus& status = day->second;
  std::printf("%-10s %s  %s  %s%s\n", category.c_str(), status.day.ToIso().c_str(),
              Counts(status.feed).c_str(), status.complete ? "complete" : "INCOMPLETE: ",
              status.complete ? "" : status.note.c_str());
  return status.complete ? kExitComplete : kExitIncomplete;
}

int RunDaily(Instance& in) {
  auto queued = in.harvester->EnqueueFeedChecks(Now());
  if (!queued) {
    PrintError(queued.error());
    return kExitFailed;
  }
  jobs::WorkerPoolOptions pool_options = in.config.arxiv_jobs;
  pool_options.kind = store::JobKind::kArxiv;
  jobs::WorkerPool pool(
      *in.jobs,
      [&in](const store::Job& job, const jobs::JobContext& context) {
        return in.harvester->RunJob(job, context);
      },
      pool_options);
  pool.Start();
  pool.Wake();
  auto jobs = WaitForFeedJobs(in);
  pool.Stop();
  if (!jobs) {
    PrintError(jobs.error());
    return kExitFailed;
  }

  auto newest_days = in.harvest_state->NewestDays();
  if (!newest_days) {
    PrintError(newest_days.error());
    return kExitFailed;
  }
  std::map<std::string, store::CategoryDayStatus> newest;
  for (store::CategoryDayStatus& status : *newest_days) {
    newest.emplace(status.category, std::move(status));
  }
  int exit_code = kExitComplete;
  for (const auto& [category, job] : *jobs) {
    auto code = ReportCategory(category, job, newest);
    if (!code) {
      PrintError(code.error());
      return kExitFailed;
    }
    // An error outranks an incomplete day, which outranks success.
    if (*code == kExitFailed || (*code == kExitIncomplete && exit_code == kExitComplete)) {
      exit_code = *code;
    }
  }
  return exit_code;
}

int RunBackfill(Instance& in, const std::string& from_text, const std::string& until_text) {
  auto from = Date::Parse(from_text);
  auto until = from ? Date::Parse(until_text) : from;
  if (!from || !until) {
    PrintError(!from ? from.error() : until.error());
    return kExitUsage;
  }
  if (*until < *from) {
    std::fprintf(stderr, "coolpapers: --until %s is before --from %s\n", until_text.c_str(),
                 from_text.c_str());
    return kExitUsage;
  }
  auto done = harvest::RunOaiBackfill(
      *in.store, *in.harvest_state, *in.arxiv, in.config.harvest, *from, *until,
      [](const harvest::BackfillProgress& progress) {
        std::fprintf(stderr, "page %lld: %lld papers so far", static_cast<long long>(progress.pages),
                     static_cast<long long>(progress.papers_written));
        if (progress.complete_list_size) {
          std::fprintf(stderr, " of %lld", static_cast<long long>(*progress.complete_list_size));
        }
        std::fprintf(stderr, "%s\n", progress.resumed ? " (resumed)" : "");
      });
  if (!done) {
    PrintError(done.error());
    return kExitFailed;
  }
  if (done->pages == 0) {
    std::printf("%s..%s: already backfilled\n", from->ToIso().c_str(), until->ToIso().c_str());
  } else {
    std::printf("%s..%s: %lld papers in %lld pages, %lld deleted records seen\n",
                from->ToIso().c_str(), until->ToIso().c_str(),
                static_cast<long long>(done->papers_written), static_cast<long long>(done->pages),
                static_cast<long long>(done->deleted_seen));
  }
  return kExitComplete;
}

}  // namespace

int RunHarvestCommand(const HarvestCommandOptions& options) {
  const bool backfill = options.from || options.until;
  if (options.daily == backfill || (backfill && !(options.from && options.until))) {
    std::fprintf(stderr,
                 "coolpapers: harvest needs either --daily or both --from DATE and --until DATE\n");
    return kExitUsage;
  }
  auto instance = LoadAndOpenInstance(options.data_dir, options.config_file, options.store);
  if (!instance) {
    PrintError(instance.error());
    return kExitFailed;
  }
  if (options.daily) return RunDaily(**instance);
  return RunBackfill(**instance, *options.from, *options.until);
}

}  // namespace coolpapers::cli
