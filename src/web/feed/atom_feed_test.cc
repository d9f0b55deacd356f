#include "web/feed/atom_feed.h"

#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

FeedView OneEntry(Paper paper) {
  FeedView view;
  view.title = "coolpapers: cs.CL";
  view.self_path = "/arxiv/cs.CL/feed";
  view.html_path = "/arxiv/cs.CL";
  view.updated = PaperUpdated(paper);
  view.papers.push_back(std::move(paper));
  return view;
}

TEST(AtomFeed, EntryHasStableIdTimesAuthorsAndLinks) {
  const std::string feed = RenderAtomFeed(OneEntry(testing::SamplePaper("2505.00001")));
  EXPECT_THAT(feed, HasSubstr("<id>urn:arxiv:2505.00001</id>"));
  EXPECT_THAT(feed, HasSubstr("<updated>2025-05-13T17:30:00Z</updated>"));
  EXPECT_THAT(feed, HasSubstr("<published>2025-05-13T17:30:00Z</published>"));
  EXPECT_THAT(feed, HasSubstr("<author><name>Ada Lovelace</name></author>"));
  EXPECT_THAT(feed,
              HasSubstr("<link rel=\"alternate\" type=\"text/html\" href=\"/arxiv/2505.00001\"/>"));
  EXPECT_THAT(feed, HasSubstr("href=\"https://arxiv.org/pdf/2505.00001\""));
  EXPECT_THAT(feed, HasSubstr("<category term=\"cs.CL\"/>"));
  EXPECT_EQ(feed, RenderAtomFeed(OneEntry(testing::SamplePaper("2505.00001"))));
}

TEST(AtomFeed, EscapesMarkupAndDropsWhatXmlForbids) {
  Paper paper = testing::HostilePaper();
  paper.abstract += std::string("\x01\x1b bell \xff end");
  const std::string feed = RenderAtomFeed(OneEntry(paper));
  EXPECT_THAT(feed, Not(HasSubstr("<script>")));
  EXPECT_THAT(feed, HasSubstr("&lt;script&gt;"));
  EXPECT_THAT(feed, Not(HasSubstr("\x01")));
  EXPECT_THAT(feed, HasSubstr("bell \xEF\xBF\xBD end"));
}

// The summary element exactly as written for each kind of text: runs of plain text are copied
// whole, and every other byte handled one at a time.
TEST(AtomFeed, WritesEachKindOfTextExactly) {
  const std::string kReplacement = "\xEF\xBF\xBD";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"plain words", "plain words"},
      {"a & b", "a &amp; b"},
      {"x<y>z\"", "x&lt;y&gt;z&quot;"},
      {"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
      {"bell\x07" "del\x7f" "end", "bell delend"},
      {"Schr\xC3\xB6" "dinger 😀", "Schr\xC3\xB6" "dinger 😀"},
      {"cut \xC3", "cut " + kReplacement},
      {"\xED\xA0\x80", kReplacement + kReplacement + kReplacement},  // a surrogate
      {"\xEF\xBF\xBE!", kReplacement + kReplacement + kReplacement + "!"},  // U+FFFE
      {"\xFF&\xC3\xB6", kReplacement + "&amp;\xC3\xB6"},
  };
  for (const auto& [text, expected] : cases) {
    Paper paper = testing::SamplePaper("2505.00001");
    paper.abstract = text;
    EXPECT_THAT(RenderAtomFeed(OneEntry(paper)), HasSubstr("<summary>" + expected + "</summary>"))
        << text;
  }
}

}  // namespace
}  // namespace coolpapers::web
