// The instance's state as JSON, for /api/status and `coolpapers doctor`: each harvested
// category's newest day (complete or why not), the job queue per kind and state, the latest
// failures, and the live worker pools when the caller runs them.
#ifndef COOLPAPERS_WEB_API_STATUS_JSON_H_
#define COOLPAPERS_WEB_API_STATUS_JSON_H_

#include <span>
#include <string>

#include "core/error.h"
#include "jobs/worker_pool.h"
#include "store/harvest_state.h"
#include "store/job_queue.h"
#include "store/venue_store.h"

namespace coolpapers::web {

struct StatusContext {
  bool harvest_enabled = false;
  std::span<const jobs::WorkerPoolStatus> pools;  // empty outside `serve`
  store::JobTime now{};
  // The workers' own error texts (jobs' last_error, pools' last_queue_error): for `doctor` and
  // admins only, as they may name the model's address or quote a provider (issue #18 finding
  // 9); others read "hidden: see the server log" where a text exists.
  bool details = false;
  // The venue editions, for the editions whose stored accepted papers differ from the official
  // count; null: no "venues" key (a PostgreSQL store keeps none).
  store::VenueStore* venues = nullptr;
};

// {"time", "harvest": {"enabled", "incomplete_days", "categories": [...]}, "jobs": {kind:
// {state: n}}, "recent_failures": [...], "workers": [...], "venues": {"editions": N,
// "coverage_differs": [{"edition", "papers", "accepted", "official_count",
// "official_count_source", "coverage"}]}}. Store errors pass through.
[[nodiscard]] Result<std::string> RenderStatusJson(store::HarvestState& harvest,
                                                   store::JobQueue& queue,
                                                   const StatusContext& context);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_API_STATUS_JSON_H_
