#include "ingest/listing_record_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::FieldsAre;

// As the daily-arxiv crawl writes it: TeX accents, an alias (cs.SY), an MSC class (68T05),
// a hard-wrapped summary, and a non-ASCII name escaped in JSON.
constexpr std::string_view kRecord = R"({"id": "2505.08002", "pdf": "https://arxiv.org/pdf/2505.08002",)"
    R"( "abs": "https://arxiv.org/abs/2505.08002", "authors": ["J\u00fcrgen  Meyer", "Ana\nSouza"],)"
    R"( "title": "Quantum Walks on M\\\"obius Strips and Schr{\\\"o}dinger Bridges",)"
    R"( "categories": ["cs.AI", "cs.SY", "68T05", "cs.AI"], "comment": "12 pages,\n 3 figures",)"
    R"( "summary": "We study walks on the\nM\\\"obius strip with $\\psi(x)$\n kept as is.",)"
    R"( "listing_date": "2025-05-14"})";

TEST(ListingRecordParser, ReadsEveryFieldOfADailyRecord) {
  auto record = ParseListingRecord(nlohmann::json::parse(kRecord), 17);
  ASSERT_TRUE(record) << record.error().message;
  const Paper& paper = record->paper;
  EXPECT_EQ(paper.id, "2505.08002");
  EXPECT_EQ(paper.version, 0);
  EXPECT_EQ(paper.title, "Quantum Walks on Möbius Strips and Schrödinger Bridges");
  EXPECT_THAT(paper.authors, ElementsAre("Jürgen Meyer", "Ana Souza"));
  EXPECT_EQ(paper.abstract, "We study walks on the Möbius strip with $\\psi(x)$ kept as is.");
  EXPECT_THAT(paper.categories, ElementsAre("cs.AI", "eess.SY"));
  EXPECT_EQ(paper.comments, "12 pages, 3 figures");
  EXPECT_TRUE(paper.versions.empty());
  EXPECT_EQ(paper.first_listed, Date::FromYmd(2025, 5, 14));
}

TEST(ListingRecordParser, ListsNewInPrimaryAndCrossInOthers) {
  auto record = ParseListingRecord(nlohmann::json::parse(kRecord), 17);
  ASSERT_TRUE(record);
  const Date day = Date::FromYmd(2025, 5, 14);
  EXPECT_THAT(record->listings,
              ElementsAre(FieldsAre(day, "cs.AI", "2505.08002", AnnounceType::kNew, 17),
                          FieldsAre(day, "eess.SY", "2505.08002", AnnounceType::kCross, 17)));
}

TEST(ListingRecordParser, ReadsAuthorsGivenAsOneString) {
  auto json = nlohmann::json::parse(kRecord);
  json["authors"] = "Ana Souza, Bo Chen and Li Wei";
  auto record = ParseListingRecord(json, 1);
  ASSERT_TRUE(record);
  EXPECT_THAT(record->paper.authors, ElementsAre("Ana Souza", "Bo Chen", "Li Wei"));
}

TEST(ListingRecordParser, KeepsAVersionGivenInTheId) {
  auto json = nlohmann::json::parse(kRecord);
  json["id"] = "2505.08002v3";
  auto record = ParseListingRecord(json, 1);
  ASSERT_TRUE(record);
  EXPECT_EQ(record->paper.id, "2505.08002");
  EXPECT_EQ(record->paper.version, 3);
}

}  // namespace
}  // namespace coolpapers::ingest
