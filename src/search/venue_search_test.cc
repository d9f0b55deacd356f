// Venue papers in the search index (issue 14, "Search"): indexed beside the arXiv papers from
// the venue store (SyncVenueIndex), found by branch:, venue: and date:, and related across
// branches.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/block_bounds_record.h"
#include "search/index_layout.h"
#include "search/index_sync.h"
#include "search/index_updater.h"
#include "search/paper_indexer.h"
#include "search/searcher.h"
#include "search/term_prefixes.h"
#include "store/sqlite_store.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/search_test_papers.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::search {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

VenuePaper MakeVenuePaper(std::string local, VenueSource source, std::string edition,
                          std::string title, std::vector<std::string> authors,
                          std::string abstract, std::vector<std::string> keywords = {}) {
  VenuePaper paper;
  paper.id = {.source = source, .local = std::move(local), .qualifier = ""};
  paper.edition = std::move(edition);
  paper.title = std::move(title);
  for (std::string& name : authors) paper.authors.push_back({std::move(name), "Some University"});
  paper.abstract = std::move(abstract);
  paper.keywords = std::move(keywords);
  paper.status = std::string(kStatusAccept);
  return paper;
}

VenueEdition Edition(std::string venue, int year, std::string start_date = "") {
  VenueEdition edition;
  edition.venue = std::move(venue);
  edition.year = year;
  edition.start_date = std::move(start_date);
  return edition;
}

class VenueSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto venues = store::OpenSqliteVenueStore(dir_.path() / "store.sqlite");
    ASSERT_TRUE(venues) << venues.error().detail;
    venues_ = std::move(*venues);
    auto indexer = PaperIndexer::Open(index_dir());
    ASSERT_TRUE(indexer) << indexer.error().detail;
    indexer_ = std::move(*indexer);
    ASSERT_TRUE(indexer_->Index(SearchTestPapers()));
    ASSERT_TRUE(venues_->WriteEdition(Edition("ICLR", 2024, "2024-05-07")));
    ASSERT_TRUE(venues_->WriteEdition(Edition("NAACL", 2024)));
    ASSERT_TRUE(venues_->WriteEdition(Edition("NAACL", 2022)));
    ASSERT_TRUE(venues_->WriteVenuePapers(std::vector<VenuePaper>{
        MakeVenuePaper("rhgIgTSSxW", VenueSource::kOpenReview, "ICLR.2024",
                       "Gemma Distillation for Small Devices", {"Alice Smith"},
                       "We distil a large model into a small one for phones.",
                       {"knowledge distillation"}),
        MakeVenuePaper("2024.naacl-long.431", VenueSource::kAcl, "NAACL.2024",
                       "Naive Bayes-based Context Extension for Large Language Models",
                       {"Jianlin Su"}, "Context extension of language models without training."),
        MakeVenuePaper("2022.naacl-main.7", VenueSource::kAcl, "NAACL.2022",
                       "Power Grid Control with Language Agents", {"Frank Green"},
                       "Agents trained to control power systems and grids."),
    }));
    ASSERT_EQ(SyncVenueIndex(*venues_, *indexer_), 3);
  }

  std::filesystem::path index_dir() const { return dir_.path() / "index"; }
  std::vector<std::string> Ids(const std::string& query) { return SearchIds(index_dir(), query); }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::VenueStore> venues_;
  std::unique_ptr<PaperIndexer> indexer_;
};

TEST_F(VenueSearchTest, BranchesKeepArxivAndVenuePapersApart) {
  EXPECT_THAT(Ids("gemma branch:venue"), ElementsAre("rhgIgTSSxW@OpenReview"));
  EXPECT_THAT(Ids("gemma branch:arxiv"), ElementsAre("2503.00001"));
  EXPECT_THAT(Ids("gemma branch:both"),
              UnorderedElementsAre("2503.00001", "rhgIgTSSxW@OpenReview"));
  EXPECT_THAT(Ids("gemma"), UnorderedElementsAre("2503.00001", "rhgIgTSSxW@OpenReview"));
  EXPECT_THAT(Ids("branch:venue"),
              UnorderedElementsAre("rhgIgTSSxW@OpenReview", "2024.naacl-long.431@ACL",
                                   "2022.naacl-main.7@ACL"));
}

TEST_F(VenueSearchTest, VenueTitleAuthorsAbstractAndKeywordsAreSearched) {
  EXPECT_THAT(Ids("title:\"naive bayes\""), ElementsAre("2024.naacl-long.431@ACL"));
  EXPECT_THAT(Ids("author:\"Jianlin Su\""), ElementsAre("2024.naacl-long.431@ACL"));
  EXPECT_THAT(Ids("phones"), ElementsAre("rhgIgTSSxW@OpenReview"));
  EXPECT_THAT(Ids("\"knowledge distillation\""), ElementsAre("rhgIgTSSxW@OpenReview"));
  // Affiliations are not author names.
  EXPECT_THAT(Ids("author:university"), IsEmpty());
}

TEST_F(VenueSearchTest, VenueFieldIgnoresCaseAndDatesNarrowByYear) {
  EXPECT_THAT(Ids("venue:NAACL"),
              UnorderedElementsAre("2024.naacl-long.431@ACL", "2022.naacl-main.7@ACL"));
  EXPECT_THAT(Ids("venue:naacl language"),
              UnorderedElementsAre("2024.naacl-long.431@ACL", "2022.naacl-main.7@ACL"));
  EXPECT_THAT(Ids("venue:Iclr"), ElementsAre("rhgIgTSSxW@OpenReview"));
  EXPECT_THAT(Ids("venue:NeurIPS"), IsEmpty());
  EXPECT_THAT(Ids("venue:NAACL date:2024"), ElementsAre("2024.naacl-long.431@ACL"));
  EXPECT_THAT(Ids("venue:NAACL date:2021..2022"), ElementsAre("2022.naacl-main.7@ACL"));
  // An edition's start date when known: ICLR 2024 began on 7 May.
  EXPECT_THAT(Ids("branch:venue date:2024-05"), ElementsAre("rhgIgTSSxW@OpenReview"));
  EXPECT_THAT(Ids("branch:venue date:2023..2025"),
              UnorderedElementsAre("rhgIgTSSxW@OpenReview", "2024.naacl-long.431@ACL"));
}

TEST_F(VenueSearchTest, RelatedPapersCrossBranches) {
  auto searcher = Searcher::Open(index_dir());
  ASSERT_TRUE(searcher) << searcher.error().detail;
  Result<RelatedPapers> of_arxiv = (*searcher)->Related("2505.00006", 10);  // Control of Power
  ASSERT_TRUE(of_arxiv) << of_arxiv.error().detail;
  std::vector<std::string> ids;
  for (const SearchHit& hit : of_arxiv->hits) ids.push_back(hit.paper_id);
  EXPECT_THAT(ids, Contains("2022.naacl-main.7@ACL"));
  Result<RelatedPapers> of_venue = (*searcher)->Related("2022.naacl-main.7@ACL", 10);
  ASSERT_TRUE(of_venue) << of_venue.error().detail;
  ids.clear();
  for (const SearchHit& hit : of_venue->hits) ids.push_back(hit.paper_id);
  EXPECT_THAT(ids, Contains("2505.00006"));
  EXPECT_THAT(ids, Not(Contains("2022.naacl-main.7@ACL")));
}

TEST_F(VenueSearchTest, SyncFollowsTheVenueStoreAndDropsReplacedIds) {
  EXPECT_EQ(SyncVenueIndex(*venues_, *indexer_), 0);  // nothing changed
  // The ICLR paper published in proceedings: its PMLR id now names it, and the OpenReview id
  // becomes one of its other ids, so the index must drop the document under the old one.
  ASSERT_TRUE(venues_->WriteEdition(Edition("ICLR", 2024)));
  VenuePaper proceedings = MakeVenuePaper("smith24a", VenueSource::kPmlr, "ICLR.2024",
                                          "Gemma Distillation for Small Devices",
                                          {"Alice Smith"}, "Now with telescopes.");
  proceedings.id.qualifier = "v999";
  proceedings.other_ids = {{.source = VenueSource::kOpenReview, .local = "rhgIgTSSxW", .qualifier = ""}};
  ASSERT_TRUE(venues_->WriteVenuePapers(std::vector<VenuePaper>{proceedings}));
  EXPECT_EQ(SyncVenueIndex(*venues_, *indexer_), 1);  // the one paper that changed
  EXPECT_THAT(Ids("gemma branch:venue"), ElementsAre("smith24a@v999@PMLR"));
  EXPECT_THAT(Ids("telescopes"), ElementsAre("smith24a@v999@PMLR"));
  EXPECT_THAT(Ids("venue:iclr"), ElementsAre("smith24a@v999@PMLR"));
}

// The bounds and tiers keep a dropped document's postings until they are built again: it is
// noted as replaced, as a changed one is, so that searches read by them do not count it.
TEST_F(VenueSearchTest, ADroppedVenuePaperIsNotedAsReplacedInTheBounds) {
  Result<bool> built = indexer_->RefreshBlockBounds(/*only_if_stale=*/false);
  ASSERT_TRUE(built) << built.error().detail;
  ASSERT_TRUE(*built);
  const auto committed = [&] {
    const Result<int> generation = ReadCurrentGeneration(index_dir());
    EXPECT_TRUE(generation);
    return Xapian::Database(GenerationPath(index_dir(), generation.value_or(0)).string());
  };
  const std::string dropped_term = std::string(kIdPrefix) + "rhgIgTSSxW@OpenReview";
  const Xapian::docid dropped = *committed().postlist_begin(dropped_term);
  EXPECT_TRUE(ReadBlockBoundsRecord(committed()).replaced.empty());

  // The OpenReview paper now named by its proceedings' id: the old document is deleted.
  ASSERT_TRUE(venues_->WriteEdition(Edition("ICLR", 2024)));
  VenuePaper proceedings = MakeVenuePaper("smith24a", VenueSource::kPmlr, "ICLR.2024",
                                          "Gemma Distillation for Small Devices",
                                          {"Alice Smith"}, "Now with telescopes.");
  proceedings.id.qualifier = "v999";
  proceedings.other_ids = {
      {.source = VenueSource::kOpenReview, .local = "rhgIgTSSxW", .qualifier = ""}};
  ASSERT_TRUE(venues_->WriteVenuePapers(std::vector<VenuePaper>{proceedings}));
  const Result<int64_t> synced = SyncVenueIndex(*venues_, *indexer_);
  ASSERT_TRUE(synced) << synced.error().detail;
  EXPECT_EQ(*synced, 1);
  const Xapian::Database after = committed();
  EXPECT_FALSE(after.term_exists(dropped_term));
  EXPECT_THAT(ReadBlockBoundsRecord(after).replaced, Contains(dropped));
}

TEST_F(VenueSearchTest, ARebuiltIndexGetsItsVenuePapersBack) {
  ASSERT_TRUE(indexer_->Rebuild([](const PaperBatchSink& sink) -> Result<void> {
    const std::vector<Paper> papers = SearchTestPapers();
    return sink(papers, {});
  }));
  EXPECT_THAT(Ids("branch:venue"), IsEmpty());
  EXPECT_EQ(SyncVenueIndex(*venues_, *indexer_), 3);
  EXPECT_THAT(Ids("gemma"), UnorderedElementsAre("2503.00001", "rhgIgTSSxW@OpenReview"));
}

// `serve`'s updater follows venue writes (an import in another process, a harvest job) by the
// venue stamp, as it follows arXiv papers by the change log.
TEST_F(VenueSearchTest, TheServeUpdaterIndexesNewVenuePapers) {
  auto store = store::OpenSqliteStore(dir_.path() / "store.sqlite");
  ASSERT_TRUE(store) << store.error().detail;
  IndexUpdater updater(**store, *indexer_, std::chrono::milliseconds(20), venues_.get());
  ASSERT_TRUE(venues_->WriteVenuePapers(std::vector<VenuePaper>{MakeVenuePaper(
      "2024.naacl-short.9", VenueSource::kAcl, "NAACL.2024", "Tokenizers for Klingon",
      {"Worf"}, "A tokenizer for an invented language.")}));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (Ids("klingon").empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_THAT(Ids("klingon"), ElementsAre("2024.naacl-short.9@ACL"));
}

}  // namespace
}  // namespace coolpapers::search
