// /api/status's document for strangers and for admins (issue #18 finding 9): the workers' own
// error texts, which may name the model's address or quote the provider, reach only admins and
// `doctor`.
#include "web/api/status_json.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/sqlite_harvest_state.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kModelError =
    "the model at http://10.1.2.3:8000/v1 answered 401: invalid api key sk-live";

TEST(StatusJson, OnlyAdminsReadTheWorkersErrorTexts) {
  coolpapers::testing::TempDir dir;
  const auto path = dir.path() / "store.sqlite";
  auto queue = store::OpenSqliteJobQueue(path).value();
  auto harvest = store::OpenSqliteHarvestState(path).value();
  const store::JobTime now{std::chrono::milliseconds(1'747'000'000'000)};
  ASSERT_TRUE(queue->Enqueue({store::JobKind::kLlm, "faq:2401.06769v1:en",
                              store::JobPriority::kToday, ""}, now));
  const auto job = queue->Claim(store::JobKind::kLlm, "w1", now, std::chrono::minutes(1)).value();
  ASSERT_TRUE(job.has_value());
  ASSERT_TRUE(queue->Release(job->id, "w1", kModelError, std::nullopt, now));

  jobs::WorkerPoolStatus pool;
  pool.kind = store::JobKind::kLlm;
  pool.last_queue_error = std::string(kModelError);
  const jobs::WorkerPoolStatus pools[] = {pool};
  StatusContext context;
  context.pools = pools;
  context.now = now;

  const std::string public_text = RenderStatusJson(*harvest, *queue, context).value();
  EXPECT_THAT(public_text, Not(HasSubstr("10.1.2.3")));
  EXPECT_THAT(public_text, Not(HasSubstr("api key")));
  const nlohmann::json shown = nlohmann::json::parse(public_text);
  EXPECT_EQ(shown["recent_failures"][0]["key"], "faq:2401.06769v1:en");
  EXPECT_EQ(shown["recent_failures"][0]["last_error"], "hidden: see the server log");
  EXPECT_EQ(shown["workers"][0]["last_queue_error"], "hidden: see the server log");

  context.details = true;  // doctor, or a reader with the magic token
  const nlohmann::json admin = nlohmann::json::parse(RenderStatusJson(*harvest, *queue, context).value());
  EXPECT_EQ(admin["recent_failures"][0]["last_error"].get<std::string>(), kModelError);
  EXPECT_EQ(admin["workers"][0]["last_queue_error"].get<std::string>(), kModelError);
}

// Issue #14's coverage: the editions whose stored accepted papers differ from the official count,
// and none of the others; no "venues" key without a venue store.
TEST(StatusJson, ListsTheVenueEditionsWhoseCountDiffersFromTheOfficialOne) {
  coolpapers::testing::TempDir dir;
  const auto path = dir.path() / "store.sqlite";
  auto queue = store::OpenSqliteJobQueue(path).value();
  auto harvest = store::OpenSqliteHarvestState(path).value();
  auto venues = store::OpenSqliteVenueStore(path).value();
  VenueEdition iclr = ParseEditionTag("ICLR.2024").value();
  iclr.official_count = 2260;
  iclr.official_count_source = "OpenReview API";
  ASSERT_TRUE(venues->WriteEdition(iclr));
  VenueEdition corl = ParseEditionTag("CoRL.2025").value();
  corl.official_count = 1;
  ASSERT_TRUE(venues->WriteEdition(corl));
  ASSERT_TRUE(venues->WriteEdition(ParseEditionTag("COLT.2026").value()));  // no official count
  std::vector<VenuePaper> papers;
  for (const char* edition : {"ICLR.2024", "CoRL.2025", "COLT.2026"}) {
    VenuePaper paper;
    paper.id = ParseVenuePaperId(std::string("p") + edition[1] + "@OpenReview").value();
    paper.edition = edition;
    paper.title = std::string("A paper of ") + edition;
    paper.status = "Accept";
    papers.push_back(std::move(paper));
  }
  ASSERT_TRUE(venues->WriteVenuePapers(papers));

  StatusContext context;
  EXPECT_FALSE(nlohmann::json::parse(RenderStatusJson(*harvest, *queue, context).value()).contains("venues"));
  context.venues = venues.get();
  const nlohmann::json status = nlohmann::json::parse(RenderStatusJson(*harvest, *queue, context).value());
  EXPECT_EQ(status["venues"]["editions"], 3);
  const nlohmann::json& differing = status["venues"]["coverage_differs"];
  ASSERT_EQ(differing.size(), 1u) << differing.dump();
  EXPECT_EQ(differing[0]["edition"], "ICLR.2024");
  EXPECT_EQ(differing[0]["accepted"], 1);
  EXPECT_EQ(differing[0]["official_count"], 2260);
  EXPECT_EQ(differing[0]["coverage"], "1 of 2,260 accepted papers (OpenReview API)");
}

}  // namespace
}  // namespace coolpapers::web
