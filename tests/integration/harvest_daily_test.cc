// Issue #3, `coolpapers harvest --daily` as a process: killing it (kill -9) in the middle of a
// harvest and running it again converges to the same store as a run that was never
// interrupted, and the interrupted day is never visible as complete in between; a day the
// export API has not caught up with is reported incomplete (exit code 3) with the reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "cli/data_dir.h"
#include "core/category_expr.h"
#include "store/sqlite_harvest_state.h"
#include "store/sqlite_store.h"
#include "tests/support/arxiv_fixtures.h"
#include "tests/support/replay_server.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {
namespace {

using testing::ArxivDay;
using testing::FeedItem;
using testing::Fault;
using testing::ReplayServer;

// Sorted, so the config (job) order is the order of ArxivDay::feeds.
const std::vector<std::string> kCategories = {"cs.CL", "cs.CV", "cs.GR", "cs.RO"};
constexpr int kBatch = 10;
constexpr std::chrono::milliseconds kMinInterval{100};

// Papers listed in exactly one of the harvested categories, so the export API requests of each
// category do not depend on the order the categories are harvested in (a killed job is taken
// up again only when its lease has passed, possibly after the next category's).
ArxivDay MakeDay(const std::filesystem::path& shared) {
  constexpr int kPerCategory = 25;  // a few API batches each, so the kill lands mid-harvest
  std::map<std::string, int> taken;
  std::vector<Paper> papers;
  for (Paper& paper : testing::LoadArxivPapers(shared, 1000)) {
    const auto listed = std::ranges::find_first_of(paper.categories, kCategories);
    const auto in_set = std::ranges::count_if(paper.categories, [](const std::string& category) {
      return std::ranges::find(kCategories, category) != kCategories.end();
    });
    if (in_set == 1 && ++taken[*listed] <= kPerCategory) papers.push_back(std::move(paper));
  }
  return testing::MakeArxivDay(papers, kCategories, Date::FromYmd(2025, 8, 20));
}

std::filesystem::path WriteConfig(const std::filesystem::path& dir, const ReplayServer& server,
                                  const std::string& extra_harvest_keys = {}) {
  const std::filesystem::path file = dir / "harvest.toml";
  std::ofstream out(file);
  out << "[http]\ntimeout = \"20s\"\nretry_attempts = 3\nretry_initial_backoff = \"50ms\"\n"
      << "[arxiv]\nmin_interval = \"" << kMinInterval.count() << "ms\"\n"
      << "feed_base_url = \"" << server.Url("/atom/") << "\"\n"
      << "api_url = \"" << server.Url("/api/query") << "\"\n"
      << "oai_url = \"" << server.Url("/oai") << "\"\n"
      << "api_batch_size = " << kBatch << "\n"
      << "[harvest]\ncategories = [";
  for (size_t i = 0; i < kCategories.size(); ++i) {
    out << (i ? ", " : "") << '"' << kCategories[i] << '"';
  }
  out << "]\n" << extra_harvest_keys << "[jobs.arxiv]\nworkers = 1\nlease = \"1s\"\ninitial_backoff = \"100ms\"\n";
  return file;
}

testing::CommandResult HarvestDaily(const std::filesystem::path& data,
                                    const std::filesystem::path& config,
                                    std::chrono::seconds timeout) {
  return testing::RunCoolpapers(
      {"harvest", "--daily", "--data", data.string(), "--config", config.string()}, timeout);
}

struct StoreView {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<store::HarvestState> state;
};

StoreView Open(const std::filesystem::path& data) {
  StoreView view;
  auto store = store::OpenSqliteStore(cli::StorePath(data));
  EXPECT_TRUE(store) << store.error().message;
  if (store) view.store = std::move(*store);
  auto state = store::OpenSqliteHarvestState(cli::StorePath(data));
  EXPECT_TRUE(state) << state.error().message;
  if (state) view.state = std::move(*state);
  return view;
}

std::optional<store::CategoryDayStatus> DayOf(StoreView& view, const std::string& category,
                                              Date day) {
  auto status = view.state->Day(category, day);
  EXPECT_TRUE(status);
  return status ? *status : std::nullopt;
}

// Everything a reader could see of the day in `view`, as text, so two stores compare at once.
std::string Dump(StoreView& view, Date day) {
  std::string dump;
  for (const std::string& category : kCategories) {
    auto list = view.store->ListDay(*ParseCategoryExpr(category), day);
    EXPECT_TRUE(list);
    std::vector<std::string> ids;
    dump += "== " + category + "\n";
    for (const store::ListedPaper& listed : list->papers) {
      dump += listed.paper_id + " " + std::string(AnnounceTypeName(listed.type)) + "\n";
      ids.push_back(listed.paper_id);
    }
    auto papers = view.store->PapersByIds(ids);
    EXPECT_TRUE(papers);
    for (const Paper& paper : *papers) {
      dump += paper.id + " v" + std::to_string(paper.version) + " | " + paper.title + " | " +
              paper.abstract.substr(0, 40) + " | " + paper.comments + " | " + paper.journal_ref +
              " | " + paper.doi + " | " + paper.license + " | " +
              (paper.first_listed ? paper.first_listed->ToIso() : "-");
      for (const std::string& author : paper.authors) dump += " | " + author;
      for (const std::string& c : paper.categories) dump += " " + c;
      for (const PaperVersion& version : paper.versions) {
        dump += " v" + std::to_string(version.number) + "@" +
                std::to_string(version.submitted.time_since_epoch().count());
      }
      dump += "\n";
    }
    const auto status = DayOf(view, category, day);
    dump += status ? "feed " + std::to_string(status->feed.total()) + " stored " +
                         std::to_string(status->stored.total()) +
                         (status->complete ? " complete" : " INCOMPLETE")
                   : "no status";
    dump += "\n";
  }
  return dump;
}

TEST(HarvestDaily, KilledHarvestConvergesToTheUninterruptedStore) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const ArxivDay day = MakeDay(shared);
  std::set<std::string> described;
  std::vector<std::vector<std::string>> asked;  // per category, the ids asked in order
  for (const auto& [category, feed] : day.feeds) {
    asked.push_back(testing::IdsToDescribe(feed, described));
    ASSERT_FALSE(asked.back().empty()) << category;
  }

  // Interrupted: the second category's API answer hangs; the process is killed meanwhile.
  testing::TempDir interrupted_dir;
  ReplayServer interrupted_server;
  testing::ServeArxivDay(interrupted_server, day, "/atom/", "/api/query", kBatch);
  const std::vector<std::string>& second = asked[1];
  const std::span<const std::string> hanging =
      second.size() > kBatch ? std::span(second).subspan(kBatch, std::min<size_t>(kBatch, second.size() - kBatch))
                             : std::span(second);
  interrupted_server.AddFault(testing::IdListTarget("/api/query", hanging),
                              Fault{Fault::Kind::kDelay, 200, {}, std::chrono::seconds(12)});
  const auto interrupted_config = WriteConfig(interrupted_dir.path(), interrupted_server);
  const auto data = interrupted_dir.path() / "data";
  const testing::CommandResult killed =
      HarvestDaily(data, interrupted_config, std::chrono::seconds(6));
  ASSERT_EQ(killed.exit_code, -1) << "expected the harvest to be killed:\n" << killed.output;
  {
    // No partial day visible as complete: the first category is done, the second is not.
    StoreView view = Open(data);
    const auto first_day = DayOf(view, kCategories[0], day.day);
    ASSERT_TRUE(first_day);
    EXPECT_TRUE(first_day->complete) << first_day->note;
    const auto second_day = DayOf(view, kCategories[1], day.day);
    ASSERT_TRUE(second_day);
    EXPECT_FALSE(second_day->complete);
    EXPECT_FALSE(DayOf(view, kCategories[2], day.day));
  }

  const testing::CommandResult resumed =
      HarvestDaily(data, interrupted_config, std::chrono::seconds(90));
  EXPECT_EQ(resumed.exit_code, 0) << resumed.output;

  // Uninterrupted, in another data folder against its own server.
  testing::TempDir clean_dir;
  ReplayServer clean_server;
  testing::ServeArxivDay(clean_server, day, "/atom/", "/api/query", kBatch);
  const auto clean_data = clean_dir.path() / "data";
  const testing::CommandResult clean =
      HarvestDaily(clean_data, WriteConfig(clean_dir.path(), clean_server), std::chrono::seconds(90));
  ASSERT_EQ(clean.exit_code, 0) << clean.output;
  for (const std::string& category : kCategories) {
    EXPECT_NE(clean.output.find(category), std::string::npos) << clean.output;
  }

  StoreView after_kill = Open(data);
  StoreView uninterrupted = Open(clean_data);
  const std::string expected = Dump(uninterrupted, day.day);
  EXPECT_EQ(Dump(after_kill, day.day), expected);
  EXPECT_EQ(after_kill.store->PaperCount().value_or(-1),
            uninterrupted.store->PaperCount().value_or(-2));
  EXPECT_EQ(expected.find("INCOMPLETE"), std::string::npos) << expected;

  // Politeness held throughout, across both processes.
  const auto log = interrupted_server.RequestLog();
  for (size_t i = 1; i < log.size(); ++i) {
    // Arrival stamps include connection set-up, hence the allowance (see harvester_test.cc).
    EXPECT_GE(log[i].arrived - log[i - 1].arrived, kMinInterval - std::chrono::milliseconds(40))
        << log[i - 1].target << " then " << log[i].target;
  }
}

TEST(HarvestDaily, DayTheApiLagsOnIsReportedIncompleteWithTheReason) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const ArxivDay day = MakeDay(shared);
  testing::TempDir dir;
  ReplayServer server;
  testing::ServeArxivDay(server, day, "/atom/", "/api/query", kBatch);
  // The API does not know the first cs.CV paper yet.
  std::set<std::string> described;
  std::vector<std::string> cv_ids;
  for (const auto& [category, feed] : day.feeds) {
    std::vector<std::string> ids = testing::IdsToDescribe(feed, described);
    if (category == "cs.CV") cv_ids = std::move(ids);
  }
  ASSERT_FALSE(cv_ids.empty());
  std::map<std::string, Paper> lagging = day.papers;
  lagging.erase(cv_ids.front());
  testing::ServeIdListBatches(server, "/api/query", cv_ids, lagging, kBatch);

  const auto config = WriteConfig(dir.path(), server, "incomplete_retry = \"10m\"\n");
  const testing::CommandResult run =
      HarvestDaily(dir.path() / "data", config, std::chrono::seconds(90));
  EXPECT_EQ(run.exit_code, 3) << run.output;
  EXPECT_NE(run.output.find("cs.CV      2025-08-20  "), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("INCOMPLETE: 1 of " + std::to_string(day.feeds.at("cs.CV").size()) +
                                " papers await metadata from the arXiv API"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("cs.CL      2025-08-20  "), std::string::npos) << run.output;
}

}  // namespace
}  // namespace coolpapers
