// The behaviour every VenueStore implementation must have, run against each one through a
// backend factory: SQLite, and PostgreSQL in a fresh database of the test process's server
// (skipped with the reason when PostgreSQL is not installed).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "store/pg_faq_store.h"
#include "store/pg_store.h"
#include "store/pg_venue_store.h"
#include "store/sqlite_faq_store.h"
#include "store/sqlite_store.h"
#include "store/sqlite_venue_store.h"
#include "store/store.h"
#include "tests/support/store_test_records.h"
#include "store/venue_store.h"
#include "tests/support/pg_test_server.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::store {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct VenueBackend {
  std::string name;
  // Open the venues and the arXiv papers kept under `dir`, creating them on first use.
  std::function<Result<std::unique_ptr<VenueStore>>(const std::filesystem::path& dir)> open;
  std::function<Result<std::unique_ptr<Store>>(const std::filesystem::path& dir)> open_papers;
  std::function<Result<std::unique_ptr<FaqStore>>(const std::filesystem::path& dir)> open_faq;
  // Why the backend cannot run here, or nullopt.
  std::function<std::optional<std::string>()> skip_reason = [] { return std::nullopt; };
};

void PrintTo(const VenueBackend& backend, std::ostream* out) { *out << backend.name; }

VenueBackend SqliteVenueBackend() {
  return {"Sqlite",
          [](const std::filesystem::path& dir) { return OpenSqliteVenueStore(dir / "s.sqlite"); },
          [](const std::filesystem::path& dir) { return OpenSqliteStore(dir / "s.sqlite"); },
          [](const std::filesystem::path& dir) { return OpenSqliteFaqStore(dir / "s.sqlite"); }};
}

VenueBackend PgVenueBackend() {
  return {"Postgres",
          [](const std::filesystem::path& dir) {
            return OpenPgVenueStore(coolpapers::testing::PgTestDatabaseUrl(dir));
          },
          [](const std::filesystem::path& dir) {
            return OpenPgStore(coolpapers::testing::PgTestDatabaseUrl(dir));
          },
          [](const std::filesystem::path& dir) {
            return OpenPgFaqStore(coolpapers::testing::PgTestDatabaseUrl(dir));
          },
          coolpapers::testing::PgTestSkipReason};
}

VenueEdition Edition(const std::string& venue, int year, const std::string& source) {
  VenueEdition edition;
  edition.venue = venue;
  edition.year = year;
  edition.sources = {source};
  return edition;
}

VenuePaperId Id(std::string_view text) { return ParseVenuePaperId(text).value(); }

VenuePaper Paper(std::string_view id, const std::string& edition, int64_t position,
                 const std::string& title, const std::string& group = "Poster") {
  VenuePaper paper;
  paper.id = Id(id);
  paper.edition = edition;
  paper.position = position;
  paper.title = title;
  paper.authors = {{"Amber Xie", ""}, {"Rahul Chand", "Stanford University"}};
  paper.group = group;
  paper.presentation = group;
  paper.status = std::string(kStatusAccept);
  return paper;
}

std::vector<std::string> IdsOf(const std::vector<VenuePaper>& papers) {
  std::vector<std::string> ids;
  for (const VenuePaper& paper : papers) ids.push_back(paper.id.ToString());
  return ids;
}

class VenueStoreContractTest : public ::testing::TestWithParam<VenueBackend> {
 protected:
  void SetUp() override {
    if (auto reason = GetParam().skip_reason()) GTEST_SKIP() << *reason;
    auto store = GetParam().open(dir_.path());
    ASSERT_TRUE(store) << store.error().message << " / " << store.error().detail;
    store_ = std::move(*store);
    ASSERT_TRUE(store_->WriteEdition(Edition("CoRL", 2025, "PMLR v305")));
  }

  VenueWriteSummary Write(const std::vector<VenuePaper>& papers) {
    auto summary = store_->WriteVenuePapers(papers);
    if (!summary) ADD_FAILURE() << summary.error().message << " / " << summary.error().detail;
    return summary.value_or(VenueWriteSummary{});
  }

  std::vector<VenuePaper> ById(const std::vector<std::string>& ids) {
    auto papers = store_->VenuePapersByIds(ids);
    if (!papers) ADD_FAILURE() << papers.error().message << " / " << papers.error().detail;
    return papers.value_or(std::vector<VenuePaper>{});
  }

  std::vector<VenuePaper> OfEdition(std::optional<std::string_view> group, int64_t offset,
                                    int64_t limit) {
    auto papers = store_->PapersOfEdition("CoRL.2025", group, offset, limit);
    if (!papers) ADD_FAILURE() << papers.error().message << " / " << papers.error().detail;
    return papers.value_or(std::vector<VenuePaper>{});
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<VenueStore> store_;
};

TEST_P(VenueStoreContractTest, RoundTripsEveryPaperField) {
  VenuePaper paper = Paper("xie25a@v305@PMLR", "CoRL.2025", 1, "Data Retrieval", "Oral");
  paper.other_ids = {Id("wnWYoetLhC@OpenReview")};
  paper.abstract = "While large-scale robot datasets $x^2$...";
  paper.track = "main";
  paper.keywords = {"imitation learning", "retrieval"};
  paper.pdf_url = "https://raw.githubusercontent.com/mlresearch/v305/main/assets/xie25a/xie25a.pdf";
  paper.landing_url = "https://proceedings.mlr.press/v305/xie25a.html";
  paper.doi = "10.0000/example";
  paper.pages = "1-16";
  paper.arxiv_id = "2501.00001";
  paper.arxiv_link = ArxivLink::kSource;
  EXPECT_EQ(Write({paper}).papers_new, 1);

  const std::vector<VenuePaper> read = ById({"xie25a@v305@PMLR"});
  ASSERT_EQ(read.size(), 1u);
  const VenuePaper& got = read[0];
  EXPECT_EQ(got.id, paper.id);
  EXPECT_EQ(got.other_ids, paper.other_ids);
  EXPECT_EQ(got.edition, "CoRL.2025");
  EXPECT_EQ(got.position, 1);
  EXPECT_EQ(got.title, paper.title);
  EXPECT_EQ(got.authors, paper.authors);
  EXPECT_EQ(got.abstract, paper.abstract);
  EXPECT_EQ(got.track, "main");
  EXPECT_EQ(got.group, "Oral");
  EXPECT_EQ(got.status, "Accept");
  EXPECT_EQ(got.presentation, "Oral");
  EXPECT_EQ(got.keywords, paper.keywords);
  EXPECT_EQ(got.pdf_url, paper.pdf_url);
  EXPECT_EQ(got.landing_url, paper.landing_url);
  EXPECT_EQ(got.doi, paper.doi);
  EXPECT_EQ(got.pages, "1-16");
  EXPECT_EQ(got.arxiv_id, "2501.00001");
  EXPECT_EQ(got.arxiv_link, ArxivLink::kSource);
}

TEST_P(VenueStoreContractTest, WritingTwiceChangesNothing) {
  const std::vector<VenuePaper> papers = {Paper("a@OpenReview", "CoRL.2025", 1, "First paper"),
                                          Paper("b@OpenReview", "CoRL.2025", 2, "Second paper")};
  EXPECT_EQ(Write(papers).papers_new, 2);
  const VenueWriteSummary again = Write(papers);
  EXPECT_EQ(again.papers_new, 0);
  EXPECT_EQ(again.papers_updated, 2);
  EXPECT_THAT(IdsOf(OfEdition(std::nullopt, 0, 10)), ElementsAre("a@OpenReview", "b@OpenReview"));
}

// Issue #14: CoRL 2025 comes from the PMLR bib (with each paper's OpenReview id) and from an
// OpenReview-derived list; either order gives one paper per id pair, shown under the PMLR id.
TEST_P(VenueStoreContractTest, OnePaperKnownThroughTwoSourcesIsOnePaperInEitherOrder) {
  VenuePaper from_pmlr = Paper("xie25a@v305@PMLR", "CoRL.2025", 1, "Data Retrieval", "Oral");
  from_pmlr.other_ids = {Id("wnWYoetLhC@OpenReview")};
  from_pmlr.pages = "1-16";
  VenuePaper from_openreview =
      Paper("wnWYoetLhC@OpenReview", "CoRL.2025", 7, "Data retrieval (OpenReview title)", "Oral");
  from_openreview.keywords = {"imitation learning"};

  EXPECT_EQ(Write({from_openreview}).papers_new, 1);
  EXPECT_EQ(Write({from_pmlr}).papers_updated, 1);
  const std::vector<VenuePaper> a = ById({"wnWYoetLhC@OpenReview", "xie25a@v305@PMLR"});

  coolpapers::testing::TempDir other_dir;
  auto other = GetParam().open(other_dir.path());
  ASSERT_TRUE(other);
  ASSERT_TRUE((*other)->WriteEdition(Edition("CoRL", 2025, "Paper Copilot")));
  ASSERT_TRUE((*other)->WriteVenuePapers(std::vector{from_pmlr}));
  ASSERT_TRUE((*other)->WriteVenuePapers(std::vector{from_openreview}));
  const std::vector<std::string> both = {"xie25a@v305@PMLR"};
  const std::vector<VenuePaper> b = (*other)->VenuePapersByIds(both).value();

  for (const auto* papers : {&a, &b}) {
    ASSERT_EQ(papers->size(), 1u);
    const VenuePaper& paper = papers->front();
    EXPECT_EQ(paper.id.ToString(), "xie25a@v305@PMLR");
    ASSERT_EQ(paper.other_ids.size(), 1u);
    EXPECT_EQ(paper.other_ids[0].ToString(), "wnWYoetLhC@OpenReview");
    EXPECT_EQ(paper.title, "Data Retrieval");  // the proceedings' own
    EXPECT_EQ(paper.pages, "1-16");
    EXPECT_THAT(paper.keywords, ElementsAre("imitation learning"));  // only OpenReview's
    EXPECT_EQ(paper.position, 1);
  }
  EXPECT_EQ(store_->GroupCounts("CoRL.2025").value().at(0).papers, 1);
}

TEST_P(VenueStoreContractTest, PrefersThePublishersRecordToASecondhandCopyInEitherOrder) {
  VenuePaper anthology = Paper("2024.naacl-long.1@ACL", "CoRL.2025", 1, "Named Entity Recognition", "Long");
  anthology.track = "long";
  VenuePaper copy = Paper("2024.naacl-long.1@ACL", "CoRL.2025", 9, "Named entity recognition", "Long");
  copy.track = "main";
  copy.keywords = {"ner"};
  copy.secondhand = true;
  Write({anthology});
  Write({copy});
  coolpapers::testing::TempDir other_dir;
  auto other = GetParam().open(other_dir.path());
  ASSERT_TRUE(other);
  ASSERT_TRUE((*other)->WriteEdition(Edition("CoRL", 2025, "Paper Copilot")));
  ASSERT_TRUE((*other)->WriteVenuePapers(std::vector{copy}));
  ASSERT_TRUE((*other)->WriteVenuePapers(std::vector{anthology}));
  const std::vector<std::string> id = {"2024.naacl-long.1@ACL"};
  for (const VenuePaper& paper : {ById(id).at(0), (*other)->VenuePapersByIds(id).value().at(0)}) {
    EXPECT_EQ(paper.title, "Named Entity Recognition");
    EXPECT_EQ(paper.track, "long");
    EXPECT_EQ(paper.position, 1);
    EXPECT_THAT(paper.keywords, ElementsAre("ner"));  // only the copy has them
  }
}

TEST_P(VenueStoreContractTest, RefusesPaperOfUnknownEditionAndWritesNothing) {
  const std::vector<VenuePaper> papers = {Paper("a@OpenReview", "CoRL.2025", 1, "First paper"),
                                          Paper("b@OpenReview", "ICLR.2024", 2, "Other venue")};
  auto written = store_->WriteVenuePapers(papers);
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(ById({"a@OpenReview"}), IsEmpty());
  std::vector<VenuePaper> untitled = {Paper("c@OpenReview", "CoRL.2025", 1, "")};
  EXPECT_EQ(store_->WriteVenuePapers(untitled).error().code, ErrorCode::kInvalidArgument);
}

// The search index follows venue papers by this stamp (search/index_sync.h, SyncVenueIndex):
// every write of papers or editions moves it, a refused write does not.
TEST_P(VenueStoreContractTest, EveryVenueWriteMovesTheVenueStamp) {
  const auto stamp = [&] {
    auto read = store_->VenueStamp();
    if (!read) ADD_FAILURE() << read.error().message << " / " << read.error().detail;
    return read.value_or(0);
  };
  const uint64_t after_edition = stamp();
  EXPECT_GT(after_edition, 0u);  // SetUp wrote an edition
  EXPECT_EQ(stamp(), after_edition);  // reading moves nothing
  Write({Paper("a@OpenReview", "CoRL.2025", 1, "First paper")});
  const uint64_t after_papers = stamp();
  EXPECT_GT(after_papers, after_edition);
  std::vector<VenuePaper> untitled = {Paper("c@OpenReview", "CoRL.2025", 1, "")};
  EXPECT_FALSE(store_->WriteVenuePapers(untitled));
  EXPECT_EQ(stamp(), after_papers);
  ASSERT_TRUE(store_->WriteEdition(Edition("ICLR", 2024, "OpenReview")));
  EXPECT_GT(stamp(), after_papers);
}

// The search index takes in only what changed since its stamp (SyncVenueIndex): new papers,
// papers a write changed or gave a new id, and every paper of a changed edition; never a paper
// a write left as it was.
TEST_P(VenueStoreContractTest, ChangedSinceAStampAreThePapersAndEditionsWritesChanged) {
  const auto stamp = [&] { return store_->VenueStamp().value(); };
  const auto changed = [&](uint64_t since) {
    auto papers = store_->VenuePapersChangedSince(since);
    if (!papers) ADD_FAILURE() << papers.error().message << " / " << papers.error().detail;
    return IdsOf(papers.value_or(std::vector<VenuePaper>{}));
  };
  const uint64_t start = stamp();
  Write({Paper("a@OpenReview", "CoRL.2025", 1, "First paper"),
         Paper("b@OpenReview", "CoRL.2025", 2, "Second paper")});
  EXPECT_THAT(changed(start), ElementsAre("a@OpenReview", "b@OpenReview"));
  const uint64_t written = stamp();
  EXPECT_THAT(changed(written), IsEmpty());
  // The same records again, and the edition as it is: the stamp moves, nothing changed.
  Write({Paper("a@OpenReview", "CoRL.2025", 1, "First paper")});
  ASSERT_TRUE(store_->WriteEdition(Edition("CoRL", 2025, "PMLR v305")));
  EXPECT_GT(stamp(), written);
  EXPECT_THAT(changed(written), IsEmpty());
  // b published in the proceedings: shown under its PMLR id now, the OpenReview one its other.
  const uint64_t before_merge = stamp();
  VenuePaper proceedings = Paper("b25a@v305@PMLR", "CoRL.2025", 2, "Second paper");
  proceedings.other_ids = {Id("b@OpenReview")};
  Write({proceedings});
  const std::vector<VenuePaper> merged = store_->VenuePapersChangedSince(before_merge).value();
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].id.ToString(), "b25a@v305@PMLR");
  ASSERT_EQ(merged[0].other_ids.size(), 1u);
  EXPECT_EQ(merged[0].other_ids[0].ToString(), "b@OpenReview");
  // A changed edition (its dates date its papers in the index) changes all its papers.
  const uint64_t before_dates = stamp();
  VenueEdition dated = Edition("CoRL", 2025, "PMLR v305");
  dated.start_date = "2025-09-27";
  ASSERT_TRUE(store_->WriteEdition(dated));
  ASSERT_TRUE(store_->WriteEdition(Edition("ICLR", 2024, "OpenReview")));
  EXPECT_THAT(changed(before_dates), ElementsAre("a@OpenReview", "b25a@v305@PMLR"));
  // From 0: every paper.
  EXPECT_THAT(changed(0), ElementsAre("a@OpenReview", "b25a@v305@PMLR"));
}

TEST_P(VenueStoreContractTest, CountsAndPagesGroupsInSourceOrder) {
  Write({Paper("a@OpenReview", "CoRL.2025", 3, "Third", "Poster"),
         Paper("b@OpenReview", "CoRL.2025", 1, "First", "Oral"),
         Paper("c@OpenReview", "CoRL.2025", 2, "Second", "Poster"),
         Paper("d@OpenReview", "CoRL.2025", 4, "Fourth", "Poster")});
  auto groups = store_->GroupCounts("CoRL.2025");
  ASSERT_TRUE(groups);
  ASSERT_EQ(groups->size(), 2u);
  EXPECT_EQ((*groups)[0].group, "Oral");
  EXPECT_EQ((*groups)[0].papers, 1);
  EXPECT_EQ((*groups)[1].group, "Poster");
  EXPECT_EQ((*groups)[1].papers, 3);
  EXPECT_EQ((*groups)[1].accepted, 3);
  EXPECT_THAT(IdsOf(OfEdition(std::nullopt, 1, 2)), ElementsAre("c@OpenReview", "a@OpenReview"));
  EXPECT_THAT(IdsOf(OfEdition("Poster", 0, 2)), ElementsAre("c@OpenReview", "a@OpenReview"));
  EXPECT_THAT(IdsOf(OfEdition("Poster", 2, 25)), ElementsAre("d@OpenReview"));
  EXPECT_THAT(OfEdition("Spotlight", 0, 25), IsEmpty());
  EXPECT_THAT(store_->GroupCounts("ICLR.2024").value(), IsEmpty());
}

TEST_P(VenueStoreContractTest, ReturnsPapersByAnyIdInTheOrderAskedEachOnce) {
  VenuePaper pmlr = Paper("xie25a@v305@PMLR", "CoRL.2025", 1, "One");
  pmlr.other_ids = {Id("wnWYoetLhC@OpenReview")};
  Write({pmlr, Paper("b@OpenReview", "CoRL.2025", 2, "Two")});
  EXPECT_THAT(IdsOf(ById({"b@OpenReview", "wnWYoetLhC@OpenReview", "missing@OpenReview",
                          "xie25a@v305@PMLR"})),
              ElementsAre("b@OpenReview", "xie25a@v305@PMLR"));
  EXPECT_THAT(ById({}), IsEmpty());
}

TEST_P(VenueStoreContractTest, MergesEditionsAndKeepsOfficialCounts) {
  VenueEdition more = Edition("CoRL", 2025, "Paper Copilot");
  more.full_name = "Conference on Robot Learning";
  more.official_count = 263;
  more.official_count_source = "PMLR v305";
  ASSERT_TRUE(store_->WriteEdition(more));
  ASSERT_TRUE(store_->WriteEdition(Edition("CoRL", 2025, "PMLR v305")));
  ASSERT_TRUE(store_->WriteEdition(Edition("ICLR", 2024, "OpenReview")));
  ASSERT_TRUE(store_->WriteEdition(Edition("COLT", 2026, "PMLR v336")));
  auto edition = store_->LoadEdition("CoRL.2025");
  ASSERT_TRUE(edition && *edition);
  EXPECT_EQ((*edition)->full_name, "Conference on Robot Learning");
  EXPECT_THAT((*edition)->sources, ElementsAre("PMLR v305", "Paper Copilot"));
  EXPECT_EQ((*edition)->official_count, 263);
  EXPECT_EQ((*edition)->official_count_source, "PMLR v305");
  EXPECT_FALSE(store_->LoadEdition("CoRL.2024").value());

  Write({Paper("a@OpenReview", "CoRL.2025", 1, "First paper")});
  auto editions = store_->ListEditions();
  ASSERT_TRUE(editions);
  std::vector<std::string> tags;
  for (const VenueEditionSummary& summary : *editions) tags.push_back(summary.edition.Tag());
  EXPECT_THAT(tags, ElementsAre("COLT.2026", "CoRL.2025", "ICLR.2024"));
  EXPECT_EQ((*editions)[1].papers, 1);
  EXPECT_EQ((*editions)[1].accepted, 1);
  EXPECT_EQ(store_->WriteEdition(Edition("", 2025, "x")).error().code, ErrorCode::kInvalidArgument);
}

TEST_P(VenueStoreContractTest, LinksUniqueTitleMatchesToArxivPapers) {
  auto papers = GetParam().open_papers(dir_.path());
  ASSERT_TRUE(papers);
  std::vector<PaperRecord> records = {
      testing::NewPaperRecord("2501.00001", {"cs.RO"}, testing::Day("2025-01-06"), 1),
      testing::NewPaperRecord("2501.00002", {"cs.RO"}, testing::Day("2025-01-06"), 2),
      testing::NewPaperRecord("2501.00003", {"cs.RO"}, testing::Day("2025-01-06"), 3)};
  records[0].paper.title = "Data Retrieval with Importance Weights";
  records[1].paper.title = "A Title Two Papers Share";
  records[2].paper.title = "A title two papers share.";
  ASSERT_TRUE((*papers)->WriteRecords(records));

  VenuePaper given = Paper("g@OpenReview", "CoRL.2025", 4, "Given by the source");
  given.arxiv_id = "2409.99999";
  given.arxiv_link = ArxivLink::kSource;
  Write({Paper("a@OpenReview", "CoRL.2025", 1, "Data retrieval with importance weights!"),
         Paper("b@OpenReview", "CoRL.2025", 2, "A title two papers share"),
         Paper("c@OpenReview", "CoRL.2025", 3, "Nothing like it on arXiv"), given});
  EXPECT_EQ(store_->LinkArxivByTitle().value(), 1);
  EXPECT_EQ(store_->LinkArxivByTitle().value(), 0);

  const std::vector<VenuePaper> linked = ById({"a@OpenReview", "b@OpenReview", "g@OpenReview"});
  ASSERT_EQ(linked.size(), 3u);
  EXPECT_EQ(linked[0].arxiv_id, "2501.00001");
  EXPECT_EQ(linked[0].arxiv_link, ArxivLink::kTitle);
  EXPECT_EQ(linked[1].arxiv_id, "");  // two arXiv papers have its title
  EXPECT_EQ(linked[2].arxiv_id, "2409.99999");
  EXPECT_EQ(linked[2].arxiv_link, ArxivLink::kSource);

  const std::vector<std::string> arxiv_ids = {"2409.99999", "2501.00001", "2501.00003"};
  EXPECT_THAT(IdsOf(store_->VenuePapersOfArxiv(arxiv_ids).value()),
              ElementsAre("g@OpenReview", "a@OpenReview"));

  // An arXiv paper stored later is taken in by the next call.
  records = {testing::NewPaperRecord("2502.00004", {"cs.RO"}, testing::Day("2025-02-03"), 1)};
  records[0].paper.title = "Nothing Like It on arXiv";
  ASSERT_TRUE((*papers)->WriteRecords(records));
  EXPECT_EQ(store_->LinkArxivByTitle().value(), 1);
  EXPECT_EQ(ById({"c@OpenReview"}).at(0).arxiv_id, "2502.00004");
}

// Issue #14: [PDF] and [FAQ] clicks on venue cards count as an arXiv paper's do (migrations
// 0017 / pg 0010 dropped the foreign key to papers that refused them).
TEST_P(VenueStoreContractTest, ClicksOnVenuePapersCountOncePerReaderKindAndDay) {
  VenuePaper paper = Paper("xie25a@v305@PMLR", "CoRL.2025", 1, "Latent Action Diffusion");
  paper.other_ids = {Id("wnWYoetLhC@OpenReview")};
  Write({paper});
  auto papers = GetParam().open_papers(dir_.path());
  ASSERT_TRUE(papers) << papers.error().message << " / " << papers.error().detail;
  Store& clicks = **papers;
  const Date day = testing::Day("2025-05-14");
  const struct {
    std::string reader;
    ClickKind kind;
    Date day;
    int64_t pdf_after;
    int64_t faq_after;
  } kClicks[] = {
      {"reader-one-0000001", ClickKind::kPdf, day, 1, 0},
      {"reader-one-0000001", ClickKind::kPdf, day, 1, 0},  // the same reader the same day
      {"reader-two-0000002", ClickKind::kPdf, day, 2, 0},
      {"reader-one-0000001", ClickKind::kFaq, day, 2, 1},
      {"reader-one-0000001", ClickKind::kPdf, testing::Day("2025-05-15"), 3, 1},
  };
  for (const auto& click : kClicks) {
    auto counts = clicks.AddClick("xie25a@v305@PMLR", click.kind, click.reader, click.day);
    ASSERT_TRUE(counts) << counts.error().message << " / " << counts.error().detail;
    EXPECT_EQ(counts->pdf, click.pdf_after) << click.reader;
    EXPECT_EQ(counts->faq, click.faq_after) << click.reader;
  }
  auto unknown = clicks.AddClick("nope25a@v305@PMLR", ClickKind::kPdf, "reader-one-0000001", day);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);

  const std::vector<std::string> ids = {"xie25a@v305@PMLR", "nope25a@v305@PMLR"};
  const std::vector<ClickCounts> counted = clicks.ClicksFor(ids).value();
  ASSERT_EQ(counted.size(), 2u);
  EXPECT_EQ(counted[0].pdf, 3);
  EXPECT_EQ(counted[0].faq, 1);
  EXPECT_EQ(counted[1].pdf, 0);
}

// Issue #14: a venue paper's FAQ is stored under its id, at version 1, beside arXiv answers.
TEST_P(VenueStoreContractTest, FaqAnswersOfVenuePapersAreStoredAndReadBack) {
  Write({Paper("xie25a@v305@PMLR", "CoRL.2025", 1, "Latent Action Diffusion")});
  auto faq = GetParam().open_faq(dir_.path());
  ASSERT_TRUE(faq) << faq.error().message << " / " << faq.error().detail;
  FaqAnswer answer;
  answer.paper_id = "xie25a@v305@PMLR";
  answer.version = 1;
  answer.language = FaqLanguage::kChinese;
  answer.model = "loopback-model";
  answer.created = UtcTime(std::chrono::seconds(1'747'200'000));
  answer.items = {{"problem", "这篇论文试图解决什么问题？", "Latent actions [page 2].", {2}, 900, 40}};
  answer.closing = "Check the cited pages.";
  ASSERT_TRUE((*faq)->SavePartialItem("xie25a@v305@PMLR", FaqLanguage::kChinese, 1,
                                      "loopback-model", 0, answer.items[0]));
  Result<void> saved = (*faq)->SaveAnswer(answer);
  ASSERT_TRUE(saved) << saved.error().message << " / " << saved.error().detail;

  auto loaded = (*faq)->LoadAnswer("xie25a@v305@PMLR", FaqLanguage::kChinese);
  ASSERT_TRUE(loaded) << loaded.error().message;
  ASSERT_TRUE(*loaded);
  EXPECT_EQ((*loaded)->version, 1);
  EXPECT_EQ((*loaded)->model, "loopback-model");
  ASSERT_EQ((*loaded)->items.size(), 1u);
  EXPECT_EQ((*loaded)->items[0].answer, "Latent actions [page 2].");
  EXPECT_EQ((*loaded)->items[0].pages, std::vector<int>{2});
  EXPECT_FALSE((*faq)->LoadAnswer("xie25a@v305@PMLR", FaqLanguage::kEnglish).value());
  EXPECT_TRUE((*faq)
                  ->LoadPartialItems("xie25a@v305@PMLR", FaqLanguage::kChinese, 1, "loopback-model")
                  .value()
                  .empty());
  // The search index keeps arXiv papers' texts only: a venue paper's is not kept, and says so.
  Result<void> text = (*faq)->SavePaperText("xie25a@v305@PMLR", 1, "[page 1]\nLatent actions");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, VenueStoreContractTest,
                         ::testing::Values(SqliteVenueBackend(), PgVenueBackend()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace coolpapers::store
