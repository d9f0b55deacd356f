#include "pdf/on_demand_pdf_fetcher.h"

#include <gtest/gtest.h>

#include "store/sqlite_job_queue.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::pdf {
namespace {

using std::chrono::minutes;
using State = jobs::PaperFetch::State;

store::JobTime Now() {
  return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

// Never called: asking for a download only queues it.
class UnusedClient final : public net::HttpClient {
 public:
  Result<net::HttpResponse> Get(const std::string& url) override {
    ADD_FAILURE() << "unexpected GET " << url;
    return Fail(ErrorCode::kInternal, "unexpected");
  }
};

// The real queue and cache folder behind the site's PDF requests.
class SitePdfFetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    queue_ = std::move(store::OpenSqliteJobQueue(dir_.path() / "coolpapers.sqlite").value());
    cache_ = std::move(pdf::PdfCache::Open(dir_.path() / "pdf", 1 << 20).value());
    fetcher_ = std::make_unique<pdf::PdfFetcher>(*cache_, client_, *queue_);
    jobs::WorkerPoolOptions options;
    options.kind = store::JobKind::kPdf;
    workers_ = std::make_unique<jobs::WorkerPool>(
        *queue_, [](const store::Job&, const jobs::JobContext&) { return jobs::JobOutcome::Done(); },
        options);
    fetch_ = MakeOnDemandPdfFetcher(*fetcher_, *queue_, *workers_);
  }

  // Ends the PDF job of `id` as done with `result`, or failed when `result` is nullopt.
  void FinishJob(std::string_view id, std::optional<std::string_view> result) {
    const store::JobTime now = Now();
    ASSERT_TRUE(fetcher_->RequestPdf(Id(id), store::JobPriority::kHistory, now));
    auto job = queue_->Claim(store::JobKind::kPdf, "test", now, minutes(1));
    ASSERT_TRUE(job && *job);
    if (result) {
      ASSERT_TRUE(queue_->Complete((*job)->id, "test", *result, now));
    } else {
      ASSERT_TRUE(queue_->Release((*job)->id, "test", "arXiv answered HTTP 503", std::nullopt, now));
    }
  }

  static ArxivId Id(std::string_view text) { return ArxivId::Parse(text).value(); }

  coolpapers::testing::TempDir dir_;
  UnusedClient client_;
  std::unique_ptr<store::JobQueue> queue_;
  std::unique_ptr<pdf::PdfCache> cache_;
  std::unique_ptr<pdf::PdfFetcher> fetcher_;
  std::unique_ptr<jobs::WorkerPool> workers_;
  jobs::PaperFetcher fetch_;
};

TEST_F(SitePdfFetcherTest, QueuesADownloadAndReportsItsPlaceAdminsFirst) {
  auto first = fetch_(Id("2401.00001v1"), false, "");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->state, State::kQueued);
  EXPECT_EQ(first->position, 0);
  auto second = fetch_(Id("2401.00002v1"), false, "");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->position, 1);
  auto admin = fetch_(Id("2401.00003v2"), true, "");
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->position, 0);
  auto job = queue_->Find(store::JobKind::kPdf, "pdf:2401.00003v2");
  ASSERT_TRUE(job && *job);
  EXPECT_EQ((*job)->priority, store::JobPriority::kAdmin);
}

TEST_F(SitePdfFetcherTest, ReportsFinishedDownloads) {
  FinishJob("2401.00004v1", pdf::kPdfNotFoundResult);
  FinishJob("2401.00005v1", pdf::kPdfTooLargeResult);
  FinishJob("2401.00006v1", std::nullopt);
  auto missing = fetch_(Id("2401.00004v1"), false, "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->state, State::kNotFound);
  EXPECT_EQ(missing->error, "");
  auto large = fetch_(Id("2401.00005v1"), false, "");
  ASSERT_TRUE(large);
  EXPECT_EQ(large->state, State::kNotFound);
  EXPECT_NE(large->error.find("larger than this instance's PDF cache"), std::string::npos);
  auto failed = fetch_(Id("2401.00006v1"), false, "");
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->state, State::kFailed);
  EXPECT_EQ(failed->error, "arXiv answered HTTP 503");
}

TEST_F(SitePdfFetcherTest, ACachedDownloadIsStoredUntilEvicted) {
  ASSERT_TRUE(cache_->Put(Id("2401.00007v1"), "%PDF-1.4"));
  FinishJob("2401.00007v1", pdf::kPdfCachedResult);
  auto stored = fetch_(Id("2401.00007v1"), false, "");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->state, State::kStored);
  std::filesystem::remove(dir_.path() / "pdf" / "2401.00007v1.pdf");
  auto again = fetch_(Id("2401.00007v1"), false, "");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->state, State::kQueued);
}

}  // namespace
}  // namespace coolpapers::pdf
