// Issue #14's pages on real samples: NAACL 2024 (the Anthology's XML) and CoRL 2025 (the PMLR
// bib) imported from ../shared/data/venues into one SQLite file, served by a Site as `serve`
// builds it, and read back as pages and JSON.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/venue/venue_importer.h"
#include "search/index_sync.h"
#include "search/paper_indexer.h"
#include "search/searcher.h"
#include "store/sqlite_store.h"
#include "store/sqlite_venue_store.h"
#include "tests/integration/venue_sample_files.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/feed/atom_feed.h"
#include "web/site.h"

namespace coolpapers {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class FailOnMalformed : public ingest::ImportObserver {
 public:
  void OnProgress(const ingest::ImportCounts&) override {}
  void OnMalformedLine(const ingest::MalformedLine& line) override {
    ADD_FAILURE() << line.file << ":" << line.line << ": " << line.message;
  }
};

TEST(VenuePages, RealEditionsAnswerAsPagesAndJson) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  testing::TempDir dir;
  const std::filesystem::path file = dir.path() / "coolpapers.sqlite";
  auto store = store::OpenSqliteStore(file);
  ASSERT_TRUE(store) << store.error().message;
  auto venues = store::OpenSqliteVenueStore(file);
  ASSERT_TRUE(venues) << venues.error().message;
  FailOnMalformed observer;
  const std::vector<std::filesystem::path> files = {
      data / "venues/acl-anthology/2024.naacl.xml", data / "venues/pmlr/v305-corl2025/corl25.bib"};
  ASSERT_TRUE(ingest::ImportVenueFiles(**venues, files, observer));
  web::SiteServices services;
  services.venues = venues->get();
  web::Site site(**store, web::SiteOptions{}, services);
  auto get = [&site](std::string_view target) {
    return site.Handle(web::testing::GetRequest(target));
  };

  const web::Response naacl = get("/venue/NAACL.2024?group=Long&show=500");
  ASSERT_EQ(naacl.status, 200) << *naacl.body;
  EXPECT_THAT(*naacl.body, HasSubstr("Total: 487"));
  EXPECT_THAT(*naacl.body, HasSubstr("Naive Bayes-based Context Extension for Large Language Models"));
  EXPECT_THAT(*naacl.body, HasSubstr("<span class=\"author\" data-family=\"Wang\" data-given=\"Qingyun\">"
                                     "Qingyun Wang</span> <span "
                                     "class=\"affiliation\">(University of Illinois, Urbana "
                                     "Champaign)</span>"));

  const web::Response paper = get("/venue/2024.naacl-long.431@ACL");
  ASSERT_EQ(paper.status, 200);
  EXPECT_THAT(*paper.body, HasSubstr("<meta name=\"citation_title\" content=\"Naive Bayes-based "
                                     "Context Extension for Large Language Models\">"));
  EXPECT_THAT(*paper.body, HasSubstr("<meta name=\"z:itemType\" content=\"conferencePaper\">"));
  EXPECT_THAT(*paper.body,
              HasSubstr("<meta name=\"citation_pdf_url\" content=\"https://aclanthology.org/2024.naacl-long.431.pdf\">"));

  const web::Response corl = get("/api/venue/CoRL.2025?group=Oral&show=100");
  ASSERT_EQ(corl.status, 200) << *corl.body;
  const nlohmann::json edition = nlohmann::json::parse(*corl.body);
  EXPECT_EQ(edition["total"], 42);
  EXPECT_EQ(edition["papers"].size(), 42u);
  // A PMLR paper known by its OpenReview id too: both ids reach it.
  const std::string id = edition["papers"][0]["id"];
  ASSERT_FALSE(edition["papers"][0]["other_ids"].empty());
  const std::string other = edition["papers"][0]["other_ids"][0];
  const web::Response by_other = get("/api/venue/" + other);
  ASSERT_EQ(by_other.status, 200);
  EXPECT_EQ(nlohmann::json::parse(*by_other.body)["papers"][0]["id"], id);

  const web::Response home = get("/");
  EXPECT_THAT(*home.body, HasSubstr("<a href=\"/venue/CoRL.2025\">CoRL.2025</a>"));
  EXPECT_THAT(*home.body, HasSubstr("263 papers"));
  EXPECT_THAT(*home.body, HasSubstr("662 papers"));
}

// `coolpapers doctor` lists the editions whose stored accepted papers differ from the official
// count: the OpenReview samples of ICLR 2024 hold 3 accepted papers of the 2,260 its listing
// counts; CoRL 2025 states none and is not listed.
TEST(VenueDoctor, ListsEditionsWhoseCountDiffersFromTheOfficialOne) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  testing::TempDir dir;
  const std::string data_dir = (dir.path() / "var").string();
  std::vector<std::string> import = {"venue", "import", "--data", data_dir};
  for (const std::filesystem::path& file : AllVenueFiles(data)) import.push_back(file.string());
  const testing::CommandResult imported = testing::RunCoolpapers(import);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const testing::CommandResult doctor = testing::RunCoolpapers({"doctor", "--data", data_dir});
  EXPECT_THAT(doctor.output, HasSubstr("venue editions: 11 stored; 1 differs from the official "
                                       "count of accepted papers:\n  ICLR.2024        4 of 2,260 "
                                       "accepted papers (OpenReview API"))
      << doctor.output;
  EXPECT_THAT(doctor.output, Not(HasSubstr("  CoRL.2025 "))) << doctor.output;
}

// Every row of shared/data/venues/URLS.md §1 (the papers.cool venue routes) and §2 (the per-paper
// id forms), against every venue sample imported, answering as the row describes. The
// state-changing POST /venue/star and /venue/progress ("not for import") are refused
// (TheStateChangingRowsAreRefused); /venue/kimi is the venue FAQ's.
class VenueUrlRows : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::optional<std::filesystem::path> data = testing::SharedDataDir();
    if (!data) GTEST_SKIP() << "../shared/data is absent: the URL rows need the venue samples";
    const std::filesystem::path file = dir_.path() / "coolpapers.sqlite";
    auto store = store::OpenSqliteStore(file);
    ASSERT_TRUE(store) << store.error().message;
    store_ = *std::move(store);
    auto venues = store::OpenSqliteVenueStore(file);
    ASSERT_TRUE(venues) << venues.error().message;
    venues_ = *std::move(venues);
    FailOnMalformed observer;
    ASSERT_TRUE(ingest::ImportVenueFiles(*venues_, AllVenueFiles(*data), observer));
    // The search index as `venue import` leaves it (/venue/search).
    {
      auto indexer = search::PaperIndexer::Open(dir_.path() / "index");
      ASSERT_TRUE(indexer) << indexer.error().message;
      auto indexed = search::SyncVenueIndex(*venues_, **indexer);
      ASSERT_TRUE(indexed) << indexed.error().message;
    }
    auto searcher = search::Searcher::Open(dir_.path() / "index");
    ASSERT_TRUE(searcher) << searcher.error().message;
    searcher_ = *std::move(searcher);
    web::SiteServices services;
    services.venues = venues_.get();
    services.searcher = searcher_.get();
    site_ = std::make_unique<web::Site>(*store_, web::SiteOptions{}, services);
  }

  web::Response Get(std::string_view target) {
    web::Response response = site_->Handle(web::testing::GetRequest(target));
    EXPECT_LT(response.status, 500) << target << ": " << *response.body;
    return response;
  }
  static size_t Count(const std::string& text, std::string_view what) {
    size_t count = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
    return count;
  }
  static constexpr std::string_view kCard = "<div class=\"panel paper venue-paper\"";

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::VenueStore> venues_;
  std::unique_ptr<search::Searcher> searcher_;
  std::unique_ptr<web::Site> site_;
};

TEST_F(VenueUrlRows, AnEditionAndAVenuesNewestEdition) {
  // /venue/<NAME>.<YEAR>
  const web::Response corl = Get("/venue/CoRL.2025");
  ASSERT_EQ(corl.status, 200);
  EXPECT_THAT(*corl.body, HasSubstr("Total: 263"));
  // /venue/<NAME>: the newest collected edition (ICLR 2018, 2021 and 2024 are stored).
  const web::Response iclr = Get("/venue/ICLR");
  ASSERT_EQ(iclr.status, 200);
  EXPECT_THAT(*iclr.body, HasSubstr("<h1>ICLR.2024"));
  EXPECT_THAT(*iclr.body, HasSubstr("href=\"/venue/ICLR.2018\">2018</a>"));
  // The index: every venue and edition with its count.
  const web::Response index = Get("/venue/");
  ASSERT_EQ(index.status, 200);
  for (const char* edition : {"AISTATS.2024", "COLM.2024", "CoRL.2025", "ICCV.2019", "ICLR.2018",
                              "NAACL.2024", "NeurIPS.2018", "OSACT.2024", "COLT.2026"}) {
    EXPECT_THAT(*index.body, HasSubstr(std::string("<a href=\"/venue/") + edition + "\">"))
        << edition;
  }
  EXPECT_THAT(*index.body, HasSubstr("197 papers"));  // COLT 2026
}

// /venue/search?query= is branch:venue over every imported sample; venue: and date: narrow it.
TEST_F(VenueUrlRows, VenueSearchFindsAKnownTitle) {
  const web::Response found = Get(
      "/venue/search?query=%22Naive+Bayes-based+Context+Extension%22+venue%3ANAACL");
  ASSERT_EQ(found.status, 200);
  EXPECT_THAT(*found.body, HasSubstr("<div class=\"panel paper venue-paper\" "
                                     "id=\"2024.naacl-long.431@ACL\""));
  EXPECT_THAT(*found.body, HasSubstr("Total: 1<"));
  EXPECT_THAT(*found.body, HasSubstr("action=\"/venue/search\""));
  // Another venue, or other years, do not hold it.
  EXPECT_THAT(*Get("/venue/search?query=%22Naive+Bayes-based%22+venue%3Aiclr").body,
              HasSubstr("No papers match"));
  EXPECT_THAT(*Get("/venue/search?query=%22Naive+Bayes-based%22+date%3A2025..2026").body,
              HasSubstr("No papers match"));
  EXPECT_THAT(*Get("/venue/search?query=%22Naive+Bayes-based%22+date%3A2023..2024").body,
              HasSubstr("id=\"2024.naacl-long.431@ACL\""));
  // The JSON: the venue paper's own fields and its page.
  const web::Response api = Get("/api/venue/search?query=venue%3Acolt&show=5");
  ASSERT_EQ(api.status, 200);
  const nlohmann::json json = nlohmann::json::parse(*api.body);
  EXPECT_EQ(json["total"], 197);
  ASSERT_EQ(json["papers"].size(), 5u);
  EXPECT_EQ(json["papers"][0]["edition"], "COLT.2026");
  EXPECT_THAT(json["papers"][0]["url"].get<std::string>(), ::testing::StartsWith("/venue/"));
}

TEST_F(VenueUrlRows, TheFeeds) {
  // /venue/<NAME>/feed: the newest edition's papers.
  const web::Response corl = Get("/venue/CoRL/feed");
  ASSERT_EQ(corl.status, 200);
  EXPECT_EQ(corl.content_type, web::kAtomType);
  EXPECT_EQ(Count(*corl.body, "<entry>"), 263u);
  const web::Response edition = Get("/venue/COLT.2026/feed");
  ASSERT_EQ(edition.status, 200);
  EXPECT_EQ(Count(*edition.body, "<entry>"), 197u);
  // /venue/latest/feed: the newest proceedings, COLT 2026 first.
  const web::Response latest = Get("/venue/latest/feed");
  ASSERT_EQ(latest.status, 200);
  EXPECT_THAT(*latest.body, HasSubstr("<entry><id>urn:coolpapers:venue:COLT.2026</id>"));
  EXPECT_LT(latest.body->find("COLT.2026"), latest.body->find("ICLR.2018"));
}

TEST_F(VenueUrlRows, ShowSkipSortAndGroup) {
  // ?show=N&skip=M, show 25 by default.
  EXPECT_EQ(Count(*Get("/venue/CoRL.2025").body, kCard), 25u);
  const std::string slice = *Get("/venue/CoRL.2025?show=10&skip=5").body;
  EXPECT_EQ(Count(slice, kCard), 10u);
  EXPECT_THAT(slice, HasSubstr(">#6</a>"));
  EXPECT_THAT(slice, Not(HasSubstr(">#5</a>")));
  // ?sort=: accepted; the browser sorts the whole edition (frontend/js/sort_cards.js).
  for (const char* sort : {"stars", "time", "prefer", "1", "0"}) {
    EXPECT_EQ(Get(std::string("/venue/CoRL.2025?sort=") + sort).status, 200) << sort;
  }
  // ?group=<Presentation>, as in the scraper's NeurIPS URLs.
  const std::string spotlight = *Get("/venue/NeurIPS.2018?group=Spotlight&show=392").body;
  EXPECT_THAT(spotlight, HasSubstr("Total: 167"));
  EXPECT_EQ(Count(spotlight, kCard), 167u);
  const std::string oral = *Get("/venue/NeurIPS.2018?group=Oral&show=75").body;
  EXPECT_THAT(oral, HasSubstr("Total: 30"));
  EXPECT_THAT(oral, HasSubstr("Neural Ordinary Differential Equations"));
  EXPECT_EQ(Get("/venue/NeurIPS.2018?group=Findings").status, 404);
}

TEST_F(VenueUrlRows, PapersByEveryIdForm) {
  // /venue/<id>@<SOURCE> per §2, the "@" plain or as %40.
  const struct {
    const char* target;
    const char* title;
  } kRows[] = {
      {"/venue/wnWYoetLhC@OpenReview", "Data Retrieval with Importance Weights for Few-Shot Imitation Learning"},
      {"/venue/2024.naacl-long.431@ACL", "Naive Bayes-based Context Extension for Large Language Models"},
      {"/venue/xie25a@v305@PMLR", "Data Retrieval with Importance Weights for Few-Shot Imitation Learning"},
      {"/venue/xie25a%40v305%40PMLR", "Data Retrieval with Importance Weights for Few-Shot Imitation Learning"},
  };
  for (const auto& row : kRows) {
    const web::Response page = Get(row.target);
    ASSERT_EQ(page.status, 200) << row.target;
    EXPECT_THAT(*page.body, HasSubstr(row.title)) << row.target;
    EXPECT_EQ(Count(*page.body, kCard), 1u) << row.target;
  }
  // CVF: the ICCV 2019 sample's SinGAN, by the id its card links.
  const nlohmann::json iccv =
      nlohmann::json::parse(*Get("/api/venue/ICCV.2019?group=Oral&show=200").body);
  std::string singan;
  for (const nlohmann::json& paper : iccv["papers"]) {
    if (paper["title"] == "SinGAN: Learning a Generative Model From a Single Natural Image") {
      singan = paper["url"];
    }
  }
  ASSERT_THAT(singan, HasSubstr("%40ICCV2019%40CVF"));
  EXPECT_THAT(*Get(singan).body, HasSubstr("SinGAN"));
  // Forms no sample holds (IJCAI, AAAI, USENIX): read, and answered 404 naming the index.
  for (const char* target : {"/venue/42@2024@IJCAI", "/venue/38818@AAAI",
                             "/venue/xu-haichuan%40usenixsecurity24%40USENIX"}) {
    const web::Response missing = Get(target);
    EXPECT_EQ(missing.status, 404) << target;
    EXPECT_THAT(*missing.body, HasSubstr("/venue/")) << target;
  }
  // /venue/<id1>,<id2>,...: several papers on one page, the extension's form.
  const std::string several =
      *Get("/venue/2024.naacl-long.431@ACL,vlhoswksBO@OpenReview,gone@OpenReview").body;
  EXPECT_EQ(Count(several, kCard), 2u);
  EXPECT_THAT(several, HasSubstr("Not in this instance: gone@OpenReview"));
  // A malformed id: 400, saying which forms exist.
  const web::Response bad = Get("/venue/xie25a@PMLR");
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(*bad.body, HasSubstr("@v&lt;NN&gt;@PMLR"));
}

// URLS.md §1's edition rows name USENIX Security and OSDI editions, and §2's USENIX id form
// "<slug>@usenixsecurity24@USENIX": no sample holds one, so a Paper Copilot record of our own
// with a USENIX presentation page is imported beside them.
TEST_F(VenueUrlRows, UsenixEditionsAndIds) {
  const std::filesystem::path file = dir_.path() / "usenixsecurity2024.json";
  std::ofstream(file) << R"([{"title": "A Fixture Paper for the USENIX Id Form", "status": "Poster",
    "site": "https://www.usenix.org/conference/usenixsecurity24/presentation/xu-haichuan",
    "author": "Haichuan Xu; Test Author",
    "pdf": "https://www.usenix.org/system/files/usenixsecurity24-xu-haichuan.pdf"}])";
  FailOnMalformed observer;
  const std::vector<std::filesystem::path> files = {file};
  ASSERT_TRUE(ingest::ImportVenueFiles(*venues_, files, observer));
  for (const char* target : {"/venue/xu-haichuan%40usenixsecurity24%40USENIX",
                             "/venue/xu-haichuan@usenixsecurity24@USENIX",
                             "/venue/USENIX-Sec.2024", "/venue/USENIX-Sec"}) {
    const web::Response page = Get(target);
    ASSERT_EQ(page.status, 200) << target;
    EXPECT_THAT(*page.body, HasSubstr("A Fixture Paper for the USENIX Id Form")) << target;
    EXPECT_EQ(Count(*page.body, kCard), 1u) << target;
  }
  const nlohmann::json api =
      nlohmann::json::parse(*Get("/api/venue/xu-haichuan@usenixsecurity24@USENIX").body);
  EXPECT_EQ(api["papers"][0]["pdf_url"],
            "https://www.usenix.org/system/files/usenixsecurity24-xu-haichuan.pdf");
  // /venue/USENIX-Sec.2023 and /venue/OSDI.2025: editions this instance lacks, 404 naming
  // what it has.
  const web::Response year = Get("/venue/USENIX-Sec.2023");
  EXPECT_EQ(year.status, 404);
  EXPECT_THAT(*year.body, HasSubstr("USENIX-Sec.2024"));
  const web::Response osdi = Get("/venue/OSDI.2025");
  EXPECT_EQ(osdi.status, 404);
  EXPECT_THAT(*osdi.body, HasSubstr("CoRL.2025"));
  // A malformed USENIX id: 400 naming the forms, USENIX's among them.
  const web::Response bad = Get("/venue/xu-haichuan@USENIX");
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(*bad.body, HasSubstr("@&lt;conference&gt;&lt;yy&gt;@USENIX"));
}

// URLS.md §1: "POST /venue/star, POST /venue/kimi, /venue/progress: state-changing or costly;
// not for import". Stars live in the reader's browser here: a POST to /venue/star changes
// nothing and is refused, and /venue/progress is no venue.
TEST_F(VenueUrlRows, TheStateChangingRowsAreRefused) {
  web::Request post = web::testing::GetRequest("/venue/star");
  post.method = "POST";
  const web::Response star = site_->Handle(post);
  EXPECT_EQ(star.status, 405);
  const web::Response progress = Get("/venue/progress");
  EXPECT_EQ(progress.status, 404);
  EXPECT_THAT(*progress.body, HasSubstr("CoRL.2025"));
}

}  // namespace
}  // namespace coolpapers
