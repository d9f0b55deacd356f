#include "faq/faq_job_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/mutex.h"
#include "tests/support/job_test_support.h"
#include "tests/support/scripted_llm_client.h"
#include "tests/support/test_pdf.h"
#include "store/sqlite_faq_store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/fake_clock.h"

namespace coolpapers::faq {
namespace {

using std::chrono::milliseconds;
using pdf::testing::FaqTestPdf;
using llm::testing::ScriptedLlmClient;

ArxivId Id(std::string_view text) { return *ArxivId::Parse(text); }
Date Day(std::string_view iso) { return *Date::Parse(iso); }

constexpr std::string_view kToday = "2025-05-14";

PaperRecord Record(const std::string& id, Date day, int version = 1) {
  Paper paper;
  paper.id = id;
  paper.version = version;
  paper.title = "Scaling Attention " + id;
  paper.authors = {"Ada Lovelace"};
  paper.abstract = "We scale the attention mechanism.";
  paper.categories = {"cs.CL"};
  for (int number = 1; number <= version; ++number) {
    paper.versions.push_back(
        {number, std::chrono::sys_days{day.days()} + std::chrono::days{number - 1}});
  }
  return {paper, {{day, "cs.CL", id, AnnounceType::kNew, 1}}};
}

std::string StateName(FaqStatus::State state) {
  switch (state) {
    case FaqStatus::State::kNotAsked: return "not_asked";
    case FaqStatus::State::kQueued: return "queued";
    case FaqStatus::State::kRunning: return "running";
    case FaqStatus::State::kAnswered: return "answered";
    case FaqStatus::State::kFailed: return "failed";
  }
  return "?";
}

// Events as short lines; deltas of one question are merged into one line so that the test does
// not depend on how the text was cut.
class Recorder {
 public:
  std::function<void(const FaqEvent&)> Listener() {
    return [this](const FaqEvent& event) {
      MutexLock lock(&mutex_);
      std::string line;
      switch (event.kind) {
        case FaqEvent::Kind::kStatus:
          line = "status " + StateName(event.status.state);
          if (event.status.state == FaqStatus::State::kRunning) {
            line += " " + std::to_string(event.status.question_index);
          }
          break;
        case FaqEvent::Kind::kDelta: {
          const std::string prefix = "delta " + std::to_string(event.question_index) + " ";
          if (!lines_.empty() && lines_.back().starts_with(prefix)) {
            lines_.back() += event.text;
            return;
          }
          line = prefix + event.text;
          break;
        }
        case FaqEvent::Kind::kItemDone:
          line = "done " + std::to_string(event.question_index);
          break;
        case FaqEvent::Kind::kRestart:
          line = "restart " + StateName(event.status.state);
          break;
        case FaqEvent::Kind::kFinished:
          line = "finished " + StateName(event.status.state);
          last_finished_ = event.status;
          break;
      }
      lines_.push_back(std::move(line));
    };
  }
  std::vector<std::string> lines() const {
    MutexLock lock(&mutex_);
    return lines_;
  }
  FaqStatus last_finished() const {
    MutexLock lock(&mutex_);
    return last_finished_;
  }

 private:
  mutable Mutex mutex_;
  std::vector<std::string> lines_ GUARDED_BY(mutex_);
  FaqStatus last_finished_ GUARDED_BY(mutex_);
};

class FaqJobServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = dir_.path() / "coolpapers.db";
    jobs::testing::StoreAndQueue opened = jobs::testing::OpenStoreAndQueue(path);
    ASSERT_TRUE(opened.store && opened.queue);
    store_ = std::move(opened.store);
    queue_ = std::move(opened.queue);
    auto faq_store = store::OpenSqliteFaqStore(path);
    ASSERT_TRUE(faq_store) << faq_store.error().message;
    faq_store_ = std::move(*faq_store);

    const std::vector<PaperRecord> records = {Record("2401.06769", Day(kToday)),
                                              Record("2401.00001", Day("2025-05-01")),
                                              Record("2401.00002", Day("2025-05-02"))};
    ASSERT_TRUE(store_->WriteRecords(records));
    service_ = MakeService(&llm_);
  }

  std::unique_ptr<FaqJobService> MakeService(llm::LlmClient* llm) {
    FaqJobServiceOptions options;
    options.generator.load_pdf = [this](const FaqPaper& id, std::stop_token) -> Result<std::string> {
      ++pdf_loads_;
      last_pdf_id_ = id.arxiv().WithVersion();
      return pdf_;
    };
    options.generator.llm = llm;
    options.max_attempts = 3;
    options.wake = [this] { ++wakes_; };
    options.clock = &clock_;
    return std::make_unique<FaqJobService>(*store_, *queue_, *faq_store_, std::move(options));
  }

  jobs::JobOutcome RunNextJob(FaqJobService& service) {
    return jobs::testing::RunNextJob(*queue_, service.Handler(), Now());
  }

  store::JobTime Now() { return WallMilliseconds(clock_); }

  size_t QuestionCount() const { return DefaultFaqQuestions().english.questions.size(); }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::JobQueue> queue_;
  std::unique_ptr<store::FaqStore> faq_store_;
  ScriptedLlmClient llm_{"moonshot-v1-8k"};
  std::unique_ptr<FaqJobService> service_;
  std::string pdf_ = FaqTestPdf();
  int pdf_loads_ = 0;
  std::string last_pdf_id_;
  int wakes_ = 0;
  coolpapers::testing::FakeClock clock_{
      std::chrono::system_clock::time_point(milliseconds(1'747'200'000'000))};
};

TEST_F(FaqJobServiceTest, FaqJobKeyNamesPaperVersionAndLanguage) {
  EXPECT_EQ(FaqJobKey(Id("2401.06769"), 2, FaqLanguage::kEnglish), "faq:2401.06769v2:en");
  EXPECT_EQ(FaqJobKey(Id("hep-th/9901001v1"), 3, FaqLanguage::kChinese),
            "faq:hep-th/9901001v3:zh");
  // A venue paper's PDF has one version: its key names none.
  const FaqPaper venue = FaqPaper::Parse("2024.naacl-long.431@ACL").value();
  EXPECT_EQ(FaqJobKey(venue, 1, FaqLanguage::kEnglish), "faq:2024.naacl-long.431@ACL:en");
}

TEST_F(FaqJobServiceTest, AVenuePaperIsNotFoundWithoutAVenueStore) {
  const FaqPaper venue = FaqPaper::Parse("2024.naacl-long.431@ACL").value();
  auto got = service_->Request(venue, FaqLanguage::kEnglish, false, false);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
  EXPECT_NE(got.error().message.find("keeps no venue papers"), std::string::npos)
      << got.error().message;
  EXPECT_TRUE(queue_->List({}).value().empty());
}

TEST_F(FaqJobServiceTest, GetForANeverAskedPaperIsNotAskedAndQueuesNothing) {
  auto status = service_->Get(Id("2401.06769"), FaqLanguage::kEnglish);
  ASSERT_TRUE(status) << status.error().message;
  EXPECT_EQ(status->state, FaqStatus::State::kNotAsked);
  EXPECT_EQ(status->latest_version, 1);
  auto jobs = queue_->List({});
  ASSERT_TRUE(jobs);
  EXPECT_TRUE(jobs->empty());
}

TEST_F(FaqJobServiceTest, UnknownPaperIsNotFound) {
  const ArxivId unknown = Id("2402.99999");
  auto got = service_->Get(unknown, FaqLanguage::kEnglish);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
  EXPECT_NE(got.error().message.find("2402.99999"), std::string::npos);
  auto requested = service_->Request(unknown, FaqLanguage::kEnglish, false, false);
  ASSERT_FALSE(requested);
  EXPECT_EQ(requested.error().code, ErrorCode::kNotFound);
  auto watch = service_->Watch(unknown, FaqLanguage::kEnglish, [](const FaqEvent&) {});
  ASSERT_FALSE(watch);
  EXPECT_EQ(watch.error().code, ErrorCode::kNotFound);
}

TEST_F(FaqJobServiceTest, RequestForAVersionTheStoreDoesNotKnowIsNotFound) {
  auto requested = service_->Request(Id("2401.06769v3"), FaqLanguage::kEnglish, false, false);
  ASSERT_FALSE(requested);
  EXPECT_EQ(requested.error().code, ErrorCode::kNotFound);
  EXPECT_NE(requested.error().message.find("no version 3"), std::string::npos)
      << requested.error().message;
}

TEST_F(FaqJobServiceTest, JobWithAnUnreadablePayloadFails) {
  ASSERT_TRUE(queue_->Enqueue({store::JobKind::kLlm, "faq:broken", store::JobPriority::kAdmin,
                               "{\"paper\": 7}"},
                              Now()));
  const jobs::JobOutcome outcome = RunNextJob(*service_);
  EXPECT_EQ(outcome.kind, jobs::JobOutcome::Kind::kFail);
  EXPECT_NE(outcome.text.find("faq:broken"), std::string::npos) << outcome.text;
  EXPECT_EQ(pdf_loads_, 0);
}

TEST_F(FaqJobServiceTest, RequestQueuesWithItsPositionAndWakesTheWorkers) {
  auto first = service_->Request(Id("2401.00001"), FaqLanguage::kEnglish, false, false);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->state, FaqStatus::State::kQueued);
  EXPECT_EQ(first->position, 0);
  auto second = service_->Request(Id("2401.00002"), FaqLanguage::kEnglish, false, false);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->state, FaqStatus::State::kQueued);
  EXPECT_EQ(second->position, 1);
  EXPECT_EQ(wakes_, 2);

  auto job = queue_->Find(store::JobKind::kLlm, "faq:2401.00001v1:en");
  ASSERT_TRUE(job && *job);
  EXPECT_EQ((*job)->priority, store::JobPriority::kHistory);
  auto got = service_->Get(Id("2401.00002"), FaqLanguage::kEnglish);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->state, FaqStatus::State::kQueued);
  EXPECT_EQ(got->position, 1);
}

TEST_F(FaqJobServiceTest, TodaysPapersGoBeforeHistoryAndAdminsFirst) {
  ASSERT_TRUE(service_->Request(Id("2401.00001"), FaqLanguage::kEnglish, false, false));
  auto today = service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false);
  ASSERT_TRUE(today);
  EXPECT_EQ(today->position, 0);
  auto admin = service_->Request(Id("2401.00002"), FaqLanguage::kEnglish, true, false);
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->position, 0);

  auto job = queue_->Find(store::JobKind::kLlm, "faq:2401.06769v1:en");
  ASSERT_TRUE(job && *job);
  EXPECT_EQ((*job)->priority, store::JobPriority::kToday);
  job = queue_->Find(store::JobKind::kLlm, "faq:2401.00002v1:en");
  ASSERT_TRUE(job && *job);
  EXPECT_EQ((*job)->priority, store::JobPriority::kAdmin);
}

TEST_F(FaqJobServiceTest, TwoRequestsShareOneJob) {
  auto first = service_->Request(Id("2401.00001"), FaqLanguage::kEnglish, false, false);
  auto second = service_->Request(Id("2401.00001v1"), FaqLanguage::kEnglish, false, false);
  ASSERT_TRUE(first && second);
  auto jobs = queue_->List({});
  ASSERT_TRUE(jobs);
  EXPECT_EQ(jobs->size(), 1u);
  // The other language is other work.
  ASSERT_TRUE(service_->Request(Id("2401.00001"), FaqLanguage::kChinese, false, false));
  jobs = queue_->List({});
  ASSERT_TRUE(jobs);
  EXPECT_EQ(jobs->size(), 2u);
}

TEST_F(FaqJobServiceTest, RunningTheJobPublishesEventsInOrderAndStoresTheAnswer) {
  Recorder recorder;
  auto watch = service_->Watch(Id("2401.06769"), FaqLanguage::kEnglish, recorder.Listener());
  ASSERT_TRUE(watch) << watch.error().message;
  ASSERT_TRUE(service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false));

  const jobs::JobOutcome outcome = RunNextJob(*service_);
  EXPECT_EQ(outcome.kind, jobs::JobOutcome::Kind::kDone) << outcome.text;
  EXPECT_EQ(last_pdf_id_, "2401.06769v1");

  std::vector<std::string> expected = {"status not_asked", "status running 0"};
  for (size_t index = 0; index < QuestionCount(); ++index) {
    const std::string i = std::to_string(index);
    expected.push_back("status running " + i);
    expected.push_back("delta " + i + " " +
                       ScriptedLlmClient::DefaultReplyText(static_cast<int>(index) + 1));
    expected.push_back("done " + i);
  }
  expected.push_back("finished answered");
  EXPECT_EQ(recorder.lines(), expected);
  ASSERT_TRUE(recorder.last_finished().answer);
  EXPECT_EQ(recorder.last_finished().answer->items.size(), QuestionCount());

  auto got = service_->Get(Id("2401.06769"), FaqLanguage::kEnglish);
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->state, FaqStatus::State::kAnswered);
  ASSERT_TRUE(got->answer);
  EXPECT_EQ(got->answer->model, "moonshot-v1-8k");
  EXPECT_EQ(got->answer->items.size(), QuestionCount());
  // Asking again serves the stored answer: no new work.
  auto again = service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, true, false);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->state, FaqStatus::State::kAnswered);
  EXPECT_EQ(static_cast<size_t>(llm_.calls()), QuestionCount());
  auto job = queue_->Find(store::JobKind::kLlm, "faq:2401.06769v1:en");
  ASSERT_TRUE(job && *job);
  EXPECT_EQ((*job)->state, store::JobState::kDone);
}

TEST_F(FaqJobServiceTest, WatcherJoiningMidwayGetsTheTextSoFar) {
  Recorder late;
  std::unique_ptr<FaqWatch> late_watch;
  std::optional<FaqStatus> status_midway;
  llm_.SetScript([&](int call, const llm::ChatRequest&, const llm::ChatDeltaSink& sink) -> Result<llm::ChatReply> {
    if (call == 2) {
      sink("Second, ");
      auto watch = service_->Watch(Id("2401.06769"), FaqLanguage::kEnglish, late.Listener());
      EXPECT_TRUE(watch);
      if (watch) late_watch = std::move(*watch);
      auto got = service_->Get(Id("2401.06769"), FaqLanguage::kEnglish);
      if (got) status_midway = *got;
      sink("streamed.");
      return llm::ChatReply{"Second, streamed.", "m", "stop", {}};
    }
    return ScriptedLlmClient::Stream(ScriptedLlmClient::DefaultReplyText(call), sink);
  });
  ASSERT_TRUE(service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false));
  EXPECT_EQ(RunNextJob(*service_).kind, jobs::JobOutcome::Kind::kDone);

  const std::vector<std::string> lines = late.lines();
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[0], "status running 1");
  EXPECT_TRUE(lines[1].starts_with("delta 0 Answer 1: the attention")) << lines[1];
  EXPECT_EQ(lines[2], "delta 1 Second, streamed.");
  EXPECT_EQ(lines[3], "done 1");
  EXPECT_EQ(lines.back(), "finished answered");
  ASSERT_TRUE(status_midway);
  EXPECT_EQ(status_midway->state, FaqStatus::State::kRunning);
  EXPECT_EQ(status_midway->question_index, 1);
  EXPECT_EQ(static_cast<size_t>(status_midway->question_count), QuestionCount());
}

TEST_F(FaqJobServiceTest, ModelFailureRestartsTheGenerationAndTheRetryFinishesIt) {
  llm_.SetScript([](int call, const llm::ChatRequest&, const llm::ChatDeltaSink& sink) -> Result<llm::ChatReply> {
    if (call == 3) {
      sink("Half an ");
      return Fail(ErrorCode::kUnavailable, "the model's stream broke off after 8 characters");
    }
    return ScriptedLlmClient::Stream(ScriptedLlmClient::DefaultReplyText(call), sink);
  });
  Recorder recorder;
  auto watch = service_->Watch(Id("2401.06769"), FaqLanguage::kEnglish, recorder.Listener());
  ASSERT_TRUE(watch);
  ASSERT_TRUE(service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false));

  const jobs::JobOutcome failed = RunNextJob(*service_);
  EXPECT_EQ(failed.kind, jobs::JobOutcome::Kind::kRetry);
  EXPECT_EQ(recorder.lines().back(), "restart queued");
  auto between = service_->Get(Id("2401.06769"), FaqLanguage::kEnglish);
  ASSERT_TRUE(between);
  EXPECT_EQ(between->state, FaqStatus::State::kQueued);
  EXPECT_EQ(between->attempts, 1);
  auto none = faq_store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish);
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());

  const jobs::JobOutcome done = RunNextJob(*service_);
  EXPECT_EQ(done.kind, jobs::JobOutcome::Kind::kDone) << done.text;
  EXPECT_EQ(recorder.lines().back(), "finished answered");
  // Two questions answered before the failure were not asked again.
  EXPECT_EQ(static_cast<size_t>(llm_.calls()), QuestionCount() + 1);
  auto answer = faq_store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish);
  ASSERT_TRUE(answer && *answer);
  EXPECT_EQ((*answer)->items.size(), QuestionCount());
  EXPECT_NE((*answer)->items[2].answer.find("Answer 4"), std::string::npos);
  auto got = service_->Get(Id("2401.06769"), FaqLanguage::kEnglish);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->state, FaqStatus::State::kAnswered);
}

// Nodes sharing one store: a generation another process runs is told from the questions it saved.
TEST_F(FaqJobServiceTest, AGenerationRunElsewhereShowsTheQuestionsItSaved) {
  ASSERT_TRUE(service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false));
  auto claimed = queue_->Claim(store::JobKind::kLlm, "worker-llm-1@other-node:7.beef", Now(),
                               std::chrono::minutes(1));
  ASSERT_TRUE(claimed && *claimed);
  for (int index = 0; index < 2; ++index) {
    ASSERT_TRUE(faq_store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 1,
                                            "moonshot-v1-8k", index,
                                            {"q", "Q?", "A [page 1]", {1}, 10, 20}));
  }
  auto got = service_->Get(Id("2401.06769"), FaqLanguage::kEnglish);
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->state, FaqStatus::State::kRunning);
  EXPECT_EQ(got->question_index, 2);
  EXPECT_EQ(static_cast<size_t>(got->question_count), QuestionCount());
}

TEST_F(FaqJobServiceTest, RetriesRunOutIntoAFailure) {
  llm_.SetScript([](int, const llm::ChatRequest&, const llm::ChatDeltaSink&) -> Result<llm::ChatReply> {
    return Fail(ErrorCode::kTimeout, "the model sent nothing for 60 s");
  });
  Recorder recorder;
  auto watch = service_->Watch(Id("2401.06769"), FaqLanguage::kEnglish, recorder.Listener());
  ASSERT_TRUE(watch);
  ASSERT_TRUE(service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false));
  EXPECT_EQ(RunNextJob(*service_).kind, jobs::JobOutcome::Kind::kRetry);
  EXPECT_EQ(RunNextJob(*service_).kind, jobs::JobOutcome::Kind::kRetry);
  EXPECT_EQ(recorder.lines().back(), "restart queued");
  // The third attempt is the last (max_attempts = 3): watchers hear that it ended.
  // (The pool, not the handler, then fails the job: its outcome is still a retry.)
  EXPECT_EQ(RunNextJob(*service_).kind, jobs::JobOutcome::Kind::kRetry);
  EXPECT_EQ(recorder.lines().back(), "finished failed");
  EXPECT_EQ(recorder.last_finished().error, "the model sent nothing for 60 s");
}

TEST_F(FaqJobServiceTest, PdfWithoutTextFailsForGood) {
  pdf_ = "<html>Not a PDF</html>";
  Recorder recorder;
  auto watch = service_->Watch(Id("2401.06769"), FaqLanguage::kEnglish, recorder.Listener());
  ASSERT_TRUE(watch);
  ASSERT_TRUE(service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false));
  const jobs::JobOutcome outcome = RunNextJob(*service_);
  EXPECT_EQ(outcome.kind, jobs::JobOutcome::Kind::kFail);
  EXPECT_EQ(recorder.lines().back(), "finished failed");
  EXPECT_EQ(llm_.calls(), 0);

  auto got = service_->Get(Id("2401.06769"), FaqLanguage::kEnglish);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->state, FaqStatus::State::kFailed);
  EXPECT_NE(got->error.find("not a PDF"), std::string::npos) << got->error;
  // A reader asking soon after sees the failure; an admin (or anyone later) queues it again.
  auto soon = service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false);
  ASSERT_TRUE(soon);
  EXPECT_EQ(soon->state, FaqStatus::State::kFailed);
  clock_.Advance(std::chrono::minutes(11));
  auto later = service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->state, FaqStatus::State::kQueued);
}

TEST_F(FaqJobServiceTest, AbandonedGenerationResumesAtTheThirdQuestion) {
  // The first worker "crashes" while asking question 3: its handler is abandoned and the job
  // stays leased to it; the store keeps the two finished items.
  ScriptedLlmClient crashing("moonshot-v1-8k");
  std::stop_source crash;
  crashing.SetScript([&](int call, const llm::ChatRequest&, const llm::ChatDeltaSink& sink)
                         -> Result<llm::ChatReply> {
    if (call == 3) {
      crash.request_stop();
      return Fail(ErrorCode::kUnavailable, "cancelled");
    }
    return ScriptedLlmClient::Stream(ScriptedLlmClient::DefaultReplyText(call), sink);
  });
  {
    auto first_process = MakeService(&crashing);
    ASSERT_TRUE(first_process->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false));
    auto claimed = queue_->Claim(store::JobKind::kLlm, "dead", Now(), std::chrono::seconds(60));
    ASSERT_TRUE(claimed && *claimed);
    (void)first_process->HandleJob(**claimed, {crash.get_token()});
  }
  EXPECT_EQ(crashing.calls(), 3);

  // A new process claims the job once the lease has passed.
  clock_.Advance(std::chrono::minutes(2));
  auto second_process = MakeService(&llm_);
  EXPECT_EQ(RunNextJob(*second_process).kind, jobs::JobOutcome::Kind::kDone);
  EXPECT_EQ(static_cast<size_t>(llm_.calls()), QuestionCount() - 2);
  EXPECT_NE(llm_.user_prompts().front().find(DefaultFaqQuestions().english.questions[2].question),
            std::string::npos);
  auto answer = faq_store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish);
  ASSERT_TRUE(answer && *answer);
  EXPECT_EQ((*answer)->items.size(), QuestionCount());
}

TEST_F(FaqJobServiceTest, WithoutModelTheAnswerIsExtractive) {
  auto service = MakeService(nullptr);
  ASSERT_TRUE(service->Request(Id("2401.06769"), FaqLanguage::kChinese, false, false));
  EXPECT_EQ(RunNextJob(*service).kind, jobs::JobOutcome::Kind::kDone);
  auto got = service->Get(Id("2401.06769"), FaqLanguage::kChinese);
  ASSERT_TRUE(got && got->answer);
  EXPECT_TRUE(got->answer->extractive);
  EXPECT_EQ(got->answer->model, "extractive");
  EXPECT_EQ(got->answer->items.size(), DefaultFaqQuestions().chinese.questions.size());
}

TEST_F(FaqJobServiceTest, NewVersionKeepsTheOldAnswerUntilAskedForAFreshOne) {
  ASSERT_TRUE(service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false));
  EXPECT_EQ(RunNextJob(*service_).kind, jobs::JobOutcome::Kind::kDone);
  const std::vector<PaperRecord> replaced = {Record("2401.06769", Day(kToday), 2)};
  ASSERT_TRUE(store_->WriteRecords(replaced));

  auto got = service_->Get(Id("2401.06769"), FaqLanguage::kEnglish);
  ASSERT_TRUE(got && got->answer);
  EXPECT_EQ(got->state, FaqStatus::State::kAnswered);
  EXPECT_EQ(got->answer->version, 1);
  EXPECT_EQ(got->latest_version, 2);
  auto not_fresh = service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false);
  ASSERT_TRUE(not_fresh);
  EXPECT_EQ(not_fresh->state, FaqStatus::State::kAnswered);

  auto fresh = service_->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, true);
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->state, FaqStatus::State::kQueued);
  auto job = queue_->Find(store::JobKind::kLlm, "faq:2401.06769v2:en");
  ASSERT_TRUE(job && *job);
  // Until it is done the old answer is served.
  auto meanwhile = service_->Get(Id("2401.06769"), FaqLanguage::kEnglish);
  ASSERT_TRUE(meanwhile && meanwhile->answer);
  EXPECT_EQ(meanwhile->answer->version, 1);

  EXPECT_EQ(RunNextJob(*service_).kind, jobs::JobOutcome::Kind::kDone);
  EXPECT_EQ(last_pdf_id_, "2401.06769v2");
  auto newest = service_->Get(Id("2401.06769"), FaqLanguage::kEnglish);
  ASSERT_TRUE(newest && newest->answer);
  EXPECT_EQ(newest->answer->version, 2);
  auto old = service_->Get(Id("2401.06769v1"), FaqLanguage::kEnglish);
  ASSERT_TRUE(old && old->answer);
  EXPECT_EQ(old->answer->version, 1);
}

TEST_F(FaqJobServiceTest, RunsUnderAWorkerPool) {
  jobs::WorkerPoolOptions options;
  options.kind = store::JobKind::kLlm;
  options.idle_poll = milliseconds(10);
  auto service = MakeService(&llm_);
  options.clock = &clock_;
  jobs::WorkerPool pool(*queue_, service->Handler(), options);
  std::atomic<bool> finished = false;
  auto watch = service->Watch(Id("2401.06769"), FaqLanguage::kEnglish, [&](const FaqEvent& event) {
    if (event.kind == FaqEvent::Kind::kFinished) finished = true;
  });
  ASSERT_TRUE(watch);
  ASSERT_TRUE(service->Request(Id("2401.06769"), FaqLanguage::kEnglish, false, false));
  pool.Start();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!finished && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  pool.Stop();
  ASSERT_TRUE(finished);
  auto got = service->Get(Id("2401.06769"), FaqLanguage::kEnglish);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->state, FaqStatus::State::kAnswered);
}

}  // namespace
}  // namespace coolpapers::faq
