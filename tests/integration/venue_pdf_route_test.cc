// /pdf/<id>@<SOURCE> through the whole site and the real download chain: the venue store's PDF
// URL, the on-demand fetcher's pdf job run by a real worker pool, the polite client over a
// socket (the replay server standing in for the source's site), the cache, and the answers.
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "jobs/worker_pool.h"
#include "net/polite_client.h"
#include "pdf/on_demand_pdf_fetcher.h"
#include "pdf/pdf_cache.h"
#include "pdf/pdf_fetcher.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/replay_server.h"
#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/site.h"

namespace coolpapers::web {
namespace {

using std::chrono::milliseconds;
using ::testing::HasSubstr;
using coolpapers::testing::CannedResponse;

const std::string kVenuePdf = "%PDF-1.4\nvenue paper bytes\n%%EOF\n";

class VenuePdfRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    venues_ = store::OpenSqliteVenueStore(dir_.path() / "coolpapers.sqlite").value();
    ASSERT_TRUE(venues_->WriteEdition(ParseEditionTag("NAACL.2024").value()));
    std::vector<VenuePaper> papers;
    papers.push_back(Paper("2024.naacl-long.431@ACL", server_.Url("/2024.naacl-long.431.pdf")));
    papers.push_back(Paper("2024.naacl-long.1@ACL", "https://evil.example/steal.pdf"));
    papers.push_back(Paper("../../x@ACL", server_.Url("/hostile.pdf")));
    ASSERT_TRUE(venues_->WriteVenuePapers(papers));
    server_.SetRoute("/2024.naacl-long.431.pdf",
                     CannedResponse{200, {{"Content-Type", "application/pdf"}}, kVenuePdf, false});
    server_.SetRoute("/hostile.pdf",
                     CannedResponse{200, {{"Content-Type", "application/pdf"}}, kVenuePdf, false});

    net::CurlHttpClientOptions http;
    http.use_environment_proxy = false;
    curl_ = net::MakeCurlHttpClient(http);
    polite_ = std::make_unique<net::PoliteClient>(*curl_, politeness_, net::RetryOptions{},
                                                  clock_, [] { return 0.5; });
    cache_ = pdf::PdfCache::Open(dir_.path() / "pdf", 1 << 20).value();
    queue_ = store::OpenSqliteJobQueue(dir_.path() / "jobs.sqlite").value();
    fetcher_ = std::make_unique<pdf::PdfFetcher>(*cache_, *polite_, *queue_);
    fetcher_->EnableVenues(*venues_, {{VenueSource::kAcl, server_.Url("/")}});
    jobs::WorkerPoolOptions pool;
    pool.kind = store::JobKind::kPdf;
    workers_ = std::make_unique<jobs::WorkerPool>(
        *queue_,
        [this](const store::Job& job, const jobs::JobContext& context) {
          return fetcher_->RunJob(job, context);
        },
        pool);
    workers_->Start();

    SiteServices services;
    services.venues = venues_.get();
    services.pdf_cache = cache_.get();
    services.fetch_venue_pdf = pdf::MakeOnDemandVenuePdfFetcher(*fetcher_, *queue_, *workers_);
    site_ = std::make_unique<Site>(*store_, SiteOptions{}, std::move(services));
  }

  void TearDown() override {
    if (workers_) workers_->Stop();
  }

  static VenuePaper Paper(std::string_view id, std::string pdf_url) {
    VenuePaper paper;
    paper.id = ParseVenuePaperId(id).value();
    paper.edition = "NAACL.2024";
    paper.title = "Paper " + std::string(id);
    paper.status = "Accept";
    paper.pdf_url = std::move(pdf_url);
    return paper;
  }

  Response Get(std::string_view target) { return site_->Handle(testing::GetRequest(target)); }

  // Asks as the viewer does until the answer is no longer 202.
  Response GetUntilDone(std::string_view target) {
    for (int poll = 0; poll < 200; ++poll) {
      Response response = Get(target);
      if (response.status != 202) return response;
      std::this_thread::sleep_for(milliseconds(50));
    }
    return Get(target);
  }

  static std::string BodyOf(const Response& response) {
    if (response.file) return response.file->ReadAll().value();
    return response.body ? *response.body : std::string();
  }

  coolpapers::testing::ReplayServer server_;
  coolpapers::testing::TempDir dir_;
  coolpapers::testing::FakeClock clock_;
  net::HostPoliteness politeness_{clock_};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::VenueStore> venues_;
  std::unique_ptr<net::HttpClient> curl_;
  std::unique_ptr<net::PoliteClient> polite_;
  std::unique_ptr<pdf::PdfCache> cache_;
  std::unique_ptr<store::JobQueue> queue_;
  std::unique_ptr<pdf::PdfFetcher> fetcher_;
  std::unique_ptr<jobs::WorkerPool> workers_;
  std::unique_ptr<Site> site_;
};

TEST_F(VenuePdfRouteTest, QueuesTheDownloadFromTheSourceThenServesTheCachedPdf) {
  const Response first = Get("/pdf/2024.naacl-long.431%40ACL");
  ASSERT_EQ(first.status, 202) << BodyOf(first);
  EXPECT_EQ(nlohmann::json::parse(BodyOf(first))["id"], "2024.naacl-long.431@ACL");
  const Response done = GetUntilDone("/pdf/2024.naacl-long.431@ACL");
  ASSERT_EQ(done.status, 200) << BodyOf(done);
  EXPECT_EQ(done.content_type, "application/pdf");
  EXPECT_EQ(BodyOf(done), kVenuePdf);
  EXPECT_EQ(server_.RequestLog().size(), 1u);
  // Served from the cache from now on, with the validators of an arXiv PDF.
  const Response again = Get("/pdf/2024.naacl-long.431@ACL");
  EXPECT_EQ(again.status, 200);
  bool etag = false;
  for (const auto& [name, value] : again.headers) {
    if (name == "ETag") etag = value.find("2024.naacl-long.431@ACL") != std::string::npos;
  }
  EXPECT_TRUE(etag);
  EXPECT_EQ(server_.RequestLog().size(), 1u);
}

TEST_F(VenuePdfRouteTest, ARefusedHostIs404WithTheReasonAndIsNeverAsked) {
  const Response refused = Get("/pdf/2024.naacl-long.1@ACL");
  EXPECT_EQ(refused.status, 404);
  EXPECT_THAT(BodyOf(refused), HasSubstr("evil.example"));
  EXPECT_THAT(BodyOf(refused), HasSubstr("does not fetch"));
  EXPECT_FALSE(queue_->Find(store::JobKind::kPdf, "pdf:2024.naacl-long.1@ACL").value());
  EXPECT_TRUE(server_.RequestLog().empty());
}

TEST_F(VenuePdfRouteTest, AHostileIdIsServedFromInsideTheCacheFolder) {
  const Response done = GetUntilDone("/pdf/..%2F..%2Fx%40ACL");
  ASSERT_EQ(done.status, 200) << BodyOf(done);
  EXPECT_EQ(BodyOf(done), kVenuePdf);
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "pdf" / "venue_..%2F..%2Fx@ACL.pdf"));
}

TEST_F(VenuePdfRouteTest, UnknownPapersAndBadIdsSayWhatIsWrong) {
  const Response unknown = Get("/pdf/2024.naacl-long.999@ACL");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(BodyOf(unknown), HasSubstr("no venue paper 2024.naacl-long.999@ACL"));
  const Response bad = Get("/pdf/x@Nowhere");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(server_.RequestLog().empty());
}

}  // namespace
}  // namespace coolpapers::web
