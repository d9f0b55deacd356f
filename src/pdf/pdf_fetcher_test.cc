#include "pdf/pdf_fetcher.h"

#include <chrono>
#include <memory>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/test_pdf.h"
#include "tests/support/fake_clock.h"
#include "net/polite_client.h"
#include "store/sqlite_job_queue.h"
#include "tests/support/replay_server.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::pdf {
namespace {

using std::chrono::milliseconds;
using ::testing::HasSubstr;
using coolpapers::testing::CannedResponse;
using coolpapers::testing::Fault;

ArxivId Id(std::string_view text) { return ArxivId::Parse(text).value(); }

store::JobTime Now() {
  return std::chrono::floor<milliseconds>(std::chrono::system_clock::now());
}

TEST(MakePdfUrl, FillsInTheIdAndVersion) {
  const struct {
    std::string_view source;
    std::string_view id;
    std::string_view url;
  } kCases[] = {
      {kDefaultPdfSource, "2401.06769v2", "https://arxiv.org/pdf/2401.06769v2"},
      {kDefaultPdfSource, "hep-th/9901001v1", "https://arxiv.org/pdf/hep-th/9901001v1"},
      {"http://mirror.example/{id}/v{version}.pdf", "1406.2661v3",
       "http://mirror.example/1406.2661/v3.pdf"},
  };
  for (const auto& c : kCases) EXPECT_EQ(MakePdfUrl(c.source, Id(c.id)).value(), c.url) << c.id;
}

TEST(MakePdfUrl, RejectsASourceWithoutIdOrHttpAndAnUnversionedId) {
  EXPECT_EQ(MakePdfUrl("https://arxiv.org/pdf/", Id("2401.06769v1")).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(MakePdfUrl("file:///tmp/{id}", Id("2401.06769v1")).error().code,
            ErrorCode::kInvalidArgument);
  const auto unversioned = MakePdfUrl(kDefaultPdfSource, Id("2401.06769"));
  ASSERT_FALSE(unversioned);
  EXPECT_THAT(unversioned.error().message, HasSubstr("2401.06769v1"));
}

TEST(PdfJobKey, NamesTheVersion) {
  EXPECT_EQ(PdfJobKey(Id("2401.06769v2")), "pdf:2401.06769v2");
  EXPECT_EQ(PdfJobKey(Id("hep-th/9901001v1")), "pdf:hep-th/9901001v1");
}

// A real socket (the replay server), a real cache folder and queue; the polite client's waits
// run on a fake clock, so retries take no time.
class PdfFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    net::CurlHttpClientOptions http;
    http.connect_timeout = milliseconds(2000);
    http.total_timeout = milliseconds(10'000);
    http.use_environment_proxy = false;
    curl_ = net::MakeCurlHttpClient(http);
    net::RetryOptions retry;
    retry.max_attempts = 3;
    retry.initial_backoff = milliseconds(1000);
    retry.jitter = 0;
    polite_ = std::make_unique<net::PoliteClient>(*curl_, politeness_, retry, clock_,
                                                  [] { return 0.5; });
    cache_ = std::move(PdfCache::Open(dir_.path() / "pdf", 8 << 20).value());
    queue_ = std::move(store::OpenSqliteJobQueue(dir_.path() / "coolpapers.sqlite").value());
    fetcher_ = std::make_unique<PdfFetcher>(*cache_, *polite_, *queue_,
                                            server_.Url("/pdf/{id}v{version}"));
  }

  void ServePdf(const std::string& target, std::string bytes) {
    server_.SetRoute(target, CannedResponse{200, {{"Content-Type", "application/pdf"}},
                                            std::move(bytes), false});
  }

  jobs::JobOutcome RunJobFor(std::string_view id) {
    store::Job job;
    job.kind = store::JobKind::kPdf;
    job.key = PdfJobKey(Id(id));
    return fetcher_->RunJob(job, jobs::JobContext{});
  }

  coolpapers::testing::ReplayServer server_;
  coolpapers::testing::TempDir dir_;
  coolpapers::testing::FakeClock clock_;
  net::HostPoliteness politeness_{clock_};
  std::unique_ptr<net::HttpClient> curl_;
  std::unique_ptr<net::PoliteClient> polite_;
  std::unique_ptr<PdfCache> cache_;
  std::unique_ptr<store::JobQueue> queue_;
  std::unique_ptr<PdfFetcher> fetcher_;
};

TEST_F(PdfFetcherTest, DownloadsARealArxivPdfOnceThenServesItFromTheCache) {
  COOLPAPERS_REQUIRE_SHARED_DATA(data);
  server_.SetRouteFromFile("/pdf/2304.02623v1", data / "pdfs" / "2304.02623v1.pdf",
                           "application/pdf");
  const std::string expected = coolpapers::testing::ReadFileBytes(data / "pdfs" / "2304.02623v1.pdf");

  Result<std::string> first = fetcher_->Load(Id("2304.02623v1"));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, expected);
  Result<std::string> second = fetcher_->Load(Id("2304.02623v1"));
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, expected);
  EXPECT_EQ(server_.RequestLog().size(), 1u) << "the second load comes from the cache";
  const auto cached = cache_->Find(Id("2304.02623v1"));
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->size, expected.size());
}

TEST_F(PdfFetcherTest, DownloadsAGeneratedPdfOfAnOldStyleId) {
  const std::string pdf = testing::MakeTestPdf({testing::TestPage{{{72, 72, 12, "Old paper"}}}});
  ServePdf("/pdf/hep-th/9901001v1", pdf);
  Result<std::string> loaded = fetcher_->Load(Id("hep-th/9901001v1"));
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(*loaded, pdf);
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "pdf" / "hep-th_9901001v1.pdf"));
  EXPECT_EQ(RunJobFor("hep-th/9901001v1").text, kPdfCachedResult);
}

TEST_F(PdfFetcherTest, AnHtmlAnswerIsNotFoundAndNotCached) {
  server_.SetRoute("/pdf/2401.00001v1",
                   CannedResponse{200, {{"Content-Type", "text/html; charset=utf-8"}},
                                  "<html><body>Article withdrawn</body></html>", false});
  Result<std::string> loaded = fetcher_->Load(Id("2401.00001v1"));
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(loaded.error().message, HasSubstr("arXiv has no PDF of 2401.00001v1"));
  EXPECT_THAT(loaded.error().message, HasSubstr("text/html"));
  EXPECT_FALSE(cache_->Find(Id("2401.00001v1")));
  const jobs::JobOutcome outcome = RunJobFor("2401.00001v1");
  EXPECT_EQ(outcome.kind, jobs::JobOutcome::Kind::kDone);
  EXPECT_EQ(outcome.text, kPdfNotFoundResult);
}

TEST_F(PdfFetcherTest, A404IsNotFoundWithoutRetries) {
  Result<std::string> loaded = fetcher_->Load(Id("2401.00002v9"));  // no route: 404
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(loaded.error().message, HasSubstr("HTTP 404"));
  EXPECT_EQ(server_.RequestLog().size(), 1u);
}

TEST_F(PdfFetcherTest, A503IsRetriedByThePoliteClient) {
  const std::string pdf = testing::MakeTestPdf({testing::TestPage{{{72, 72, 12, "Retried"}}}});
  ServePdf("/pdf/2401.00003v1", pdf);
  server_.AddFault("/pdf/2401.00003v1", Fault{Fault::Kind::kStatus, 503, "", {}});
  Result<std::string> loaded = fetcher_->Load(Id("2401.00003v1"));
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(*loaded, pdf);
  EXPECT_EQ(server_.RequestLog().size(), 2u);
}

TEST_F(PdfFetcherTest, A503ThatLastsIsUnavailableAndTheJobRetriesLater) {
  ServePdf("/pdf/2401.00004v1", "%PDF-1.4 never served");
  server_.AddFault("/pdf/2401.00004v1", Fault{Fault::Kind::kStatus, 503, "", {}}, 10);
  Result<std::string> loaded = fetcher_->Load(Id("2401.00004v1"));
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kUnavailable);
  const jobs::JobOutcome outcome = RunJobFor("2401.00004v1");
  EXPECT_EQ(outcome.kind, jobs::JobOutcome::Kind::kRetry);
  EXPECT_FALSE(cache_->Find(Id("2401.00004v1")));
}

TEST_F(PdfFetcherTest, APdfLargerThanTheCacheIsStillReturned) {
  auto small = PdfCache::Open(dir_.path() / "small", 10);
  ASSERT_TRUE(small);
  PdfFetcher fetcher(**small, *polite_, *queue_, server_.Url("/pdf/{id}v{version}"));
  ServePdf("/pdf/2401.00005v1", "%PDF-1.4 more than ten bytes");
  Result<std::string> loaded = fetcher.Load(Id("2401.00005v1"));
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, "%PDF-1.4 more than ten bytes");
  store::Job job;
  job.kind = store::JobKind::kPdf;
  job.key = "pdf:2401.00005v1";
  EXPECT_EQ(fetcher.RunJob(job, {}).text, kPdfTooLargeResult);
}

TEST_F(PdfFetcherTest, RefusesAnUnversionedIdAndAStoppedLoadFetchesNothing) {
  EXPECT_EQ(fetcher_->Load(Id("2401.00006")).error().code, ErrorCode::kInvalidArgument);
  std::stop_source stop;
  stop.request_stop();
  ServePdf("/pdf/2401.00006v1", "%PDF-1.4");
  EXPECT_EQ(fetcher_->Load(Id("2401.00006v1"), stop.get_token()).error().code,
            ErrorCode::kUnavailable);
  EXPECT_TRUE(server_.RequestLog().empty());
}

TEST_F(PdfFetcherTest, AMalformedJobKeyFails) {
  store::Job job;
  job.kind = store::JobKind::kPdf;
  job.key = "paper:2401.00001";
  EXPECT_EQ(fetcher_->RunJob(job, {}).kind, jobs::JobOutcome::Kind::kFail);
}

TEST_F(PdfFetcherTest, RequestPdfQueuesOnceAndAgainAfterEviction) {
  const store::JobTime now = Now();
  Result<store::Job> job = fetcher_->RequestPdf(Id("2401.00007v2"), store::JobPriority::kHistory, now);
  ASSERT_TRUE(job) << job.error().message;
  EXPECT_EQ(job->key, "pdf:2401.00007v2");
  EXPECT_EQ(job->kind, store::JobKind::kPdf);
  EXPECT_EQ(job->state, store::JobState::kQueued);
  // Finish it as cached, without a file: the PDF is gone, so asking again queues it again.
  auto claimed = queue_->Claim(store::JobKind::kPdf, "test", now, milliseconds(60'000));
  ASSERT_TRUE(claimed && *claimed);
  ASSERT_TRUE(queue_->Complete((*claimed)->id, "test", kPdfCachedResult, now));
  Result<store::Job> again = fetcher_->RequestPdf(Id("2401.00007v2"), store::JobPriority::kAdmin, now);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->state, store::JobState::kQueued);
  EXPECT_EQ(again->priority, store::JobPriority::kAdmin);
  EXPECT_EQ(fetcher_->RequestPdf(Id("2401.00007"), store::JobPriority::kAdmin, now).error().code,
            ErrorCode::kInvalidArgument);
}

TEST_F(PdfFetcherTest, RequestPdfRetriesANotFoundOnlyAfterADay) {
  const store::JobTime then = Now();
  ASSERT_TRUE(fetcher_->RequestPdf(Id("2401.00008v1"), store::JobPriority::kHistory, then));
  auto claimed = queue_->Claim(store::JobKind::kPdf, "test", then, milliseconds(60'000));
  ASSERT_TRUE(claimed && *claimed);
  ASSERT_TRUE(queue_->Complete((*claimed)->id, "test", kPdfNotFoundResult, then));
  auto soon = fetcher_->RequestPdf(Id("2401.00008v1"), store::JobPriority::kHistory,
                                   then + std::chrono::hours(1));
  ASSERT_TRUE(soon);
  EXPECT_EQ(soon->state, store::JobState::kDone);
  auto later = fetcher_->RequestPdf(Id("2401.00008v1"), store::JobPriority::kHistory,
                                    then + kRetryMissingPdfAfter);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->state, store::JobState::kQueued);
}

}  // namespace
}  // namespace coolpapers::pdf
