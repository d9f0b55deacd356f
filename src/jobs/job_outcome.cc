#include "jobs/job_outcome.h"

namespace coolpapers::jobs {

JobOutcome OutcomeOf(const Error& error) {
  switch (error.code) {
    case ErrorCode::kUnavailable:
    case ErrorCode::kTimeout:
      return JobOutcome::Retry(error.message);
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kNotFound:
    case ErrorCode::kConflict:
    case ErrorCode::kCorrupt:
    case ErrorCode::kInternal:
      break;
  }
  return JobOutcome::Fail(error.message);
}

}  // namespace coolpapers::jobs
