#include "translate/translation_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "llm/budgeted_llm_client.h"
#include "llm/model_budget.h"
#include "tests/support/job_test_support.h"
#include "tests/support/scripted_llm_client.h"
#include "store/sqlite_translation_store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/fake_clock.h"

namespace coolpapers::translate {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using llm::testing::ScriptedLlmClient;

PaperRecord Record(const std::string& id, int version) {
  Paper paper;
  paper.id = id;
  paper.version = version;
  paper.title = "Title of " + id;
  paper.abstract = "Abstract of " + id + ".";
  paper.categories = {"cs.CL"};
  const Date day = *Date::Parse("2025-05-14");
  return {paper, {{day, "cs.CL", id, AnnounceType::kNew, 1}}};
}

std::vector<std::string> IdsOf(const TranslationBatch& batch) {
  std::vector<std::string> ids;
  for (const PaperTranslation& translation : batch.translations) ids.push_back(translation.paper_id);
  return ids;
}

class TranslationServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = dir_.path() / "coolpapers.db";
    jobs::testing::StoreAndQueue opened = jobs::testing::OpenStoreAndQueue(path);
    ASSERT_TRUE(opened.store && opened.queue);
    store_ = std::move(opened.store);
    queue_ = std::move(opened.queue);
    auto translations = store::OpenSqliteTranslationStore(path);
    ASSERT_TRUE(translations) << translations.error().message;
    translations_ = std::move(*translations);
    const std::vector<PaperRecord> records = {Record("2505.00001", 1), Record("2505.00002", 2)};
    ASSERT_TRUE(store_->WriteRecords(records));
    llm_.SetScript([](int call, const llm::ChatRequest& request, const llm::ChatDeltaSink& on_delta) {
      const std::string& user = request.messages.at(1).content;
      return Result<llm::ChatReply>(ScriptedLlmClient::Stream(
          "标题：第" + std::to_string(call) + "篇 " + user.substr(7, 19) + "\n摘要：摘要。",
          on_delta));
    });
    TranslationServiceOptions options;
    options.wake = [this] { ++wakes_; };
    options.clock = &clock_;
    service_ = std::make_unique<TranslationService>(*store_, *queue_, *translations_, llm_,
                                                    std::move(options));
  }

  jobs::JobOutcome RunNextJob() {
    return jobs::testing::RunNextJob(
        *queue_, [this](const store::Job& job, const jobs::JobContext& context) {
          EXPECT_TRUE(TranslationService::Handles(job)) << job.key;
          return service_->HandleJob(job, context);
        },
        Now());
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::JobQueue> queue_;
  std::unique_ptr<store::TranslationStore> translations_;
  ScriptedLlmClient llm_{"translator-model"};
  std::unique_ptr<TranslationService> service_;
  coolpapers::testing::FakeClock clock_{
      std::chrono::system_clock::time_point(std::chrono::milliseconds(1'747'200'000'000))};
  store::JobTime Now() { return WallMilliseconds(clock_); }
  int wakes_ = 0;
};

TEST_F(TranslationServiceTest, GetNeverStartsWork) {
  const std::vector<std::string> ids = {"2505.00001", "2505.00002"};
  TranslationBatch batch = service_->Get(ids).value();
  EXPECT_THAT(batch.translations, IsEmpty());
  EXPECT_THAT(batch.pending, IsEmpty());
  EXPECT_FALSE(queue_->Claim(store::JobKind::kLlm, "w1", Now(), std::chrono::seconds(60)).value());
  EXPECT_EQ(wakes_, 0);
}

TEST_F(TranslationServiceTest, RequestQueuesOnceAndEveryReaderGetsTheStoredTranslation) {
  const std::vector<std::string> ids = {"2505.00001", "2505.00002", "2505.99999"};
  EXPECT_THAT(service_->Request(ids, false).value().pending, ElementsAre("2505.00001", "2505.00002"));
  EXPECT_THAT(service_->Request(ids, false).value().pending, ElementsAre("2505.00001", "2505.00002"));
  EXPECT_EQ(wakes_, 2);
  EXPECT_EQ(RunNextJob().kind, jobs::JobOutcome::Kind::kDone);
  EXPECT_EQ(RunNextJob().kind, jobs::JobOutcome::Kind::kDone);
  EXPECT_EQ(llm_.calls(), 2);  // the second request joined the queued jobs

  TranslationBatch batch = service_->Get(ids).value();
  EXPECT_THAT(IdsOf(batch), ::testing::UnorderedElementsAre("2505.00001", "2505.00002"));
  EXPECT_THAT(batch.pending, IsEmpty());
  for (const PaperTranslation& translation : batch.translations) {
    EXPECT_THAT(translation.title, ::testing::HasSubstr(translation.paper_id));
    EXPECT_EQ(translation.abstract, "摘要。");
    EXPECT_EQ(translation.model, "translator-model");
  }
  EXPECT_EQ(std::ranges::find(batch.translations, "2505.00002", &PaperTranslation::paper_id)->version, 2);
  EXPECT_THAT(service_->Request(ids, false).value().pending, IsEmpty());
  EXPECT_EQ(llm_.calls(), 2);
}

TEST_F(TranslationServiceTest, AFailedTranslationIsReportedAndAskedAgainLater) {
  llm_.SetScript([](int, const llm::ChatRequest&, const llm::ChatDeltaSink& on_delta) {
    return Result<llm::ChatReply>(ScriptedLlmClient::Stream("Sorry, I cannot help.", on_delta));
  });
  const std::vector<std::string> ids = {"2505.00001"};
  ASSERT_THAT(service_->Request(ids, false).value().pending, ElementsAre("2505.00001"));
  EXPECT_EQ(RunNextJob().kind, jobs::JobOutcome::Kind::kFail);
  TranslationBatch batch = service_->Request(ids, false).value();
  ASSERT_EQ(batch.failed.size(), 1u);
  EXPECT_EQ(batch.failed[0].first, "2505.00001");
  EXPECT_THAT(batch.failed[0].second, ::testing::HasSubstr("did not have the form"));
  clock_.Advance(std::chrono::minutes(11));
  EXPECT_THAT(service_->Request(ids, false).value().pending, ElementsAre("2505.00001"));
}

// Issue #18 finding 1: anonymous translations of old papers got the "today" priority, so
// strangers could push today's readers back. Now they are history; recent papers and admins
// keep theirs.
TEST_F(TranslationServiceTest, OldPapersAskedAnonymouslyAreHistory) {
  PaperRecord old = Record("2401.00001", 1);
  old.listings.front().day = *Date::Parse("2024-01-10");
  ASSERT_TRUE(store_->WriteRecords(std::vector<PaperRecord>{old}));
  const std::vector<std::string> ids = {"2401.00001", "2505.00001"};
  ASSERT_TRUE(service_->Request(ids, false));
  const auto priority_of = [this](const std::string& key) {
    return queue_->Find(store::JobKind::kLlm, key).value().value().priority;
  };
  EXPECT_EQ(priority_of("translate:2401.00001v1"), store::JobPriority::kHistory);
  EXPECT_EQ(priority_of("translate:2505.00001v1"), store::JobPriority::kToday);
  const std::vector<std::string> admin_ids = {"2505.00002"};
  ASSERT_TRUE(service_->Request(admin_ids, true));
  EXPECT_EQ(priority_of("translate:2505.00002v2"), store::JobPriority::kAdmin);
}

// A translation refused because the day's model budget is spent waits until the budget renews
// (00:00 UTC), not the normal backoff (seconds), which would spend its attempts before then.
TEST_F(TranslationServiceTest, AJobRefusedForASpentBudgetWaitsUntilTheBudgetRenews) {
  llm::ModelBudget budget({.daily_generations = 1, .daily_tokens = 0}, &clock_);
  ASSERT_TRUE(budget.StartCall());  // spent
  auto scripted = std::make_unique<ScriptedLlmClient>("translator-model");
  ScriptedLlmClient& inner = *scripted;
  llm::BudgetedLlmClient budgeted(std::move(scripted), budget);
  TranslationServiceOptions options;
  options.clock = &clock_;
  options.model_budget = &budget;
  TranslationService service(*store_, *queue_, *translations_, budgeted, std::move(options));
  const std::vector<std::string> ids = {"2505.00001"};
  ASSERT_THAT(service.Request(ids, false).value().pending, ElementsAre("2505.00001"));
  const jobs::JobOutcome outcome = jobs::testing::RunNextJob(
      *queue_,
      [&](const store::Job& job, const jobs::JobContext& context) {
        return service.HandleJob(job, context);
      },
      Now());
  EXPECT_EQ(outcome.kind, jobs::JobOutcome::Kind::kRetry);
  EXPECT_THAT(outcome.text, ::testing::HasSubstr("model budget is spent"));
  // The clock reads 2025-05-14 05:20 UTC: the budget renews in 18 h 40 min.
  EXPECT_EQ(outcome.retry_after, std::chrono::hours(18) + std::chrono::minutes(40));
  EXPECT_EQ(inner.calls(), 0);
}

}  // namespace
}  // namespace coolpapers::translate
