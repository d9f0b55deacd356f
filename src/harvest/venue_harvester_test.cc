#include "harvest/venue_harvester.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "net/polite_client.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/replay_server.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::harvest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kPassword[] = "s3cret-Passw0rd";

std::map<std::string, int64_t> GroupCounts(store::VenueStore& venues, std::string_view tag) {
  std::map<std::string, int64_t> counts;
  const std::vector<store::VenueGroupCount> groups = venues.GroupCounts(tag).value();
  for (const store::VenueGroupCount& group : groups) {
    counts[group.group] = group.papers;
  }
  return counts;
}

class VenueHarvesterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    venues_ = store::OpenSqliteVenueStore(dir_.path() / "s.sqlite").value();
    queue_ = store::OpenSqliteJobQueue(dir_.path() / "s.sqlite").value();
    net::CurlHttpClientOptions curl;
    curl.use_environment_proxy = false;
    http_ = net::MakeCurlHttpClient(curl);
    politeness_ = std::make_unique<net::HostPoliteness>(clock_);
    client_ = std::make_unique<net::PoliteClient>(
        *http_, *politeness_, net::RetryOptions{.max_attempts = 1}, clock_);
  }

  // A harvester whose `origin` requests go to the replay server.
  VenueHarvester Harvester(const std::string& origin, OpenReviewCredentials credentials = {}) {
    VenueHarvestOptions options;
    options.work_dir = dir_.path() / "venue-fetch";
    options.origins = {{origin, server_.Url("")}};
    options.openreview = std::move(credentials);
    SetVenueHostRules(*politeness_, options);
    return VenueHarvester(*client_, *venues_, *queue_, options);
  }

  // Serves the JSON answer recorded in an openreview-scrubbed sample at `target`.
  void ServeRecordedAnswer(const std::string& target, const std::filesystem::path& sample) {
    const auto recorded = nlohmann::json::parse(testing::ReadFileBytes(sample));
    server_.SetRoute(target, {200, {{"Content-Type", "application/json"}},
                              recorded["response"]["json"].dump(), false});
  }

  void ServeOpenReviewLogin() {
    server_.SetRoute("/login", {200, {{"Content-Type", "application/json"}},
                                R"({"token": "token-from-login", "user": {"id": "~Some_One1"}})",
                                false});
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  testing::ReplayServer server_;
  std::unique_ptr<store::VenueStore> venues_;
  std::unique_ptr<store::JobQueue> queue_;
  std::unique_ptr<net::HttpClient> http_;
  std::unique_ptr<net::HostPoliteness> politeness_;
  std::unique_ptr<net::PoliteClient> client_;
};

TEST_F(VenueHarvesterTest, HarvestsAnAclCollectionWithItsVenueYamlAndAgainChangesNothing) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const std::filesystem::path acl = shared / "venues" / "acl-anthology";
  server_.SetRouteFromFile("/acl-org/acl-anthology/master/data/xml/2024.naacl.xml",
                           acl / "2024.naacl.xml", "application/xml");
  server_.SetRouteFromFile("/acl-org/acl-anthology/master/data/yaml/venues/naacl.yaml",
                           acl / "yaml" / "venues" / "naacl.yaml", "text/yaml");
  VenueHarvester harvester = Harvester("https://raw.githubusercontent.com");

  auto first = harvester.Harvest("NAACL.2024");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->written.papers_new, 662);
  EXPECT_EQ(GroupCounts(*venues_, "NAACL.2024"),
            (std::map<std::string, int64_t>{{"Demos", 21}, {"Industry", 43}, {"Long", 487},
                                            {"SRW", 30}, {"Short", 75}, {"Tutorials", 6}}));
  const std::vector<std::string> id = {"2024.naacl-long.431@ACL"};
  EXPECT_EQ(venues_->VenuePapersByIds(id).value().at(0).title,
            "Naive Bayes-based Context Extension for Large Language Models");

  auto again = harvester.Harvest("NAACL.2024");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->written.papers_new, 0);
  EXPECT_EQ(again->written.papers_updated, 662);
  EXPECT_EQ(venues_->ListEditions().value().at(0).papers, 662);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "venue-fetch" / "NAACL.2024"));
}

TEST_F(VenueHarvesterTest, HarvestsAPmlrVolumeAsAQueuedJob) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const std::filesystem::path volume = shared / "venues" / "pmlr" / "v305-corl2025";
  server_.SetRouteFromFile("/mlresearch/v305/main/corl25.bib", volume / "corl25.bib", "text/plain");
  server_.SetRouteFromFile("/mlresearch/v305/main/_config.yml", volume / "_config.yml",
                           "text/yaml");
  VenueHarvester harvester = Harvester("https://raw.githubusercontent.com");

  auto job = harvester.Request("CoRL.2025", store::JobTime{});
  ASSERT_TRUE(job);
  EXPECT_EQ(job->key, "venue:CoRL.2025");
  EXPECT_EQ(job->kind, store::JobKind::kArxiv);
  EXPECT_EQ(job->priority, store::JobPriority::kAdmin);
  const jobs::JobOutcome outcome = harvester.RunJob(*job, {});
  ASSERT_EQ(outcome.kind, jobs::JobOutcome::Kind::kDone) << outcome.text;
  EXPECT_THAT(outcome.text, HasSubstr("263 papers read (263 new"));
  EXPECT_EQ(GroupCounts(*venues_, "CoRL.2025"),
            (std::map<std::string, int64_t>{{"Oral", 42}, {"Poster", 221}}));

  // A source that is down is tried again later; an unknown edition never.
  testing::Fault unavailable;
  unavailable.status = 503;
  server_.AddFault("/mlresearch/v305/main/corl25.bib", unavailable);
  EXPECT_EQ(harvester.RunJob(*job, {}).kind, jobs::JobOutcome::Kind::kRetry);
  store::Job unknown = *job;
  unknown.key = "venue:CoRL.1999";
  const jobs::JobOutcome refused = harvester.RunJob(unknown, {});
  EXPECT_EQ(refused.kind, jobs::JobOutcome::Kind::kFail);
  EXPECT_THAT(refused.text, HasSubstr("CoRL.2025"));
}

TEST_F(VenueHarvesterTest, LogsInToOpenReviewAndPagesTheAcceptedNotesWithTheOfficialCount) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  ServeOpenReviewLogin();
  const std::string listing =
      "/notes?content.venueid=ICLR.cc/2024/Conference&limit=1000&offset=";
  // The sample is trimmed to 3 of the 2,260 notes: the next page answers none.
  ServeRecordedAnswer(listing + "0&sort=number%3Aasc",
                      shared / "venues" / "openreview-scrubbed" /
                          "v2_iclr-2024_notes-presentation-conference.json");
  server_.SetRoute(listing + "3&sort=number%3Aasc",
                   {200, {{"Content-Type", "application/json"}}, R"({"notes": [], "count": 2260})",
                    false});
  VenueHarvester harvester =
      Harvester("https://api2.openreview.net", {"someone@example.org", kPassword});

  auto harvested = harvester.Harvest("ICLR.2024");
  ASSERT_TRUE(harvested) << harvested.error().message;
  EXPECT_EQ(harvested->written.papers_new, 3);
  EXPECT_EQ(GroupCounts(*venues_, "ICLR.2024"),
            (std::map<std::string, int64_t>{{"Oral", 1}, {"Poster", 1}, {"Spotlight", 1}}));
  const auto edition = venues_->LoadEdition("ICLR.2024").value();
  ASSERT_TRUE(edition);
  EXPECT_EQ(edition->official_count, 2260);

  const std::vector<testing::LoggedRequest> log = server_.RequestLog();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].method, "POST");
  EXPECT_EQ(log[0].target, "/login");
  const auto login = nlohmann::json::parse(log[0].body);
  EXPECT_EQ(login["id"], "someone@example.org");
  EXPECT_EQ(login["password"], kPassword);
  for (size_t i = 1; i < log.size(); ++i) {
    EXPECT_EQ(log[i].method, "GET");
    EXPECT_EQ(log[i].headers.at("authorization"), "Bearer token-from-login");
  }
}

TEST_F(VenueHarvesterTest, NeverShowsTheOpenReviewPasswordAndSaysWhatIsMissingWithoutIt) {
  server_.SetRoute("/login", {403, {{"Content-Type", "application/json"}},
                              R"({"name": "ForbiddenError", "message": "Invalid username or password"})",
                              false});
  VenueHarvester refused =
      Harvester("https://api2.openreview.net", {"someone@example.org", kPassword});
  auto failed = refused.Harvest("ICLR.2025");
  ASSERT_FALSE(failed);
  EXPECT_THAT(failed.error().message, HasSubstr("HTTP 403"));
  EXPECT_THAT(failed.error().message + failed.error().detail, Not(HasSubstr(kPassword)));
  store::Job job;
  job.key = "venue:ICLR.2025";
  const jobs::JobOutcome outcome = refused.RunJob(job, {});
  EXPECT_EQ(outcome.kind, jobs::JobOutcome::Kind::kFail);
  EXPECT_THAT(outcome.text, Not(HasSubstr(kPassword)));

  VenueHarvester anonymous = Harvester("https://api2.openreview.net");
  auto queued = anonymous.Request("ICLR.2025", store::JobTime{});
  ASSERT_FALSE(queued);
  EXPECT_THAT(queued.error().message, HasSubstr("OPENREVIEW_USERNAME"));
  EXPECT_THAT(anonymous.RunJob(job, {}).text, HasSubstr("[openreview]"));
  EXPECT_EQ(server_.RequestLog().size(), 2u);  // the refused logins; nothing sent without one
}

TEST_F(VenueHarvesterTest, FollowsOaiResumptionTokensThreeSecondsApartAndKeepsTheEdition) {
  const std::filesystem::path ojs = std::filesystem::path(COOLPAPERS_VENUE_FIXTURES) / "ojs";
  server_.SetRouteFromFile(
      "/index.php/AAAI/oai?verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01",
      ojs / "aaai-page-1.xml", "text/xml");
  server_.SetRouteFromFile("/index.php/AAAI/oai?verb=ListRecords&resumptionToken=aaai-token-1%2F2",
                           ojs / "aaai-page-2.xml", "text/xml");
  VenueHarvester harvester = Harvester("https://ojs.aaai.org");

  auto harvested = harvester.Harvest("AAAI.2024");
  ASSERT_TRUE(harvested) << harvested.error().message;
  EXPECT_EQ(harvested->written.papers_new, 2);  // 3745 is AAAI.2019's; 27750 has no title
  EXPECT_EQ(harvested->counts.skipped_lines, 1);
  std::vector<std::string> ids;
  const std::vector<VenuePaper> papers =
      venues_->PapersOfEdition("AAAI.2024", std::nullopt, 0, 10).value();
  for (const VenuePaper& paper : papers) {
    ids.push_back(paper.id.ToString());
  }
  EXPECT_THAT(ids, ElementsAre("27749@AAAI", "27751@AAAI"));
  EXPECT_FALSE(venues_->LoadEdition("AAAI.2019").value());
  EXPECT_THAT(clock_.Sleeps(), ElementsAre(std::chrono::milliseconds(3000)));
}

}  // namespace
}  // namespace coolpapers::harvest
