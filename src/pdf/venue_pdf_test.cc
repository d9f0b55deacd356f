// Venue papers' PDFs: the cache's file names for any id, the allow-list of source hosts, and
// downloads over a real socket (the replay server) from the URL the venue store keeps.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "net/polite_client.h"
#include "pdf/on_demand_pdf_fetcher.h"
#include "pdf/pdf_cache.h"
#include "pdf/pdf_fetcher.h"
#include "pdf/venue_pdf_hosts.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/replay_server.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_pdf.h"

namespace coolpapers::pdf {
namespace {

using std::chrono::milliseconds;
using ::testing::HasSubstr;
using coolpapers::testing::CannedResponse;

VenuePaperId VenueId(std::string_view text) { return ParseVenuePaperId(text).value(); }

TEST(VenuePdfFileName, StaysInTheFolderForAnyIdAndTellsIdsApart) {
  EXPECT_EQ(VenuePdfFileName(VenueId("2024.naacl-long.431@ACL")),
            "venue_2024.naacl-long.431@ACL.pdf");
  EXPECT_EQ(VenuePdfFileName(VenueId("Park_SplineGS@CVPR2025@CVF")),
            "venue_Park%5FSplineGS@CVPR2025@CVF.pdf");
  // Hostile locals: the grammar allows '/', '.', '%' and bytes past ASCII.
  const std::string hostile[] = {"../../etc/passwd@OpenReview", "..@OpenReview",
                                 "a/b@ACL", "%2F..%2F@OpenReview", "caf\xC3\xA9@OpenReview",
                                 "a%5Fb@OpenReview", "a_b@OpenReview"};
  std::vector<std::string> names;
  for (const std::string& text : hostile) {
    const std::string name = VenuePdfFileName(VenueId(text));
    EXPECT_TRUE(name.starts_with("venue_")) << name;
    EXPECT_TRUE(name.ends_with(".pdf")) << name;
    EXPECT_EQ(name.find('/'), std::string::npos) << name;
    EXPECT_EQ(name.find('\\'), std::string::npos) << name;
    EXPECT_EQ(std::filesystem::path(name).filename().string(), name);
    names.push_back(name);
  }
  std::ranges::sort(names);
  EXPECT_EQ(std::ranges::adjacent_find(names), names.end()) << "two ids share a file name";
}

TEST(PdfCacheVenue, KeepsAHostileIdsPdfInsideTheFolderAndFindsItAfterReopening) {
  coolpapers::testing::TempDir dir;
  const VenuePaperId id = VenueId("../../escape@OpenReview");
  {
    auto cache = PdfCache::Open(dir.path() / "pdf", 1 << 20).value();
    ASSERT_TRUE(cache->Put(id, "%PDF-1.4 venue").value());
    EXPECT_EQ(cache->Read(id).value(), "%PDF-1.4 venue");
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "escape@OpenReview.pdf"));
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
      if (entry.is_regular_file()) {
        ++files;
        EXPECT_EQ(entry.path().parent_path(), dir.path() / "pdf");
      }
    }
    EXPECT_EQ(files, 1);
  }
  auto reopened = PdfCache::Open(dir.path() / "pdf", 1 << 20).value();
  EXPECT_EQ(reopened->Usage().entries, 1) << "a venue PDF counts towards the bound after a restart";
  ASSERT_TRUE(reopened->Find(id));
  EXPECT_FALSE(reopened->Find(VenueId("escape@OpenReview")));
}

TEST(PdfCacheVenue, RefusesAnIdTooLongForAFileName) {
  coolpapers::testing::TempDir dir;
  auto cache = PdfCache::Open(dir.path(), 1 << 20).value();
  const VenuePaperId id = VenueId(std::string(300, 'x') + "@OpenReview");
  EXPECT_EQ(cache->Put(id, "%PDF-1.4").error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(cache->Find(id));
  EXPECT_EQ(cache->Read(id).error().code, ErrorCode::kNotFound);
}

TEST(CheckVenuePdfUrl, AllowsOnlyTheSourcesOwnSites) {
  const VenuePdfAllowList& allow = DefaultVenuePdfAllowList();
  EXPECT_TRUE(CheckVenuePdfUrl(allow, VenueSource::kAcl,
                               "https://aclanthology.org/2024.naacl-long.431.pdf"));
  EXPECT_TRUE(CheckVenuePdfUrl(allow, VenueSource::kPmlr,
                               "https://proceedings.mlr.press/v305/xie25a/xie25a.pdf"));
  EXPECT_TRUE(CheckVenuePdfUrl(allow, VenueSource::kOpenReview,
                               "https://openreview.net/pdf?id=rhgIgTSSxW"));
  EXPECT_TRUE(CheckVenuePdfUrl(
      allow, VenueSource::kCvf,
      "https://openaccess.thecvf.com/content/CVPR2025/papers/Park_CVPR_2025_paper.pdf"));
  EXPECT_TRUE(CheckVenuePdfUrl(allow, VenueSource::kUsenix,
                               "https://www.usenix.org/system/files/usenixsecurity24-xu-haichuan.pdf"));
  const std::pair<VenueSource, std::string_view> refused[] = {
      {VenueSource::kAcl, "https://evil.example/2024.naacl-long.431.pdf"},
      {VenueSource::kAcl, "https://aclanthology.org.evil.example/x.pdf"},
      {VenueSource::kAcl, "https://aclanthology.org@evil.example/x.pdf"},
      {VenueSource::kAcl, "http://aclanthology.org/x.pdf"},  // ACL is https only
      {VenueSource::kAcl, "https://openreview.net/pdf?id=x"},  // another source's site
      {VenueSource::kAcl, "https://aclanthology.org/"},
      {VenueSource::kAcl, "https://aclanthology.org/x.pdf\r\nHost: evil"},
      {VenueSource::kPmlr, "https://raw.githubusercontent.com/someone/else/x.pdf"},
      {VenueSource::kOpenReview, "file:///etc/passwd"},
      {VenueSource::kOpenReview, "http://127.0.0.1/pdf"},
      {VenueSource::kUsenix, "https://usenix.org.evil.example/system/files/x.pdf"},
  };
  for (const auto& [source, url] : refused) {
    Result<void> checked = CheckVenuePdfUrl(allow, source, url);
    ASSERT_FALSE(checked) << url;
    EXPECT_EQ(checked.error().code, ErrorCode::kNotFound);
    EXPECT_THAT(checked.error().message, HasSubstr("does not fetch")) << url;
  }
}

// A real socket, cache folder, job queue and venue store; the polite client waits on a fake
// clock.
class VenuePdfFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    net::CurlHttpClientOptions http;
    http.connect_timeout = milliseconds(2000);
    http.total_timeout = milliseconds(10'000);
    http.use_environment_proxy = false;
    curl_ = net::MakeCurlHttpClient(http);
    net::RetryOptions retry;
    retry.max_attempts = 2;
    retry.initial_backoff = milliseconds(1000);
    retry.jitter = 0;
    polite_ = std::make_unique<net::PoliteClient>(*curl_, politeness_, retry, clock_,
                                                  [] { return 0.5; });
    cache_ = PdfCache::Open(dir_.path() / "pdf", 8 << 20).value();
    queue_ = store::OpenSqliteJobQueue(dir_.path() / "coolpapers.sqlite").value();
    venues_ = store::OpenSqliteVenueStore(dir_.path() / "coolpapers.sqlite").value();
    ASSERT_TRUE(venues_->WriteEdition(ParseEditionTag("NAACL.2024").value()));
    std::vector<VenuePaper> papers;
    papers.push_back(Paper("2024.naacl-long.431@ACL", server_.Url("/2024.naacl-long.431.pdf")));
    papers.push_back(Paper("2024.naacl-long.1@ACL", "https://evil.example/steal.pdf"));
    papers.push_back(Paper("2024.naacl-long.2@ACL", ""));
    papers.push_back(Paper("../../x@ACL", server_.Url("/hostile.pdf")));
    ASSERT_TRUE(venues_->WriteVenuePapers(papers));
    fetcher_ = std::make_unique<PdfFetcher>(*cache_, *polite_, *queue_);
    // The replay server stands in for aclanthology.org.
    fetcher_->EnableVenues(*venues_, {{VenueSource::kAcl, server_.Url("/")}});
  }

  static VenuePaper Paper(std::string_view id, std::string pdf_url) {
    VenuePaper paper;
    paper.id = VenueId(id);
    paper.edition = "NAACL.2024";
    paper.title = "Paper " + std::string(id);
    paper.status = "Accept";
    paper.pdf_url = std::move(pdf_url);
    return paper;
  }

  jobs::JobOutcome RunJobFor(std::string_view id) {
    store::Job job;
    job.kind = store::JobKind::kPdf;
    job.key = VenuePdfJobKey(VenueId(id));
    return fetcher_->RunJob(job, jobs::JobContext{});
  }

  static store::JobTime Now() {
    return std::chrono::floor<milliseconds>(std::chrono::system_clock::now());
  }

  coolpapers::testing::ReplayServer server_;
  coolpapers::testing::TempDir dir_;
  coolpapers::testing::FakeClock clock_;
  net::HostPoliteness politeness_{clock_};
  std::unique_ptr<net::HttpClient> curl_;
  std::unique_ptr<net::PoliteClient> polite_;
  std::unique_ptr<PdfCache> cache_;
  std::unique_ptr<store::JobQueue> queue_;
  std::unique_ptr<store::VenueStore> venues_;
  std::unique_ptr<PdfFetcher> fetcher_;
};

TEST_F(VenuePdfFetcherTest, ARunJobDownloadsTheStoredUrlOnceAndCachesIt) {
  const std::string pdf =
      testing::MakeTestPdf({testing::TestPage{{{72, 72, 12, "Naive Bayes-based Context"}}}});
  server_.SetRoute("/2024.naacl-long.431.pdf",
                   CannedResponse{200, {{"Content-Type", "application/pdf"}}, pdf, false});
  const jobs::JobOutcome outcome = RunJobFor("2024.naacl-long.431@ACL");
  EXPECT_EQ(outcome.kind, jobs::JobOutcome::Kind::kDone);
  EXPECT_EQ(outcome.text, kPdfCachedResult);
  EXPECT_EQ(cache_->Read(VenueId("2024.naacl-long.431@ACL")).value(), pdf);
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "pdf" / "venue_2024.naacl-long.431@ACL.pdf"));
  EXPECT_EQ(fetcher_->LoadVenue(VenueId("2024.naacl-long.431@ACL")).value(), pdf);
  EXPECT_EQ(server_.RequestLog().size(), 1u) << "the second load comes from the cache";
}

TEST_F(VenuePdfFetcherTest, ARefusedHostIsNeverAskedAndNothingIsQueued) {
  Result<std::string> loaded = fetcher_->LoadVenue(VenueId("2024.naacl-long.1@ACL"));
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(loaded.error().message, HasSubstr("https://evil.example/steal.pdf"));
  Result<store::Job> job = fetcher_->RequestVenuePdf(VenueId("2024.naacl-long.1@ACL"),
                                                     store::JobPriority::kHistory, Now());
  ASSERT_FALSE(job);
  EXPECT_EQ(job.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(queue_->Find(store::JobKind::kPdf, "pdf:2024.naacl-long.1@ACL").value());
  EXPECT_EQ(RunJobFor("2024.naacl-long.1@ACL").text, kPdfNotFoundResult);
  EXPECT_TRUE(server_.RequestLog().empty());
}

TEST_F(VenuePdfFetcherTest, UnknownPapersAndPapersWithoutAPdfAreNotFound) {
  EXPECT_THAT(fetcher_->LoadVenue(VenueId("2024.naacl-long.999@ACL")).error().message,
              HasSubstr("no venue paper 2024.naacl-long.999@ACL"));
  EXPECT_THAT(fetcher_->LoadVenue(VenueId("2024.naacl-long.2@ACL")).error().message,
              HasSubstr("gives no PDF"));
  EXPECT_TRUE(server_.RequestLog().empty());
}

TEST_F(VenuePdfFetcherTest, AHostileIdIsCachedInsideTheFolder) {
  server_.SetRoute("/hostile.pdf",
                   CannedResponse{200, {{"Content-Type", "application/pdf"}}, "%PDF-1.4 x", false});
  EXPECT_EQ(RunJobFor("../../x@ACL").text, kPdfCachedResult);
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "pdf" / "venue_..%2F..%2Fx@ACL.pdf"));
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "x@ACL.pdf"));
}

TEST_F(VenuePdfFetcherTest, AnHtmlAnswerIsNotFoundNamingTheSource) {
  server_.SetRoute("/2024.naacl-long.431.pdf",
                   CannedResponse{200, {{"Content-Type", "text/html"}}, "<html>login</html>", false});
  Result<std::string> loaded = fetcher_->LoadVenue(VenueId("2024.naacl-long.431@ACL"));
  ASSERT_FALSE(loaded);
  EXPECT_THAT(loaded.error().message, HasSubstr("ACL has no PDF of 2024.naacl-long.431@ACL"));
  EXPECT_FALSE(cache_->Find(VenueId("2024.naacl-long.431@ACL")));
}

TEST_F(VenuePdfFetcherTest, WithoutVenuesEnabledNothingIsFetched) {
  PdfFetcher plain(*cache_, *polite_, *queue_);
  EXPECT_EQ(plain.LoadVenue(VenueId("2024.naacl-long.431@ACL")).error().code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(server_.RequestLog().empty());
}

}  // namespace
}  // namespace coolpapers::pdf
