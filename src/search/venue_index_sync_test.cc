// The venue half of the index kept in step with the store by changes alone (SyncVenueIndex after
// VenueStore::VenuePapersChangedSince): after new papers, a merge that changes the id a paper is
// shown by, a changed edition and a new one, an index updated incrementally holds exactly the
// venue documents an index built from scratch holds, and answers every query alike. On each
// venue store backend: SQLite, and PostgreSQL in the test run's server (skipped with the
// reason when PostgreSQL is not installed).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "search/index_layout.h"
#include "search/index_sync.h"
#include "search/paper_indexer.h"
#include "store/pg_venue_store.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/pg_test_server.h"
#include "tests/support/search_test_papers.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

struct VenueBackend {
  std::string name;
  std::function<Result<std::unique_ptr<store::VenueStore>>(const std::filesystem::path& dir)> open;
  std::function<std::optional<std::string>()> skip_reason = [] { return std::nullopt; };
};

void PrintTo(const VenueBackend& backend, std::ostream* out) { *out << backend.name; }

VenuePaper Paper(std::string_view id, std::string edition, int64_t position, std::string title,
                 std::string abstract) {
  VenuePaper paper;
  paper.id = ParseVenuePaperId(id).value();
  paper.edition = std::move(edition);
  paper.position = position;
  paper.title = std::move(title);
  paper.authors = {{"Alice Smith", "Some University"}, {"Jianlin Su", ""}};
  paper.abstract = std::move(abstract);
  paper.status = std::string(kStatusAccept);
  paper.group = "Poster";
  return paper;
}

VenueEdition Edition(std::string venue, int year, std::string start_date = "") {
  VenueEdition edition;
  edition.venue = std::move(venue);
  edition.year = year;
  edition.start_date = std::move(start_date);
  edition.sources = {"test"};
  return edition;
}

// Every venue document of the index at `index_dir` by its id: its terms with their wdf and
// positions, and its values, written out so that two indexes compare as strings.
std::map<std::string, std::string> VenueDocuments(const std::filesystem::path& index_dir) {
  Xapian::Database database(CurrentStubPath(index_dir).string());
  std::map<std::string, std::string> documents;
  for (auto it = database.postlist_begin("XBvenue"); it != database.postlist_end("XBvenue"); ++it) {
    const Xapian::Document document = database.get_document(*it);
    std::string text;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
      text += *term + ":" + std::to_string(term.get_wdf()) + "@";
      for (auto position = term.positionlist_begin(); position != term.positionlist_end();
           ++position) {
        text += std::to_string(*position) + ",";
      }
      text += " ";
    }
    for (auto value = document.values_begin(); value != document.values_end(); ++value) {
      text += "v" + std::to_string(value.get_valueno()) + "=" + *value + " ";
    }
    documents[document.get_data()] = text;
  }
  return documents;
}

class VenueIndexSyncTest : public ::testing::TestWithParam<VenueBackend> {
 protected:
  void SetUp() override {
    if (auto reason = GetParam().skip_reason()) GTEST_SKIP() << *reason;
    auto venues = GetParam().open(dir_.path());
    ASSERT_TRUE(venues) << venues.error().message << " / " << venues.error().detail;
    venues_ = std::move(*venues);
  }

  // SyncVenueIndex into the index at `index_dir` (created on first use), closed afterwards.
  int64_t Sync(const std::filesystem::path& index_dir) {
    auto indexer = PaperIndexer::Open(index_dir);
    EXPECT_TRUE(indexer) << indexer.error().detail;
    if (!indexer) return -1;
    auto indexed = SyncVenueIndex(*venues_, **indexer);
    EXPECT_TRUE(indexed) << indexed.error().message << " / " << indexed.error().detail;
    return indexed.value_or(-1);
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::VenueStore> venues_;
};

TEST_P(VenueIndexSyncTest, AnIncrementalUpdateEqualsAnIndexBuiltFromScratch) {
  ASSERT_TRUE(venues_->WriteEdition(Edition("ICLR", 2024, "2024-05-07")));
  ASSERT_TRUE(venues_->WriteEdition(Edition("NAACL", 2024)));
  std::vector<VenuePaper> papers = {
      Paper("rhgIgTSSxW@OpenReview", "ICLR.2024", 1, "Gemma Distillation for Small Devices",
            "We distil a large model into a small one for phones."),
      Paper("sparseattn@OpenReview", "ICLR.2024", 2, "Sparse Attention at Scale",
            "Attention that skips most tokens."),
  };
  for (int i = 1; i <= 20; ++i) {
    papers.push_back(Paper("2024.naacl-long." + std::to_string(i) + "@ACL", "NAACL.2024", i,
                           "Language Models Study Number " + std::to_string(i),
                           "Tokenizers and context windows, part " + std::to_string(i) + "."));
  }
  ASSERT_TRUE(venues_->WriteVenuePapers(papers));
  const std::filesystem::path incremental = dir_.path() / "incremental";
  ASSERT_EQ(Sync(incremental), 22);
  ASSERT_EQ(Sync(incremental), 0);

  // A new paper; the Gemma paper published in proceedings (shown under its PMLR id now, with a
  // new abstract); ICLR 2024's start date corrected (it dates both ICLR papers); a new edition.
  ASSERT_TRUE(venues_->WriteVenuePapers(std::vector<VenuePaper>{
      Paper("2024.naacl-short.9@ACL", "NAACL.2024", 21, "Tokenizers for Klingon",
            "A tokenizer for an invented language.")}));
  VenuePaper proceedings = Paper("smith24a@v999@PMLR", "ICLR.2024", 1,
                                 "Gemma Distillation for Small Devices", "Now with telescopes.");
  proceedings.other_ids = {ParseVenuePaperId("rhgIgTSSxW@OpenReview").value()};
  ASSERT_TRUE(venues_->WriteVenuePapers(std::vector<VenuePaper>{proceedings}));
  ASSERT_TRUE(venues_->WriteEdition(Edition("ICLR", 2024, "2024-06-01")));
  ASSERT_TRUE(venues_->WriteEdition(Edition("COLM", 2024, "2024-10-07")));
  ASSERT_TRUE(venues_->WriteVenuePapers(std::vector<VenuePaper>{
      Paper("colmpaper1@OpenReview", "COLM.2024", 1, "Language Agents Read Papers",
            "Agents that skim conference lists.")}));
  // Only the changed papers are indexed again: the new two and both ICLR papers.
  EXPECT_EQ(Sync(incremental), 4);

  const std::filesystem::path scratch = dir_.path() / "scratch";
  EXPECT_EQ(Sync(scratch), 24);
  const std::map<std::string, std::string> updated = VenueDocuments(incremental);
  EXPECT_EQ(updated.size(), 24u);
  EXPECT_FALSE(updated.contains("rhgIgTSSxW@OpenReview"));
  EXPECT_EQ(updated, VenueDocuments(scratch));
  for (const char* query :
       {"branch:venue", "gemma", "telescopes", "phones", "venue:iclr", "date:2024-06",
        "date:2024-05", "klingon", "venue:colm language", "language models tokenizers",
        "author:\"alice smith\" venue:naacl"}) {
    // As sets: documents of equal score come in the order they were added, which differs.
    std::vector<std::string> from_updated = SearchIds(incremental, query);
    std::vector<std::string> from_scratch = SearchIds(scratch, query);
    std::sort(from_updated.begin(), from_updated.end());
    std::sort(from_scratch.begin(), from_scratch.end());
    EXPECT_EQ(from_updated, from_scratch) << query;
  }
  EXPECT_THAT(SearchIds(incremental, "telescopes"), ::testing::ElementsAre("smith24a@v999@PMLR"));
  EXPECT_THAT(SearchIds(incremental, "date:2024-05 branch:venue"), ::testing::IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    Backends, VenueIndexSyncTest,
    ::testing::Values(
        VenueBackend{"Sqlite",
                     [](const std::filesystem::path& dir) {
                       return store::OpenSqliteVenueStore(dir / "store.sqlite");
                     }},
        VenueBackend{"Postgres",
                     [](const std::filesystem::path& dir) {
                       return store::OpenPgVenueStore(coolpapers::testing::PgTestDatabaseUrl(dir));
                     },
                     coolpapers::testing::PgTestSkipReason}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace coolpapers::search
