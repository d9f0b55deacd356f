#include "harvest/paper_merge.h"

#include <gtest/gtest.h>

namespace coolpapers::harvest {
namespace {

const UtcTime kMay{std::chrono::sys_days{std::chrono::May / 12 / 2025}};
const UtcTime kJune{std::chrono::sys_days{std::chrono::June / 2 / 2025}};

Paper FeedPaper(int version) {
  Paper paper;
  paper.id = "2505.01234";
  paper.version = version;
  paper.title = "A title";
  paper.authors = {"Ada Lovelace"};
  paper.abstract = "An abstract.";
  paper.categories = {"cs.CL", "cs.AI"};
  paper.license = "http://creativecommons.org/licenses/by/4.0/";
  return paper;
}

Paper ApiPaper(int version) {
  Paper paper = FeedPaper(version);
  paper.license.clear();  // the API has none
  paper.comments = "9 pages";
  paper.doi = "10.1000/xyz";
  paper.versions = {{1, kMay}};
  if (version == 2) paper.versions.push_back({2, kJune});
  return paper;
}

TEST(DescribedAt, NeedsTheVersionsDateOfTheVersionOrALaterOne) {
  EXPECT_FALSE(DescribedAt(FeedPaper(1), 1));
  EXPECT_TRUE(DescribedAt(ApiPaper(1), 1));
  EXPECT_FALSE(DescribedAt(ApiPaper(1), 2));
  EXPECT_TRUE(DescribedAt(ApiPaper(2), 1));
}

TEST(MergeListedPaper, TakesTheApiAtTheFeedsVersionAndKeepsTheFeedsLicense) {
  const Paper feed = FeedPaper(1);
  const Paper api = ApiPaper(1);
  const Paper merged = MergeListedPaper(feed, nullptr, &api);
  EXPECT_EQ(merged.comments, "9 pages");
  EXPECT_EQ(merged.doi, "10.1000/xyz");
  EXPECT_EQ(merged.license, feed.license);
  EXPECT_EQ(merged.versions.size(), 1u);
}

TEST(MergeListedPaper, IgnoresALaggingApiAndKeepsWhatTheStoreKnows) {
  const Paper feed = FeedPaper(2);
  Paper stored = ApiPaper(1);
  stored.journal_ref = "J. Things 3 (2025)";
  const Paper api = ApiPaper(1);
  const Paper merged = MergeListedPaper(feed, &stored, &api);
  EXPECT_EQ(merged.version, 2);
  EXPECT_EQ(merged.comments, "9 pages");             // not wiped by the feed's empty field
  EXPECT_EQ(merged.journal_ref, "J. Things 3 (2025)");
  ASSERT_EQ(merged.versions.size(), 1u);             // v1's date is still true
  EXPECT_FALSE(DescribedAt(merged, 2));
}

TEST(MergeListedPaper, FillsTheLicenseFromTheStoreWhenTheFeedHasNone) {
  Paper feed = FeedPaper(1);
  feed.license.clear();
  Paper stored = FeedPaper(1);
  stored.license = "http://arxiv.org/licenses/nonexclusive-distrib/1.0/";
  const Paper merged = MergeListedPaper(feed, &stored, nullptr);
  EXPECT_EQ(merged.license, stored.license);
}

}  // namespace
}  // namespace coolpapers::harvest
