// [FAQ] on a venue paper through the whole site and the real chain (issue #14): POST
// /api/faq/<id>@<SOURCE> queues an llm job, a real worker pool runs the FAQ job service, which
// reads the paper's PDF through the PDF fetcher's venue path (the URL the venue store keeps,
// the allow-list, the replay server standing in for the source's site, the cache), extracts
// its text and asks the loopback model (tests/support/openai_server.h) the same questions as
// for an arXiv paper; the answer is stored under the id the paper is shown by, at version 1.
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/faq_paper.h"
#include "faq/faq_job_service.h"
#include "jobs/worker_pool.h"
#include "llm/llm_client.h"
#include "net/http_client.h"
#include "pdf/pdf_cache.h"
#include "pdf/pdf_fetcher.h"
#include "store/sqlite_faq_store.h"
#include "store/sqlite_job_queue.h"
#include "store/sqlite_venue_store.h"
#include "tests/support/openai_server.h"
#include "tests/support/replay_server.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_pdf.h"
#include "tests/support/web_test_support.h"
#include "web/site.h"

namespace coolpapers::web {
namespace {

using std::chrono::milliseconds;
using ::testing::HasSubstr;
using ::testing::Not;
using coolpapers::testing::CannedResponse;
using json = nlohmann::json;

// Drawn from page 1 of FaqTestPdf(): the page mark is kept.
constexpr char kAnswer[] =
    "The attention mechanism improves the scaling of language models [page 1].";

class VenueFaqTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    const auto path = dir_.path() / "coolpapers.sqlite";
    venues_ = store::OpenSqliteVenueStore(path).value();
    ASSERT_TRUE(venues_->WriteEdition(ParseEditionTag("NAACL.2024").value()));
    std::vector<VenuePaper> papers;
    papers.push_back(Paper("2024.naacl-long.431@ACL", server_.Url("/2024.naacl-long.431.pdf")));
    papers.back().other_ids = {ParseVenuePaperId("AbCdEf123@OpenReview").value()};
    papers.push_back(Paper("2024.naacl-long.1@ACL", "https://evil.example/steal.pdf"));
    ASSERT_TRUE(venues_->WriteVenuePapers(papers));
    server_.SetRoute("/2024.naacl-long.431.pdf",
                     CannedResponse{200, {{"Content-Type", "application/pdf"}},
                                    pdf::testing::FaqTestPdf(), false});
    model_.SetAnswerer([](const json&) { return std::string(kAnswer); });

    net::CurlHttpClientOptions http;
    http.use_environment_proxy = false;
    curl_ = net::MakeCurlHttpClient(http);
    cache_ = pdf::PdfCache::Open(dir_.path() / "pdf", 1 << 20).value();
    queue_ = store::OpenSqliteJobQueue(path).value();
    faq_store_ = store::OpenSqliteFaqStore(path).value();
    fetcher_ = std::make_unique<pdf::PdfFetcher>(*cache_, *curl_, *queue_);
    // The replay server stands in for aclanthology.org.
    fetcher_->EnableVenues(*venues_, {{VenueSource::kAcl, server_.Url("/")}});

    llm::LlmOptions llm;
    llm.base_url = model_.BaseUrl();
    llm.model = "loopback-model";
    llm.use_environment_proxy = false;
    llm.retry_attempts = 1;
    llm_ = llm::MakeOpenAiLlmClient(llm).value();

    faq::FaqJobServiceOptions options;
    // As `serve` wires it (cli/faq_setup.cc).
    options.generator.load_pdf = [this](const FaqPaper& paper, std::stop_token stop) {
      return paper.is_venue() ? fetcher_->LoadVenue(paper.venue(), std::move(stop))
                              : fetcher_->Load(paper.arxiv(), std::move(stop));
    };
    options.generator.llm = llm_.get();
    options.max_attempts = 1;
    options.venues = venues_.get();
    options.wake = [this] {
      if (workers_) workers_->Wake();
    };
    faq_ = std::make_unique<faq::FaqJobService>(*store_, *queue_, *faq_store_, options);
    jobs::WorkerPoolOptions pool;
    pool.kind = store::JobKind::kLlm;
    pool.max_attempts = 1;
    pool.idle_poll = milliseconds(50);
    workers_ = std::make_unique<jobs::WorkerPool>(*queue_, faq_->Handler(), pool);
    workers_->Start();

    SiteServices services;
    services.venues = venues_.get();
    services.faq = faq_.get();
    services.admin_token = "magic";
    site_ = std::make_unique<Site>(*store_, SiteOptions{}, std::move(services));
  }

  void TearDown() override {
    if (workers_) workers_->Stop();
  }

  static VenuePaper Paper(std::string_view id, std::string pdf_url) {
    VenuePaper paper;
    paper.id = ParseVenuePaperId(id).value();
    paper.edition = "NAACL.2024";
    paper.title = "Naive Bayes-based Context Extension for Large Language Models";
    paper.abstract = "We extend the context of language models.";
    paper.status = "Accept";
    paper.pdf_url = std::move(pdf_url);
    return paper;
  }

  Response Call(std::string_view method, std::string_view target, std::string_view cookie = {}) {
    return site_->Handle(Request{method, target, false, cookie});
  }

  static json Json(const Response& response) { return json::parse(*response.body); }

  // Asks as the FAQ panel does until the generation settles.
  json GetUntilSettled(std::string_view target) {
    json status;
    for (int poll = 0; poll < 600; ++poll) {
      status = Json(Call("GET", target));
      if (status["state"] == "answered" || status["state"] == "failed") return status;
      std::this_thread::sleep_for(milliseconds(50));
    }
    return status;
  }

  coolpapers::testing::ReplayServer server_;
  coolpapers::testing::OpenAiServer model_;
  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::VenueStore> venues_;
  std::unique_ptr<net::HttpClient> curl_;
  std::unique_ptr<pdf::PdfCache> cache_;
  std::unique_ptr<store::JobQueue> queue_;
  std::unique_ptr<store::FaqStore> faq_store_;
  std::unique_ptr<pdf::PdfFetcher> fetcher_;
  std::unique_ptr<llm::LlmClient> llm_;
  std::unique_ptr<faq::FaqJobService> faq_;
  std::unique_ptr<jobs::WorkerPool> workers_;
  std::unique_ptr<Site> site_;
};

TEST_F(VenueFaqTest, APostGeneratesFromTheSourcesPdfAndEveryoneGetsTheStoredAnswer) {
  EXPECT_EQ(Call("GET", "/api/faq/2024.naacl-long.431@ACL").status, 404);  // never starts work
  const Response asked = Call("POST", "/api/faq/2024.naacl-long.431%40ACL");
  ASSERT_EQ(asked.status, 202) << *asked.body;
  EXPECT_EQ(Json(asked)["id"], "2024.naacl-long.431@ACL");
  // The same queue, kind and priority as an old arXiv paper's FAQ.
  const auto job = queue_->Find(store::JobKind::kLlm, "faq:2024.naacl-long.431@ACL:en").value();
  ASSERT_TRUE(job);
  EXPECT_EQ(job->priority, store::JobPriority::kHistory);

  const json status = GetUntilSettled("/api/faq/2024.naacl-long.431@ACL");
  ASSERT_EQ(status["state"], "answered") << status.dump();
  const json& answer = status["answer"];
  EXPECT_EQ(answer["id"], "2024.naacl-long.431@ACL");
  EXPECT_EQ(answer["version"], 1);
  EXPECT_EQ(answer["model"], "loopback-model");
  ASSERT_EQ(answer["items"].size(), 6u);
  EXPECT_EQ(answer["items"][0]["answer"], kAnswer);
  EXPECT_EQ(answer["items"][0]["pages"], json::array({1}));

  // The model read the PDF's text and the venue paper's title, once per question.
  const auto requests = model_.Requests();
  ASSERT_EQ(requests.size(), 6u);
  const std::string prompt = requests[0].body["messages"][1]["content"].get<std::string>();
  EXPECT_THAT(prompt, HasSubstr("Naive Bayes-based Context Extension"));
  EXPECT_THAT(prompt, HasSubstr("Experiments on translation benchmarks"));
  // The PDF came once from the source's site, into the cache under the paper's id.
  EXPECT_EQ(server_.RequestLog().size(), 1u);
  EXPECT_TRUE(cache_->Find(ParseVenuePaperId("2024.naacl-long.431@ACL").value()));

  // Anyone asking again, by any of the paper's ids, gets the stored answer: no model call.
  for (std::string_view target :
       {"/api/faq/2024.naacl-long.431@ACL", "/api/faq/AbCdEf123@OpenReview"}) {
    const Response again = Call("POST", target);
    EXPECT_EQ(again.status, 200) << target;
    EXPECT_EQ(Json(again)["answer"]["id"], "2024.naacl-long.431@ACL") << target;
  }
  EXPECT_EQ(model_.Requests().size(), 6u);
  const auto stored = faq_store_->LoadAnswer("2024.naacl-long.431@ACL", FaqLanguage::kEnglish, 1);
  ASSERT_TRUE(stored && *stored);

  // The event stream of a settled generation: its status, then the end.
  const Response stream = Call("GET", "/api/faq/2024.naacl-long.431@ACL/stream");
  ASSERT_EQ(stream.status, 200);
  EXPECT_EQ(stream.content_type, kEventStreamType);
}

TEST_F(VenueFaqTest, AnAdminGoesFirstAndAChineseFaqIsItsOwnGeneration) {
  const Response asked =
      Call("POST", "/api/faq/AbCdEf123@OpenReview?lang=zh", "coolpapers_token=magic");
  ASSERT_EQ(asked.status, 202) << *asked.body;
  // Asked by its OpenReview id, generated under the id it is shown by.
  const auto job = queue_->Find(store::JobKind::kLlm, "faq:2024.naacl-long.431@ACL:zh").value();
  ASSERT_TRUE(job);
  EXPECT_EQ(job->priority, store::JobPriority::kAdmin);
  const json status = GetUntilSettled("/api/faq/2024.naacl-long.431@ACL?lang=zh");
  ASSERT_EQ(status["state"], "answered") << status.dump();
  EXPECT_EQ(status["lang"], "zh");
  EXPECT_EQ(Call("GET", "/api/faq/2024.naacl-long.431@ACL?lang=en").status, 404);
}

TEST_F(VenueFaqTest, APdfOffTheAllowListFailsTheGenerationAndIsNeverFetched) {
  ASSERT_EQ(Call("POST", "/api/faq/2024.naacl-long.1@ACL").status, 202);
  const json status = GetUntilSettled("/api/faq/2024.naacl-long.1@ACL");
  EXPECT_EQ(status["state"], "failed") << status.dump();
  // Strangers get the reader's sentence; admins the reason, naming the refused URL.
  EXPECT_THAT(status.dump(), Not(HasSubstr("evil.example")));
  const json admin =
      Json(Call("GET", "/api/faq/2024.naacl-long.1@ACL", "coolpapers_token=magic"));
  EXPECT_THAT(admin["detail"].get<std::string>(), HasSubstr("evil.example"));
  EXPECT_TRUE(server_.RequestLog().empty());
  EXPECT_TRUE(model_.Requests().empty());
}

TEST_F(VenueFaqTest, UnknownAndMalformedVenueIdsGetClearAnswers) {
  const Response unknown = Call("POST", "/api/faq/2024.naacl-long.999@ACL");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(Json(unknown)["error"]["message"].get<std::string>(),
              HasSubstr("2024.naacl-long.999@ACL"));
  EXPECT_EQ(Call("GET", "/api/faq/2024.naacl-long.999@ACL/stream").status, 404);
  EXPECT_EQ(Call("POST", "/api/faq/x@Nowhere").status, 400);
  EXPECT_FALSE(queue_->Find(store::JobKind::kLlm, "faq:2024.naacl-long.999@ACL:en").value());
}

}  // namespace
}  // namespace coolpapers::web
