#include "ingest/venue/venue_importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/venue_test_sink.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::VenueFixture;

class RecordingObserver : public ImportObserver {
 public:
  void OnProgress(const ImportCounts& counts) override { progress.push_back(counts); }
  void OnMalformedLine(const MalformedLine& line) override { malformed.push_back(line); }
  std::vector<ImportCounts> progress;
  std::vector<MalformedLine> malformed;
};

class VenueImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::OpenSqliteVenueStore(dir_.path() / "store.sqlite");
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
  }

  VenueImportSummary Import(const std::vector<std::filesystem::path>& files) {
    auto summary = ImportVenueFiles(*store_, files, observer_, {.file = {}, .batch_size = 2});
    EXPECT_TRUE(summary) << summary.error().message;
    return summary.value_or(VenueImportSummary{});
  }

  std::vector<std::string> CorlIds() {
    std::vector<std::string> ids;
    const auto papers = store_->PapersOfEdition("CoRL.2025", std::nullopt, 0, 100).value();
    for (const VenuePaper& paper : papers) {
      ids.push_back(paper.id.ToString());
    }
    return ids;
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::VenueStore> store_;
  RecordingObserver observer_;
};

TEST_F(VenueImporterTest, TellsFormats) {
  EXPECT_EQ(DetectVenueFormat(VenueFixture("acl/2024.naacl.xml")).value(), VenueFormat::kAclAnthology);
  EXPECT_EQ(DetectVenueFormat(VenueFixture("pmlr/v305/corl25.bib")).value(), VenueFormat::kPmlrBib);
  EXPECT_EQ(DetectVenueFormat(VenueFixture("papercopilot/corl2025-openreview.json")).value(),
            VenueFormat::kPaperCopilot);
  EXPECT_EQ(DetectVenueFormat(VenueFixture("openreview/v1_iclr-2021_note.json")).value(),
            VenueFormat::kOpenReview);
  EXPECT_EQ(DetectVenueFormat(VenueFixture("acl/yaml/venues/naacl.yaml")).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(DetectVenueFormat(VenueFixture("missing.json")).error().code, ErrorCode::kNotFound);
}

TEST_F(VenueImporterTest, ImportsBothCorlSourcesAsOnePaperEachInEitherOrderAndTwice) {
  const std::filesystem::path bib = VenueFixture("pmlr/v305/corl25.bib");
  const std::filesystem::path list = VenueFixture("papercopilot/corl2025-openreview.json");
  const VenueImportSummary first = Import({list, bib});
  EXPECT_EQ(first.counts.records, 5);  // 2 from the list, 3 from the bib
  EXPECT_EQ(first.written.papers_new, 3);
  EXPECT_EQ(first.written.papers_updated, 2);
  EXPECT_EQ(first.counts.skipped_lines, 2);
  EXPECT_EQ(first.counts.files_done, 2);
  EXPECT_EQ(observer_.progress.back().bytes_done, observer_.progress.back().bytes_total);
  ASSERT_EQ(observer_.malformed.size(), 2u);
  EXPECT_EQ(observer_.malformed[0].file, list);
  EXPECT_EQ(observer_.malformed[0].line, 21);
  EXPECT_EQ(observer_.malformed[1].file, bib);

  EXPECT_THAT(CorlIds(), ElementsAre("xie25a@v305@PMLR", "black25a@v305@PMLR", "huang25d@v305@PMLR"));
  const auto found = store_->VenuePapersByIds(std::vector<std::string>{"vlhoswksBO@OpenReview"}).value();
  ASSERT_EQ(found.size(), 1u);
  const VenuePaper& black = found[0];
  EXPECT_EQ(black.id.ToString(), "black25a@v305@PMLR");
  EXPECT_EQ(black.pages, "17-40");

  const VenueImportSummary again = Import({bib, list});
  EXPECT_EQ(again.written.papers_new, 0);
  EXPECT_EQ(CorlIds().size(), 3u);
  auto edition = store_->LoadEdition("CoRL.2025").value();
  ASSERT_TRUE(edition);
  EXPECT_THAT(edition->sources, ElementsAre("Paper Copilot", "PMLR v305"));
}

TEST_F(VenueImporterTest, ChecksEveryFileBeforeWritingAny) {
  const std::vector<std::filesystem::path> files = {VenueFixture("pmlr/v305/corl25.bib"),
                                                    VenueFixture("missing.xml")};
  auto summary = ImportVenueFiles(*store_, files, observer_);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(summary.error().message, HasSubstr("missing.xml"));
  EXPECT_TRUE(store_->ListEditions().value().empty());
}

TEST_F(VenueImporterTest, RefusesAListWithoutEditionBeforeWritingAny) {
  const std::filesystem::path unnamed = dir_.path() / "papers.json";
  std::filesystem::copy_file(VenueFixture("papercopilot/corl2025-openreview.json"), unnamed);
  const std::vector<std::filesystem::path> files = {VenueFixture("pmlr/v305/corl25.bib"), unnamed};
  auto summary = ImportVenueFiles(*store_, files, observer_);
  ASSERT_FALSE(summary);
  EXPECT_THAT(summary.error().message, HasSubstr("--edition"));
  EXPECT_TRUE(store_->ListEditions().value().empty());
  auto named = ImportVenueFiles(*store_, files, observer_, {.file = {.edition = "CoRL.2025"}});
  ASSERT_TRUE(named) << named.error().message;
  EXPECT_EQ(named->written.papers_new, 3);
}

TEST_F(VenueImporterTest, ImportsEveryFormat) {
  Import({VenueFixture("acl/2024.naacl.xml"), VenueFixture("papercopilot/naacl2024-acl-anthology.json"),
          VenueFixture("openreview/v2_iclr-2024_notes.json"),
          VenueFixture("openreview/v1_iclr-2021_note.json"),
          VenueFixture("papercopilot/iccv2019-cvf.json"), VenueFixture("papercopilot/nips2018-neurips.json"),
          VenueFixture("papercopilot/aistats2024-pmlr-v238.json")});
  std::vector<std::string> tags;
  const auto editions = store_->ListEditions().value();
  for (const auto& summary : editions) tags.push_back(summary.edition.Tag());
  EXPECT_THAT(tags, ElementsAre("AISTATS.2024", "ICCV.2019", "ICLR.2024", "ICLR.2021", "NAACL.2024",
                                "NeurIPS.2018"));
  auto iclr = store_->LoadEdition("ICLR.2024").value();
  EXPECT_EQ(iclr->official_count, 2260);
  std::vector<std::pair<std::string, int64_t>> groups;
  const auto counts = store_->GroupCounts("NAACL.2024").value();
  for (const auto& group : counts) {
    groups.emplace_back(group.group, group.papers);
  }
  EXPECT_THAT(groups, ElementsAre(std::pair<std::string, int64_t>("Findings", 1),
                                  std::pair<std::string, int64_t>("Long", 2),
                                  std::pair<std::string, int64_t>("SRW", 1)));
}

}  // namespace
}  // namespace coolpapers::ingest
