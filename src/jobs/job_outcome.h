// What a job handler reports when it returns: the work is done, should be tried again later,
// or failed for good. The worker pool turns it into the queue's state.
#ifndef COOLPAPERS_JOBS_JOB_OUTCOME_H_
#define COOLPAPERS_JOBS_JOB_OUTCOME_H_

#include <chrono>
#include <optional>
#include <string>

#include "core/error.h"

namespace coolpapers::jobs {

struct JobOutcome {
  enum class Kind { kDone, kRetry, kFail };
  Kind kind = Kind::kDone;
  std::string text;  // kDone: the result stored with the job; otherwise the error for people
  // kRetry: wait at least this long (a Retry-After, "the API lags: look again in 10 min");
  // std::nullopt lets the pool's backoff decide.
  std::optional<std::chrono::milliseconds> retry_after;

  static JobOutcome Done(std::string result = {}) { return {Kind::kDone, std::move(result), {}}; }
  static JobOutcome Retry(std::string error,
                          std::optional<std::chrono::milliseconds> after = std::nullopt) {
    return {Kind::kRetry, std::move(error), after};
  }
  static JobOutcome Fail(std::string error) { return {Kind::kFail, std::move(error), {}}; }
};

// The usual mapping of an Error: what can succeed later (kUnavailable, kTimeout) is retried,
// everything else fails for good. The text is the error's message.
JobOutcome OutcomeOf(const Error& error);

}  // namespace coolpapers::jobs

#endif  // COOLPAPERS_JOBS_JOB_OUTCOME_H_
