// How the harvest of today's arXiv lists stands, in the terms a reader is shown on the home
// page: while an empty site fills, "harvesting 12 of 41 categories"; when arXiv cannot be read,
// why (in a reader's words, never the raw error) and when the next try is.
#ifndef COOLPAPERS_CORE_HARVEST_PROGRESS_H_
#define COOLPAPERS_CORE_HARVEST_PROGRESS_H_

#include <chrono>
#include <optional>
#include <string>

namespace coolpapers {

struct HarvestProgress {
  int categories = 0;  // the configured categories
  int checked = 0;     // of them, those read at least once (a harvested day, or a finished check)
  int pending = 0;     // of them, those whose check is queued or running, with no failure yet
  int failing = 0;     // of them, those whose latest check failed
  // Why the failing checks fail, for readers: "this server cannot reach arXiv (is it
  // offline?)". "" when none fails.
  std::string problem = {};
  // The earliest next try of a failing check; nullopt when none fails or none is scheduled.
  std::optional<std::chrono::sys_time<std::chrono::milliseconds>> retry_at = {};

  // An empty or new site is still receiving its first lists.
  bool Filling() const { return checked < categories && pending > 0; }
  bool operator==(const HarvestProgress&) const = default;
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_HARVEST_PROGRESS_H_
