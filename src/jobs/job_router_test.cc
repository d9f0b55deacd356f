#include "jobs/job_router.h"

#include <gtest/gtest.h>

#include <string>

namespace coolpapers::jobs {
namespace {

store::Job JobKeyed(std::string key) {
  store::Job job;
  job.kind = store::JobKind::kLlm;
  job.key = std::move(key);
  return job;
}

JobHandler Answering(std::string result) {
  return [result = std::move(result)](const store::Job&, const JobContext&) {
    return JobOutcome::Done(result);
  };
}

TEST(JobRouter, TheLongestMatchingPrefixRunsTheJob) {
  JobRouter router;
  router.Route("translate:", Answering("translation"));
  router.Route("", Answering("faq"));
  router.Route("translate:2401", Answering("special"));
  const JobHandler handler = router.Handler();
  const JobContext context;
  EXPECT_EQ(handler(JobKeyed("translate:2305.00001v1"), context).text, "translation");
  EXPECT_EQ(handler(JobKeyed("translate:2401.06769v2"), context).text, "special");
  EXPECT_EQ(handler(JobKeyed("faq:2401.06769v2:en"), context).text, "faq");
}

TEST(JobRouter, ARefusedPrefixFailsWithItsReason) {
  JobRouter router;
  router.Route("", Answering("faq"));
  router.Refuse("translate:", "this instance no longer translates papers ([translate])");
  const JobOutcome outcome = router.Handler()(JobKeyed("translate:2401.06769v1"), JobContext{});
  EXPECT_EQ(outcome.kind, JobOutcome::Kind::kFail);
  EXPECT_EQ(outcome.text, "this instance no longer translates papers ([translate])");
}

TEST(JobRouter, AJobNoRouteTakesFailsNamingItsKey) {
  JobRouter router;
  router.Route("faq:", Answering("faq"));
  const JobOutcome outcome = router.Handler()(JobKeyed("summary:2401.06769"), JobContext{});
  EXPECT_EQ(outcome.kind, JobOutcome::Kind::kFail);
  EXPECT_EQ(outcome.text, "no service of this instance runs job summary:2401.06769");
}

TEST(JobRouter, TheHandlerKeepsTheRoutesItWasMadeWith) {
  JobRouter router;
  router.Route("", Answering("first"));
  const JobHandler handler = router.Handler();
  router.Route("faq:", Answering("later"));
  EXPECT_EQ(handler(JobKeyed("faq:1"), JobContext{}).text, "first");
}

}  // namespace
}  // namespace coolpapers::jobs
