#include "web/pages/list_page.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "web/static_files.h"
#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::Day;
using testing::HostilePaper;
using testing::SamplePaper;

// A 60-paper day of cs.CL seen through a slice of `show` cards starting at `skip`.
ListView SliceOfBigDay(int64_t skip, int64_t show) {
  ListView view;
  view.expression = "cs.CL";
  view.heading = "Computation and Language (cs.CL)";
  view.day = Day("2025-05-14");
  view.total = 60;
  view.skip = skip;
  view.show = show;
  view.previous_day = Day("2025-05-13");
  view.next_day = Day("2025-05-15");
  for (int64_t i = skip; i < std::min<int64_t>(skip + show, 60); ++i) {
    view.cards.push_back({SamplePaper("2505." + std::to_string(10000 + i)), AnnounceType::kNew});
  }
  return view;
}

TEST(ListPage, ShowsTheDayTheTotalAndTheNeighbouringDays) {
  const std::string page = RenderListPage(SliceOfBigDay(0, 25), PageFrame{});
  EXPECT_THAT(page, HasSubstr("<body id=\"arxiv\""));
  EXPECT_THAT(page, HasSubstr("<title>cs.CL: Wed, 14 May 2025</title>"));
  EXPECT_THAT(page, HasSubstr("<h1>Computation and Language (cs.CL)</h1>"));
  EXPECT_THAT(page, HasSubstr("<span class=\"day\">Wed, 14 May 2025</span>"));
  EXPECT_THAT(page, HasSubstr("<span class=\"total\">Total: 60</span>"));
  EXPECT_THAT(page, HasSubstr("<a class=\"previous-day\" href=\"/arxiv/cs.CL?date=2025-05-13\">"));
  EXPECT_THAT(page, HasSubstr("<a class=\"next-day\" href=\"/arxiv/cs.CL?date=2025-05-15\">"));
}

TEST(ListPage, RendersOneSliceAndLinksTheNext) {
  const std::string page = RenderListPage(SliceOfBigDay(0, 25), PageFrame{});
  EXPECT_THAT(page, HasSubstr(">#1</a>"));
  EXPECT_THAT(page, HasSubstr(">#25</a>"));
  EXPECT_THAT(page, Not(HasSubstr(">#26</a>")));
  EXPECT_THAT(page, HasSubstr("<nav class=\"more\"><a href=\"/arxiv/cs.CL?date=2025-05-14&amp;skip=25&amp;show=25\">"));
  // The front end that loads the rest of the day (frontend/js/lazy_cards.js), by hashed name.
  EXPECT_THAT(page, HasSubstr("<script type=\"module\" src=\"/assets/" +
                              std::string(MainScriptName()) + "\"></script>"));
}

TEST(ListPage, OmitsNeighbourLinksWhenThereAreNone) {
  ListView view = SliceOfBigDay(0, 25);
  view.previous_day.reset();
  view.next_day.reset();
  const std::string page = RenderListPage(view, PageFrame{});
  EXPECT_THAT(page, Not(HasSubstr("previous-day")));
  EXPECT_THAT(page, Not(HasSubstr("next-day")));
}

TEST(ListFragment, HoldsOnlyTheCardsNumberedOnFromSkip) {
  const std::string fragment = RenderListFragment(SliceOfBigDay(25, 25));
  EXPECT_THAT(fragment, Not(HasSubstr("<html")));
  EXPECT_THAT(fragment, Not(HasSubstr("<script")));
  EXPECT_EQ(fragment.rfind("<div class=\"panel paper\" id=\"2505.10025\">", 0), 0u);
  EXPECT_THAT(fragment, HasSubstr(">#26</a>"));
  EXPECT_THAT(fragment, HasSubstr(">#50</a>"));
  EXPECT_THAT(fragment, HasSubstr("href=\"/arxiv/cs.CL?date=2025-05-14&amp;skip=50&amp;show=25\""));
}

TEST(ListFragment, EndsWithoutANextLinkOnTheLastSlice) {
  const std::string fragment = RenderListFragment(SliceOfBigDay(50, 25));
  EXPECT_THAT(fragment, HasSubstr(">#60</a>"));
  EXPECT_THAT(fragment, Not(HasSubstr("nav class=\"more\"")));
}

TEST(ListPage, SaysSoWhenTheDayIsEmpty) {
  ListView view;
  view.expression = "cs.CL";
  view.heading = "cs.CL";
  view.day = Day("2025-05-17");
  const std::string page = RenderListPage(view, PageFrame{});
  EXPECT_THAT(page, HasSubstr("Total: 0"));
  EXPECT_THAT(page, HasSubstr("No papers were announced in cs.CL on Sat, 17 May 2025."));
}

TEST(ListPage, EscapesHostilePapers) {
  ListView view = SliceOfBigDay(0, 1);
  view.cards.front().paper = HostilePaper();
  const std::string page = RenderListPage(view, PageFrame{});
  EXPECT_THAT(page, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page, Not(HasSubstr("<img")));
  EXPECT_THAT(page, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST(ListUrl, AddsTheSliceOnlyWhenSkipping) {
  EXPECT_EQ(ListUrl("cs.AI,cs.CL", Day("2025-05-14")), "/arxiv/cs.AI,cs.CL?date=2025-05-14");
  EXPECT_EQ(ListUrl("cs.AI", Day("2025-05-14"), 25, 25), "/arxiv/cs.AI?date=2025-05-14&skip=25&show=25");
}

}  // namespace
}  // namespace coolpapers::web
