// The FAQ answers of every backend (SQLite, PostgreSQL).
#include "store/faq_store.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "store/store_location.h"
#include "tests/support/store_test_backends.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::store {
namespace {

FaqItem Item(const std::string& id, const std::string& answer, std::vector<int> pages = {1}) {
  return {id, "What about " + id + "?", answer, std::move(pages), 1200, 80};
}

FaqAnswer Answer(const std::string& paper_id, int version, FaqLanguage language,
                 const std::string& model) {
  FaqAnswer answer;
  answer.paper_id = paper_id;
  answer.version = version;
  answer.language = language;
  answer.model = model;
  answer.extractive = model == "extractive";
  answer.created = UtcTime(std::chrono::seconds(1'747'200'000 + version));
  answer.items = {Item("problem", "It solves $x^2$ [page 1]."),
                  Item("method", "A **method** [page 2].", {2, 3})};
  answer.closing = "Ask more at kimi.";
  return answer;
}

class FaqStoreTest : public ::testing::TestWithParam<coolpapers::testing::StoreTestBackend> {
 protected:
  void SetUp() override {
    if (auto reason = GetParam().skip_reason()) GTEST_SKIP() << *reason;
    store_ = Open();
  }
  std::unique_ptr<FaqStore> Open() {
    auto store = OpenFaqStoreAt(GetParam().location(dir_.path()));
    EXPECT_TRUE(store.has_value()) << store.error().message;
    return store ? std::move(*store) : nullptr;
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<FaqStore> store_;
};

TEST_P(FaqStoreTest, SavedAnswerLoadsBackWithEveryField) {
  const FaqAnswer saved = Answer("2401.06769", 2, FaqLanguage::kChinese, "moonshot-v1-128k");
  ASSERT_TRUE(store_->SaveAnswer(saved));

  auto loaded = store_->LoadAnswer("2401.06769", FaqLanguage::kChinese, 2);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  ASSERT_TRUE(loaded->has_value());
  const FaqAnswer& answer = **loaded;
  EXPECT_EQ(answer.paper_id, "2401.06769");
  EXPECT_EQ(answer.version, 2);
  EXPECT_EQ(answer.language, FaqLanguage::kChinese);
  EXPECT_EQ(answer.model, "moonshot-v1-128k");
  EXPECT_FALSE(answer.extractive);
  EXPECT_EQ(answer.created, saved.created);
  EXPECT_EQ(answer.closing, "Ask more at kimi.");
  ASSERT_EQ(answer.items.size(), 2u);
  EXPECT_EQ(answer.items[1].question_id, "method");
  EXPECT_EQ(answer.items[1].question, "What about method?");
  EXPECT_EQ(answer.items[1].answer, "A **method** [page 2].");
  EXPECT_EQ(answer.items[1].pages, (std::vector<int>{2, 3}));
  EXPECT_EQ(answer.items[1].prompt_tokens, 1200);
  EXPECT_EQ(answer.items[1].completion_tokens, 80);
}

TEST_P(FaqStoreTest, LanguagesAreSeparateAnswers) {
  ASSERT_TRUE(store_->SaveAnswer(Answer("2401.06769", 1, FaqLanguage::kEnglish, "m")));
  auto chinese = store_->LoadAnswer("2401.06769", FaqLanguage::kChinese);
  ASSERT_TRUE(chinese.has_value());
  EXPECT_FALSE(chinese->has_value());
  auto english = store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish);
  ASSERT_TRUE(english.has_value());
  EXPECT_TRUE(english->has_value());
}

TEST_P(FaqStoreTest, OlderVersionsAreKeptAndVersionZeroReadsTheNewest) {
  ASSERT_TRUE(store_->SaveAnswer(Answer("2401.06769", 1, FaqLanguage::kEnglish, "old")));
  ASSERT_TRUE(store_->SaveAnswer(Answer("2401.06769", 3, FaqLanguage::kEnglish, "new")));
  ASSERT_TRUE(store_->SaveAnswer(Answer("2401.06769", 2, FaqLanguage::kEnglish, "middle")));

  auto newest = store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish, 0);
  ASSERT_TRUE(newest && *newest);
  EXPECT_EQ((*newest)->version, 3);
  EXPECT_EQ((*newest)->model, "new");
  auto first = store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish, 1);
  ASSERT_TRUE(first && *first);
  EXPECT_EQ((*first)->model, "old");
  auto missing = store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish, 4);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
}

TEST_P(FaqStoreTest, SavingTheSameVersionAgainReplacesIt) {
  ASSERT_TRUE(store_->SaveAnswer(Answer("2401.06769", 1, FaqLanguage::kEnglish, "first")));
  FaqAnswer again = Answer("2401.06769", 1, FaqLanguage::kEnglish, "second");
  again.items.pop_back();
  ASSERT_TRUE(store_->SaveAnswer(again));
  auto loaded = store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish, 1);
  ASSERT_TRUE(loaded && *loaded);
  EXPECT_EQ((*loaded)->model, "second");
  EXPECT_EQ((*loaded)->items.size(), 1u);
}

TEST_P(FaqStoreTest, RejectsAnAnswerWithoutVersion) {
  auto saved = store_->SaveAnswer(Answer("2401.06769", 0, FaqLanguage::kEnglish, "m"));
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(saved.error().message.find("2401.06769"), std::string::npos);
}

TEST_P(FaqStoreTest, PartialItemsAreNeverAFinishedAnswer) {
  ASSERT_TRUE(store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 1, "m", 0,
                                      Item("problem", "p")));
  auto answer = store_->LoadAnswer("2401.06769", FaqLanguage::kEnglish);
  ASSERT_TRUE(answer);
  EXPECT_FALSE(answer->has_value());
}

TEST_P(FaqStoreTest, PartialItemsSurviveReopeningAndStopAtTheFirstGap) {
  ASSERT_TRUE(store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 1, "m", 0,
                                      Item("problem", "p")));
  ASSERT_TRUE(store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 1, "m", 1,
                                      Item("related_work", "r")));
  ASSERT_TRUE(store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 1, "m", 3,
                                      Item("experiments", "e")));
  store_ = Open();  // as after a crash

  auto items = store_->LoadPartialItems("2401.06769", FaqLanguage::kEnglish, 1, "m");
  ASSERT_TRUE(items) << items.error().message;
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].answer, "p");
  EXPECT_EQ((*items)[1].question_id, "related_work");
}

TEST_P(FaqStoreTest, PartialItemsAreKeptApartByModelVersionAndLanguage) {
  ASSERT_TRUE(store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 1, "m", 0,
                                      Item("problem", "p")));
  for (auto [language, version, model] :
       {std::tuple{FaqLanguage::kEnglish, 1, "other"}, std::tuple{FaqLanguage::kEnglish, 2, "m"},
        std::tuple{FaqLanguage::kChinese, 1, "m"}}) {
    auto items = store_->LoadPartialItems("2401.06769", language, version, model);
    ASSERT_TRUE(items);
    EXPECT_TRUE(items->empty()) << model << " v" << version;
  }
}

TEST_P(FaqStoreTest, SavingTheAnswerDropsItsPartialItemsOnly) {
  ASSERT_TRUE(store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 1, "m", 0,
                                      Item("problem", "p")));
  ASSERT_TRUE(store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 2, "m", 0,
                                      Item("problem", "p2")));
  ASSERT_TRUE(store_->SaveAnswer(Answer("2401.06769", 1, FaqLanguage::kEnglish, "m")));

  auto done = store_->LoadPartialItems("2401.06769", FaqLanguage::kEnglish, 1, "m");
  ASSERT_TRUE(done);
  EXPECT_TRUE(done->empty());
  auto other = store_->LoadPartialItems("2401.06769", FaqLanguage::kEnglish, 2, "m");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->size(), 1u);
}

TEST_P(FaqStoreTest, ClearPartialItemsForgetsEveryModel) {
  ASSERT_TRUE(store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 1, "a", 0,
                                      Item("problem", "p")));
  ASSERT_TRUE(store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 1, "b", 0,
                                      Item("problem", "p")));
  ASSERT_TRUE(store_->ClearPartialItems("2401.06769", FaqLanguage::kEnglish, 1));
  for (const char* model : {"a", "b"}) {
    auto items = store_->LoadPartialItems("2401.06769", FaqLanguage::kEnglish, 1, model);
    ASSERT_TRUE(items);
    EXPECT_TRUE(items->empty());
  }
}

TEST_P(FaqStoreTest, RejectsANegativeQuestionIndex) {
  auto saved = store_->SavePartialItem("2401.06769", FaqLanguage::kEnglish, 1, "m", -1,
                                       Item("problem", "p"));
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, ErrorCode::kInvalidArgument);
}

// The PDF's text is kept for the search index, only for papers the store holds.
TEST_P(FaqStoreTest, PaperTextIsKeptOnlyForStoredPapers) {
  Result<void> saved = store_->SavePaperText("2401.06769", 1, "Some text.");
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->SavePaperText("2401.06769", 0, "Some text.").error().code,
            ErrorCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, FaqStoreTest,
                         ::testing::ValuesIn(coolpapers::testing::StoreTestBackends()),
                         coolpapers::testing::StoreTestBackendName);

}  // namespace
}  // namespace coolpapers::store
