#include "jobs/job_router.h"

#include <algorithm>
#include <utility>

namespace coolpapers::jobs {

void JobRouter::Route(std::string key_prefix, JobHandler handler) {
  const auto longer = [&](const Entry& entry) { return entry.key_prefix.size() >= key_prefix.size(); };
  // Keeps routes_ ordered by descending prefix length, so the first match is the longest.
  const auto at = std::partition_point(routes_.begin(), routes_.end(), longer);
  routes_.insert(at, Entry{std::move(key_prefix), std::move(handler)});
}

void JobRouter::Refuse(std::string key_prefix, std::string reason) {
  Route(std::move(key_prefix),
        [reason = std::move(reason)](const store::Job&, const JobContext&) {
          return JobOutcome::Fail(reason);
        });
}

JobHandler JobRouter::Handler() const {
  return [routes = routes_](const store::Job& job, const JobContext& context) {
    for (const Entry& entry : routes) {
      if (job.key.starts_with(entry.key_prefix)) return entry.handler(job, context);
    }
    return JobOutcome::Fail("no service of this instance runs job " + job.key);
  };
}

}  // namespace coolpapers::jobs
