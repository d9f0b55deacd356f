#include "cli/jobs_command.h"

#include <cstdio>

#include "cli/data_dir.h"
#include "cli/print_error.h"
#include "core/timestamp.h"
#include "store/store_location.h"

namespace coolpapers::cli {
namespace {

constexpr size_t kErrorWidth = 60;

std::string Shortened(std::string text, size_t width) {
  for (char& c : text) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  if (text.size() > width) text = text.substr(0, width - 3) + "...";
  return text;
}

}  // namespace

int RunJobsCommand(const JobsOptions& options) {
  store::JobFilter filter;
  filter.limit = options.limit;
  if (options.kind) {
    filter.kind = store::ParseJobKind(*options.kind);
    if (!filter.kind) {
      std::fprintf(stderr, "coolpapers: unknown job kind \"%s\": expected arxiv, pdf or llm\n",
                   options.kind->c_str());
      return 2;
    }
  }
  if (options.state) {
    filter.state = store::ParseJobState(*options.state);
    if (!filter.state) {
      std::fprintf(stderr,
                   "coolpapers: unknown job state \"%s\": expected queued, running, done or failed\n",
                   options.state->c_str());
      return 2;
    }
  }
  Result<store::StoreLocation> location = ResolveStoreLocation(options.data_dir, options.store);
  if (!location) {
    PrintError(location.error());
    return 1;
  }
  if (Result<void> ready = PrepareStore(options.data_dir, *location, StoreAccess::kExisting);
      !ready) {
    PrintError(ready.error());
    return 1;
  }
  Result<std::unique_ptr<store::JobQueue>> queue = store::OpenJobQueueAt(*location);
  if (!queue) {
    PrintError(queue.error());
    return 1;
  }
  Result<std::vector<store::JobCount>> counts = (*queue)->Counts();
  if (!counts) {
    PrintError(counts.error());
    return 1;
  }
  if (counts->empty()) std::printf("no jobs\n");
  for (const store::JobCount& count : *counts) {
    std::printf("%-6s %-8s %lld\n", std::string(store::JobKindName(count.kind)).c_str(),
                std::string(store::JobStateName(count.state)).c_str(),
                static_cast<long long>(count.count));
  }
  Result<std::vector<store::Job>> jobs = (*queue)->List(filter);
  if (!jobs) {
    PrintError(jobs.error());
    return 1;
  }
  if (jobs->empty()) return 0;
  std::printf("\n%-8s %-6s %-8s %-8s %-4s %-20s %-28s %s\n", "ID", "KIND", "PRIORITY", "STATE",
              "TRY", "UPDATED", "KEY", "LAST ERROR");
  for (const store::Job& job : *jobs) {
    std::printf("%-8lld %-6s %-8s %-8s %-4d %-20s %-28s %s\n", static_cast<long long>(job.id),
                std::string(store::JobKindName(job.kind)).c_str(),
                std::string(store::JobPriorityName(job.priority)).c_str(),
                std::string(store::JobStateName(job.state)).c_str(), job.attempts,
                FormatRfc3339(job.updated).c_str(), Shortened(job.key, 28).c_str(),
                Shortened(job.last_error, kErrorWidth).c_str());
  }
  return 0;
}

}  // namespace coolpapers::cli
