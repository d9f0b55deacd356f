#include "faq/stored_faq_service.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "store/sqlite_faq_store.h"
#include "store/sqlite_store.h"
#include "tests/support/store_test_records.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::faq {
namespace {

using store::testing::Day;
using store::testing::NewPaperRecord;

class StoredFaqServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = dir_.path() / "coolpapers.sqlite";
    auto store = store::OpenSqliteStore(path);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    auto faq_store = store::OpenSqliteFaqStore(path);
    ASSERT_TRUE(faq_store) << faq_store.error().message;
    faq_store_ = std::move(*faq_store);
    const std::vector<PaperRecord> records = {
        NewPaperRecord("2401.06769", {"cs.CL"}, Day("2025-05-14"), 1, 2),
        NewPaperRecord("2401.00001", {"cs.CL"}, Day("2025-05-14"), 2, 1)};
    ASSERT_TRUE(store_->WriteRecords(records));
    FaqItem item;
    item.question_id = "problem";
    item.question = "What problem?";
    item.answer = "This one.";
    FaqAnswer answer;
    answer.paper_id = "2401.06769";
    answer.version = 1;
    answer.model = "extractive";
    answer.extractive = true;
    answer.items = {item};
    ASSERT_TRUE(faq_store_->SaveAnswer(answer));
    service_ = std::make_unique<StoredFaqService>(*store_, *faq_store_);
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::FaqStore> faq_store_;
  std::unique_ptr<StoredFaqService> service_;
};

TEST_F(StoredFaqServiceTest, AnswersTheStoredAnswerWithTheLatestVersion) {
  Result<FaqStatus> status = service_->Get(ArxivId::Parse("2401.06769").value(), FaqLanguage::kEnglish);
  ASSERT_TRUE(status) << status.error().message;
  EXPECT_EQ(status->state, FaqStatus::State::kAnswered);
  ASSERT_TRUE(status->answer);
  EXPECT_EQ(status->answer->items.at(0).answer, "This one.");
  EXPECT_EQ(status->latest_version, 2);  // a newer version than the answer read
}

TEST_F(StoredFaqServiceTest, SaysNotAskedWithoutAnAnswerAndNotFoundWithoutThePaper) {
  Result<FaqStatus> none = service_->Get(ArxivId::Parse("2401.00001").value(), FaqLanguage::kEnglish);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->state, FaqStatus::State::kNotAsked);
  Result<FaqStatus> chinese = service_->Get(ArxivId::Parse("2401.06769").value(), FaqLanguage::kChinese);
  ASSERT_TRUE(chinese);
  EXPECT_EQ(chinese->state, FaqStatus::State::kNotAsked);
  Result<FaqStatus> missing = service_->Get(ArxivId::Parse("2401.99999").value(), FaqLanguage::kEnglish);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(StoredFaqServiceTest, ReadsAVenuePapersStoredAnswerAtItsOneVersion) {
  FaqAnswer answer;
  answer.paper_id = "2024.naacl-long.431@ACL";
  answer.version = 1;
  answer.model = "loopback-model";
  answer.items = {FaqItem{"problem", "What problem?", "Context length.", {}, 0, 0}};
  ASSERT_TRUE(faq_store_->SaveAnswer(answer));
  const FaqPaper venue = FaqPaper::Parse("2024.naacl-long.431@ACL").value();
  Result<FaqStatus> status = service_->Get(venue, FaqLanguage::kEnglish);
  ASSERT_TRUE(status) << status.error().message;
  EXPECT_EQ(status->state, FaqStatus::State::kAnswered);
  EXPECT_EQ(status->latest_version, 1);
  EXPECT_EQ(status->answer->items.at(0).answer, "Context length.");
  Result<FaqStatus> other =
      service_->Get(FaqPaper::Parse("2024.naacl-long.9@ACL").value(), FaqLanguage::kEnglish);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->state, FaqStatus::State::kNotAsked);
}

TEST_F(StoredFaqServiceTest, NeverStartsWork) {
  Result<FaqStatus> asked =
      service_->Request(ArxivId::Parse("2401.00001").value(), FaqLanguage::kEnglish, true, false);
  ASSERT_FALSE(asked);
  EXPECT_EQ(asked.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE(service_->Watch(ArxivId::Parse("2401.00001").value(), FaqLanguage::kEnglish,
                               [](const FaqEvent&) {}));
}

}  // namespace
}  // namespace coolpapers::faq
