// The one exponential backoff with jitter, shared by the HTTP retry policy (src/net) and the
// job queue's workers (src/jobs), so every retry in the program waits the same way.
#ifndef COOLPAPERS_CORE_BACKOFF_H_
#define COOLPAPERS_CORE_BACKOFF_H_

#include <chrono>

namespace coolpapers {

struct BackoffRule {
  std::chrono::milliseconds initial{2'000};
  std::chrono::milliseconds max{120'000};
  // The share of each delay that is randomised: 0.5 waits between 50% and 100% of it, so
  // callers that failed together do not retry together.
  double jitter = 0.5;
};

// The wait after failed attempt number `attempt` (1 for the first): initial * 2^(attempt-1),
// capped at max, with `random_unit` in [0, 1) choosing where in the jitter range it falls.
// Pure; thread-safe.
std::chrono::milliseconds JitteredBackoff(const BackoffRule& rule, int attempt, double random_unit);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_BACKOFF_H_
