#include "web/pages/home_page.h"

#include <chrono>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::Day;

HomeView TwoGroups() {
  HomeView view;
  view.groups.push_back({"Computer Science",
                         {{"cs.AI", "Artificial Intelligence", "Computer Science", Day("2025-05-14"), 312},
                          {"cs.AR", "Hardware Architecture", "Computer Science", std::nullopt, 0}}});
  view.groups.push_back({"Physics",
                         {{"astro-ph.CO", "Cosmology", "Astrophysics", std::nullopt, 0},
                          {"hep-th", "High Energy Physics - Theory", "High Energy Physics - Theory",
                           Day("2025-05-13"), 40},
                          {"hep-ex", "High Energy Physics - Experiment", "High Energy Physics - Experiment",
                           Day("2025-05-13"), 1}}});
  return view;
}

TEST(HomePage, LinksCategoriesWithDataToTheirListAndNewestDay) {
  const std::string page = RenderHomePage(TwoGroups(), PageFrame{});
  EXPECT_THAT(page, HasSubstr("<a class=\"category\" href=\"/arxiv/cs.AI\">Artificial Intelligence (cs.AI)</a> "
                              "<a class=\"day\" href=\"/arxiv/cs.AI?date=2025-05-14\">2025-05-14</a> "
                              "<span class=\"count\">312 papers</span> "
                              "<a class=\"feed\" href=\"/arxiv/cs.AI/feed\" title=\"Atom feed of cs.AI\">feed</a>"));
  EXPECT_THAT(page, HasSubstr("<span class=\"count\">1 paper</span>"));
  EXPECT_THAT(page, HasSubstr("<form class=\"search home-search\" action=\"/arxiv/search\""));
  EXPECT_THAT(page, HasSubstr("<span class=\"category empty\">Hardware Architecture (cs.AR)</span>"));
  EXPECT_THAT(page, Not(HasSubstr("href=\"/arxiv/cs.AR\"")));
}

TEST(HomePage, MarksEveryCategoryItemWithItsId) {
  const std::string page = RenderHomePage(TwoGroups(), PageFrame{});
  EXPECT_THAT(page, HasSubstr("<li data-category=\"cs.AI\"><a class=\"category\""));
  EXPECT_THAT(page, HasSubstr("<li data-category=\"cs.AR\"><span class=\"category empty\">"));
  EXPECT_THAT(page, HasSubstr("<li data-category=\"astro-ph.CO\">"));
}

TEST(HomePage, GroupsInOrderWithArchiveHeadingsWhereSeveral) {
  const std::string page = RenderHomePage(TwoGroups(), PageFrame{});
  const size_t cs = page.find("<h2>Computer Science</h2>");
  const size_t physics = page.find("<h2>Physics</h2>");
  ASSERT_NE(cs, std::string::npos);
  ASSERT_NE(physics, std::string::npos);
  EXPECT_LT(cs, physics);
  EXPECT_THAT(page, HasSubstr("<h3>Astrophysics</h3>"));
  EXPECT_THAT(page, HasSubstr("<h3>High Energy Physics - Theory</h3>"));
  EXPECT_THAT(page, Not(HasSubstr("<h3>Computer Science</h3>")));
}

TEST(HomePage, SaysHowFarTheFirstHarvestGot) {
  HomeView view = TwoGroups();
  view.harvest_progress = HarvestProgress{.categories = 41, .checked = 12, .pending = 29};
  const std::string page = RenderHomePage(view, PageFrame{});
  EXPECT_THAT(page, HasSubstr("<p class=\"harvest-progress\" role=\"status\">Harvesting 12 of 41 "
                              "categories from arXiv; each list appears here as soon as it "
                              "arrives.</p>"));
  EXPECT_THAT(page, Not(HasSubstr("harvest-problem")));

  // Once every category was read, routine checks say nothing.
  view.harvest_progress = HarvestProgress{.categories = 41, .checked = 41, .pending = 41};
  EXPECT_THAT(RenderHomePage(view, PageFrame{}), Not(HasSubstr("Harvesting")));
  view.harvest_progress.reset();
  EXPECT_THAT(RenderHomePage(view, PageFrame{}), Not(HasSubstr("harvest-")));
}

TEST(HomePage, SaysWhyTheHarvestFailsAndWhenItTriesAgain) {
  HomeView view = TwoGroups();
  view.harvest_progress = HarvestProgress{
      .categories = 41,
      .checked = 41,
      .failing = 3,
      .problem = "arXiv is busy <or> down",
      .retry_at = std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::sys_days(std::chrono::year(2025) / 8 / 20)) +
                  std::chrono::hours(15) + std::chrono::minutes(42) + std::chrono::seconds(7)};
  std::string page = RenderHomePage(view, PageFrame{});
  EXPECT_THAT(page, HasSubstr("<p class=\"harvest-problem\" role=\"status\">Today's lists could "
                              "not be fetched for 3 of 41 categories: arXiv is busy &lt;or&gt; "
                              "down. Next try at 2025-08-20 15:42 UTC.</p>"));
  view.harvest_progress->retry_at.reset();
  page = RenderHomePage(view, PageFrame{});
  EXPECT_THAT(page, HasSubstr("down. It is tried again at the next check.</p>"));
}

// An edition's count reads as a category's does: "1 paper", "263 papers".
TEST(HomePage, CountsEachEditionsPapersInTheVenuesSection) {
  HomeView view = TwoGroups();
  VenueEdition corl;
  corl.venue = "CoRL";
  corl.year = 2025;
  VenueEdition osact;
  osact.venue = "OSACT";
  osact.year = 2024;
  view.venues = {{corl, 263, 263}, {osact, 1, 1}};
  const std::string page = RenderHomePage(view, PageFrame{});
  EXPECT_THAT(page, HasSubstr("href=\"/venue/CoRL.2025\">CoRL.2025</a>"));
  EXPECT_THAT(page, HasSubstr("<span class=\"count\">263 papers</span></li>"));
  EXPECT_THAT(page, HasSubstr("<span class=\"count\">1 paper</span></li>"));
  EXPECT_THAT(page, Not(HasSubstr("1 papers")));
}

}  // namespace
}  // namespace coolpapers::web
