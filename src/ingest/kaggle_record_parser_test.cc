#include "ingest/kaggle_record_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::FieldsAre;

// The first record of the Kaggle snapshot, as the file spells it.
constexpr std::string_view kRecord =
    R"({"id":"0704.0001","submitter":"Pavel Nadolsky","authors":"C. Bal\\'azs, E. L. Berger,)"
    R"( P. M. Nadolsky, C.-P. Yuan","title":"Calculation of prompt diphoton production cross)"
    R"( sections at Tevatron and\n  LHC energies","comments":"37 pages, 15 figures; published)"
    R"( version","journal-ref":"Phys.Rev.D76:013009,2007","doi":"10.1103/PhysRevD.76.013009",)"
    R"("report-no":"ANL-HEP-PR-07-12","categories":"hep-ph math.MP","license":null,)"
    R"("abstract":"  A fully differential calculation in perturbative quantum chromodynamics is\n)"
    R"(presented for the production of massive photon pairs at hadron colliders.\n",)"
    R"("versions":[{"version":"v2","created":"Tue, 24 Jul 2007 20:10:27 GMT"},)"
    R"({"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}],"update_date":"2008-11-26",)"
    R"("authors_parsed":[["Bal\u00e1zs","C.",""],["Berger","E. L.",""],["Nadolsky","P. M.",""],)"
    R"(["Yuan","C. -P.",""]]})";

// A snapshot record with `authors` and `authors_parsed` as given, the rest minimal.
nlohmann::json RecordWithAuthors(std::string_view authors, std::string_view parsed) {
  nlohmann::json record = nlohmann::json::parse(kRecord);
  record["authors"] = authors;
  record["authors_parsed"] = nlohmann::json::parse(parsed);
  return record;
}

TEST(KaggleRecordParser, TakesNamesAndAffiliationsFromAuthorsParsed) {
  // 0704.0163, 0704.0020 and 0704.0177 of the snapshot sample.
  auto gahler = ParseKaggleRecord(
      RecordWithAuthors(R"(Peter Brommer and Franz G\"ahler (Institut f\"ur Theoretische und
  Angewandte Physik, Universit\"at Stuttgart))",
                        R"([["Brommer","Peter","","Institut f\u00fcr Theoretische und\n  Angewandte )"
                        R"(Physik, Universit\u00e4t Stuttgart"],["G\u00e4hler","Franz","","Institut )"
                        R"(f\u00fcr Theoretische und\n  Angewandte Physik, Universit\u00e4t Stuttgart"]])"),
      1);
  ASSERT_TRUE(gahler) << gahler.error().message;
  EXPECT_THAT(gahler->paper.authors, ElementsAre("Peter Brommer", "Franz Gähler"));
  EXPECT_THAT(gahler->paper.affiliations,
              ElementsAre("Institut für Theoretische und Angewandte Physik, Universität Stuttgart",
                          "Institut für Theoretische und Angewandte Physik, Universität Stuttgart"));

  auto babar = ParseKaggleRecord(
      RecordWithAuthors("The BABAR Collaboration, B. Aubert, et al",
                        R"([["The BABAR Collaboration","",""],["Aubert","B.",""]])"),
      1);
  ASSERT_TRUE(babar) << babar.error().message;
  EXPECT_THAT(babar->paper.authors, ElementsAre("The BABAR Collaboration", "B. Aubert"));
  EXPECT_THAT(babar->paper.affiliations, ::testing::IsEmpty());

  auto suffix = ParseKaggleRecord(
      RecordWithAuthors("Roberto M. Cesar Jr. and Aa. van den Oord",
                        R"([["Cesar","Roberto M.","Jr."],["van den Oord","A\\\"aron",""]])"),
      1);
  ASSERT_TRUE(suffix) << suffix.error().message;
  EXPECT_THAT(suffix->paper.authors, ElementsAre("Roberto M. Cesar Jr.", "Aäron van den Oord"));
}

TEST(KaggleRecordParser, SplitsTheBylineWhenAuthorsParsedIsMissing) {
  nlohmann::json record = RecordWithAuthors("A. Greilich (1), and M. Bayer (1)", "[]");
  record.erase("authors_parsed");
  auto parsed = ParseKaggleRecord(record, 1);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_THAT(parsed->paper.authors, ElementsAre("A. Greilich", "M. Bayer"));
  EXPECT_THAT(parsed->paper.affiliations, ElementsAre("1", "1"));
}

TEST(KaggleRecordParser, ReadsEveryFieldOfASnapshotRecord) {
  auto record = ParseKaggleRecord(nlohmann::json::parse(kRecord), 1);
  ASSERT_TRUE(record) << record.error().message;
  const Paper& paper = record->paper;
  EXPECT_EQ(paper.id, "0704.0001");
  EXPECT_EQ(paper.title,
            "Calculation of prompt diphoton production cross sections at Tevatron and LHC "
            "energies");
  EXPECT_THAT(paper.authors,
              ElementsAre("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"));
  EXPECT_EQ(paper.abstract,
            "A fully differential calculation in perturbative quantum chromodynamics is "
            "presented for the production of massive photon pairs at hadron colliders.");
  EXPECT_THAT(paper.categories, ElementsAre("hep-ph", "math-ph"));  // math.MP is an alias
  EXPECT_EQ(paper.comments, "37 pages, 15 figures; published version");
  EXPECT_EQ(paper.journal_ref, "Phys.Rev.D76:013009,2007");
  EXPECT_EQ(paper.doi, "10.1103/PhysRevD.76.013009");
  EXPECT_EQ(paper.license, "");
}

TEST(KaggleRecordParser, SortsVersionsAndTakesTheHighest) {
  auto record = ParseKaggleRecord(nlohmann::json::parse(kRecord), 1);
  ASSERT_TRUE(record);
  using namespace std::chrono;
  const Paper& paper = record->paper;
  EXPECT_EQ(paper.version, 2);
  ASSERT_EQ(paper.versions.size(), 2u);
  EXPECT_EQ(paper.versions[0].number, 1);
  EXPECT_EQ(paper.versions[0].submitted, sys_days{year{2007} / 4 / 2} + 19h + 18min + 42s);
  EXPECT_EQ(paper.versions[1].number, 2);
}

TEST(KaggleRecordParser, ListsEachVersionOnItsAnnouncementDay) {
  auto record = ParseKaggleRecord(nlohmann::json::parse(kRecord), 5);
  ASSERT_TRUE(record);
  // v1 came Monday 15:18 EDT, after the 14:00 close: announced Tuesday evening, listed
  // Wednesday 2007-04-04. v2 came Tuesday 16:10 EDT: listed Thursday 2007-07-26.
  const Date v1_day = Date::FromYmd(2007, 4, 4);
  const Date v2_day = Date::FromYmd(2007, 7, 26);
  EXPECT_THAT(record->listings,
              ElementsAre(FieldsAre(v1_day, "hep-ph", "0704.0001", AnnounceType::kNew, 5),
                          FieldsAre(v1_day, "math-ph", "0704.0001", AnnounceType::kCross, 5),
                          FieldsAre(v2_day, "hep-ph", "0704.0001", AnnounceType::kReplace, 5),
                          FieldsAre(v2_day, "math-ph", "0704.0001", AnnounceType::kReplace, 5)));
  EXPECT_EQ(record->paper.first_listed, v1_day);
}

TEST(KaggleRecordParser, ListsAReplacementOnTheFirstDayOnlyOnce) {
  auto json = nlohmann::json::parse(kRecord);
  json["versions"][0]["created"] = "Mon, 2 Apr 2007 19:30:00 GMT";  // v2 minutes after v1
  auto record = ParseKaggleRecord(json, 1);
  ASSERT_TRUE(record);
  ASSERT_EQ(record->listings.size(), 2u);
  EXPECT_EQ(record->listings[0].type, AnnounceType::kNew);
  EXPECT_EQ(record->listings[1].type, AnnounceType::kCross);
}

}  // namespace
}  // namespace coolpapers::ingest
