// The translations of every backend (SQLite, PostgreSQL).
#include "store/translation_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "store/store_location.h"
#include "tests/support/store_test_records.h"
#include "tests/support/store_test_backends.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::store {
namespace {

using testing::Day;
using testing::NewPaperRecord;

PaperTranslation Translation(const std::string& paper_id, int version, const std::string& title) {
  return {paper_id, version, title, "摘要 $x^2$。", "test-model",
          UtcTime(std::chrono::seconds(1'747'200'000 + version))};
}

class TranslationStoreTest
    : public ::testing::TestWithParam<coolpapers::testing::StoreTestBackend> {
 protected:
  void SetUp() override {
    if (auto reason = GetParam().skip_reason()) GTEST_SKIP() << *reason;
    auto papers = OpenStoreAt(location());
    ASSERT_TRUE(papers) << papers.error().detail;
    const std::vector<PaperRecord> records = {
        NewPaperRecord("2501.00001", {"cs.CL"}, Day("2025-01-06"), 1),
        NewPaperRecord("2501.00002", {"cs.CL"}, Day("2025-01-06"), 2)};
    ASSERT_TRUE((*papers)->WriteRecords(records));
    auto store = OpenTranslationStoreAt(location());
    ASSERT_TRUE(store) << store.error().detail;
    store_ = std::move(*store);
  }
  StoreLocation location() const { return GetParam().location(dir_.path()); }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<TranslationStore> store_;
};

TEST_P(TranslationStoreTest, SavedTranslationsLoadBackNewestVersionFirst) {
  ASSERT_TRUE(store_->SaveTranslation(Translation("2501.00001", 1, "标题一")));
  ASSERT_TRUE(store_->SaveTranslation(Translation("2501.00001", 2, "标题二")));
  const std::vector<std::string> ids = {"2501.00001", "2501.00002", "2501.99999"};
  Result<std::vector<PaperTranslation>> loaded = store_->LoadTranslations(ids);
  ASSERT_TRUE(loaded) << loaded.error().detail;
  ASSERT_EQ(loaded->size(), 1u);
  const PaperTranslation& newest = loaded->front();
  EXPECT_EQ(newest.paper_id, "2501.00001");
  EXPECT_EQ(newest.version, 2);
  EXPECT_EQ(newest.title, "标题二");
  EXPECT_EQ(newest.abstract, "摘要 $x^2$。");
  EXPECT_EQ(newest.model, "test-model");
  EXPECT_EQ(newest.created, UtcTime(std::chrono::seconds(1'747'200'002)));
}

TEST_P(TranslationStoreTest, SavingTheSameVersionAgainReplacesIt) {
  ASSERT_TRUE(store_->SaveTranslation(Translation("2501.00002", 1, "旧")));
  ASSERT_TRUE(store_->SaveTranslation(Translation("2501.00002", 1, "新")));
  const std::vector<std::string> ids = {"2501.00002"};
  EXPECT_EQ(store_->LoadTranslations(ids).value().at(0).title, "新");
}

TEST_P(TranslationStoreTest, RejectsUnknownPapersAndEmptyTranslations) {
  EXPECT_EQ(store_->SaveTranslation(Translation("2501.99999", 1, "标题")).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(store_->SaveTranslation(Translation("2501.00001", 0, "标题")).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->SaveTranslation(Translation("2501.00001", 1, "")).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store_->LoadTranslations({}).value().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, TranslationStoreTest,
                         ::testing::ValuesIn(coolpapers::testing::StoreTestBackends()),
                         coolpapers::testing::StoreTestBackendName);

}  // namespace
}  // namespace coolpapers::store
