#include "ingest/arxiv_feed_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/support/replay_server.h"
#include "tests/support/shared_data.h"

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kFixture = std::string(COOLPAPERS_INGEST_TESTDATA) + "/rss_atom_sample.xml";

TEST(ParseAnnouncementFeed, ReadsEveryAnnounceTypeInOrder) {
  auto feed = ParseAnnouncementFeed(testing::ReadFileBytes(kFixture), kFixture);
  ASSERT_TRUE(feed) << feed.error().message;
  EXPECT_EQ(feed->feed_id, "http://rss.arxiv.org/atom/cs.CL");
  EXPECT_EQ(feed->day, Date::FromYmd(2025, 8, 21));
  ASSERT_EQ(feed->entries.size(), 4u);
  struct Expected {
    const char* id;
    int version;
    AnnounceType type;
    const char* announce_type;
  };
  const Expected expected[] = {
      {"2508.14001", 1, AnnounceType::kNew, "new"},
      {"2508.13990", 1, AnnounceType::kCross, "cross"},
      {"2402.01234", 3, AnnounceType::kReplace, "replace"},
      {"2307.00042", 2, AnnounceType::kReplace, "replace-cross"},
  };
  for (size_t i = 0; i < 4; ++i) {
    const AnnouncementEntry& entry = feed->entries[i];
    EXPECT_EQ(entry.paper.id, expected[i].id);
    EXPECT_EQ(entry.paper.version, expected[i].version) << expected[i].id;
    EXPECT_EQ(entry.type, expected[i].type) << expected[i].id;
    EXPECT_EQ(entry.announce_type, expected[i].announce_type);
    EXPECT_EQ(entry.position, static_cast<int64_t>(i));
  }
}

TEST(ParseAnnouncementFeed, CleansTheEntryMetadata) {
  auto feed = ParseAnnouncementFeed(testing::ReadFileBytes(kFixture), kFixture);
  ASSERT_TRUE(feed);
  const Paper& first = feed->entries[0].paper;
  EXPECT_EQ(first.title, "Parsing Sentences with Fewer Labels");
  EXPECT_EQ(first.abstract, "We parse sentences with Gödel-style tricks.");
  EXPECT_THAT(first.authors, ElementsAre("Ana Balázs", "Bo Chen", "Carla Diaz"));
  EXPECT_THAT(first.categories, ElementsAre("cs.CL", "cs.LG"));
  EXPECT_EQ(first.license, "http://creativecommons.org/licenses/by/4.0/");
  EXPECT_THAT(feed->entries[2].paper.authors, ElementsAre("Eve Fischer", "Frank Gold"));
  EXPECT_THAT(feed->entries[3].paper.categories, ElementsAre("eess.AS", "cs.CL", "cs.SD"));
}

TEST(ParseAnnouncementFeed, RejectsBadInputNamingTheSourceAndPlace) {
  const std::string head =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">"
      "<updated>2025-08-21T04:00:21+00:00</updated>";
  auto entry = [](const std::string& id, const std::string& type, const std::string& category) {
    return "<entry><id>" + id + "</id><title>T</title><category term=\"" + category +
           "\"/><arxiv:announce_type>" + type + "</arxiv:announce_type></entry>";
  };
  struct Case {
    std::string name;
    std::string xml;
    std::string message_part;
  };
  const Case cases[] = {
      {"truncated", head + "<entry><id>oai:arXiv.org:2508.1", "malformed XML at byte"},
      {"not a feed", "<rss><channel/></rss>", "expected <feed>"},
      {"no day", "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", "<updated>"},
      {"bad id", head + entry("oai:arXiv.org:nonsense", "new", "cs.CL") + "</feed>", "entry 1"},
      {"unknown type", head + entry("oai:arXiv.org:2508.14001v1", "withdrawn", "cs.CL") + "</feed>",
       "announce type \"withdrawn\""},
      {"no category", head + entry("oai:arXiv.org:2508.14001v1", "new", "68T50") + "</feed>",
       "no arXiv category"},
  };
  for (const Case& c : cases) {
    auto feed = ParseAnnouncementFeed(c.xml, "test:" + c.name);
    ASSERT_FALSE(feed) << c.name;
    EXPECT_EQ(feed.error().code, ErrorCode::kCorrupt) << c.name;
    EXPECT_THAT(feed.error().message, HasSubstr("test:" + c.name)) << c.name;
    EXPECT_THAT(feed.error().message, HasSubstr(c.message_part)) << c.name;
  }
}

TEST(ParseAnnouncementFeed, AcceptsAnEmptyDay) {
  auto feed = ParseAnnouncementFeed(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>http://rss.arxiv.org/atom/cs.AI</id>"
      "<updated>2025-08-23T04:00:00+00:00</updated></feed>",
      "empty");
  ASSERT_TRUE(feed) << feed.error().message;
  EXPECT_TRUE(feed->entries.empty());
  EXPECT_EQ(feed->day, Date::FromYmd(2025, 8, 23));
}

TEST(ParseAnnouncementFeed, ReadsTheRecordedCsAiFeed) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const auto path = shared / "raw/rss/rss-atom-cs.AI-2025-08-20-closed.xml";
  auto feed = ParseAnnouncementFeed(testing::ReadFileBytes(path), path.string());
  ASSERT_TRUE(feed) << feed.error().message;
  EXPECT_EQ(feed->day, Date::FromYmd(2025, 8, 20));
  ASSERT_EQ(feed->entries.size(), 86u);
  auto count = [&](AnnounceType type) {
    return std::ranges::count(feed->entries, type, &AnnouncementEntry::type);
  };
  EXPECT_EQ(count(AnnounceType::kNew), 41);
  EXPECT_EQ(count(AnnounceType::kCross), 45);
  const Paper& first = feed->entries[0].paper;
  EXPECT_EQ(first.id, "2508.13167");
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.title,
            "Chain-of-Agents: End-to-End Agent Foundation Models via Multi-Agent Distillation "
            "and Agentic RL");
  EXPECT_THAT(first.abstract, ::testing::StartsWith("Recent advances in large language models"));
  EXPECT_EQ(first.authors.front(), "Weizhen Li");
  EXPECT_THAT(first.categories, ElementsAre("cs.AI", "cs.CL"));
  EXPECT_EQ(first.license, "http://creativecommons.org/licenses/by-nc-sa/4.0/");
}

TEST(ParseAnnouncementFeed, RejectsTheTruncatedRecordingWithItsOffset) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  const auto path = shared / "raw/rss/rss-atom-cs.AI-2025-08-20.xml";
  const std::string xml = testing::ReadFileBytes(path);
  auto feed = ParseAnnouncementFeed(xml, path.string());
  ASSERT_FALSE(feed);
  EXPECT_EQ(feed.error().code, ErrorCode::kCorrupt);
  EXPECT_THAT(feed.error().message, HasSubstr("rss-atom-cs.AI-2025-08-20.xml"));
  // pugixml stops at the last byte, where the open <entry> and <feed> would have to close.
  EXPECT_THAT(feed.error().message, HasSubstr("at byte " + std::to_string(xml.size() - 1)));
}

}  // namespace
}  // namespace coolpapers::ingest
