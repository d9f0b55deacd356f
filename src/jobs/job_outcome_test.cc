#include "jobs/job_outcome.h"

#include <gtest/gtest.h>

namespace coolpapers::jobs {
namespace {

TEST(OutcomeOf, RetriesWhatCanSucceedLaterAndFailsTheRest) {
  struct Case {
    ErrorCode code;
    JobOutcome::Kind expected;
  };
  const Case cases[] = {
      {ErrorCode::kUnavailable, JobOutcome::Kind::kRetry},
      {ErrorCode::kTimeout, JobOutcome::Kind::kRetry},
      {ErrorCode::kInvalidArgument, JobOutcome::Kind::kFail},
      {ErrorCode::kNotFound, JobOutcome::Kind::kFail},
      {ErrorCode::kConflict, JobOutcome::Kind::kFail},
      {ErrorCode::kCorrupt, JobOutcome::Kind::kFail},
      {ErrorCode::kInternal, JobOutcome::Kind::kFail},
  };
  for (const Case& c : cases) {
    JobOutcome outcome = OutcomeOf(Error{c.code, "arXiv said no", "detail for the log"});
    EXPECT_EQ(outcome.kind, c.expected) << ErrorCodeName(c.code);
    EXPECT_EQ(outcome.text, "arXiv said no") << ErrorCodeName(c.code);
    EXPECT_FALSE(outcome.retry_after) << ErrorCodeName(c.code);
  }
}

}  // namespace
}  // namespace coolpapers::jobs
