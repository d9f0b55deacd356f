// What only the SQLite store promises: the file, WAL, its schema version, how it treats files
// that are not its own, and concurrent readers beside the writer.
#include "store/sqlite_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <thread>
#include <vector>

#include "core/category_expr.h"
#include "store/migrations.h"
#include "store/sqlite_faq_store.h"
#include "store/sqlite_migrator.h"
#include "store/sqlite_connection.h"
#include "tests/support/store_test_records.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::store {
namespace {

using testing::Day;
using testing::NewPaperRecord;

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::filesystem::path Path() const { return dir_.path() / "coolpapers.sqlite"; }

  // Reads one value with a connection of our own, as another process would.
  std::string QueryText(std::string_view sql) {
    auto connection = SqliteConnection::Open(Path(), SqliteConnection::Mode::kReadOnly, 1000);
    EXPECT_TRUE(connection);
    if (!connection) return {};
    auto statement = connection->Prepare(sql);
    EXPECT_TRUE(statement);
    if (!statement || !(*statement)->Step().value_or(false)) return {};
    return std::string((*statement)->ColumnText(0));
  }

  coolpapers::testing::TempDir dir_;
};

TEST_F(SqliteStoreTest, CreatesTheFileInWalMode) {
  auto store = OpenSqliteStore(Path());
  ASSERT_TRUE(store) << store.error().detail;
  EXPECT_TRUE(std::filesystem::exists(Path()));
  EXPECT_EQ(QueryText("PRAGMA journal_mode"), "wal");
}

TEST_F(SqliteStoreTest, RecordsTheLatestSchemaVersion) {
  ASSERT_TRUE(OpenSqliteStore(Path()));
  EXPECT_EQ(QueryText("PRAGMA user_version"), std::to_string(AllMigrations().back().version));
}

// Migration 0014 fills listing_days from the listings a store already holds.
TEST_F(SqliteStoreTest, MigrationCountsTheListingsOfAnExistingStore) {
  {
    auto connection = SqliteConnection::Open(Path(), SqliteConnection::Mode::kReadWrite, 1000);
    ASSERT_TRUE(connection);
    // Every migration before the one that adds listing_days (whatever its number after merges).
    const std::span<const Migration> all = AllMigrations();
    const auto listing_days = std::ranges::find_if(
        all, [](const Migration& m) { return m.name.ends_with("_listing_days"); });
    ASSERT_NE(listing_days, all.end());
    ASSERT_TRUE(MigrateSchema(*connection, all.first(static_cast<size_t>(listing_days - all.begin())),
                              "store"));
    ASSERT_TRUE(connection->Execute(
        "INSERT INTO papers (id, title, authors, abstract, categories) VALUES "
        "('2505.00001', 't', 'a', 'x', 'cs.CL'), ('2505.00002', 't', 'a', 'x', 'cs.CL cs.AI');"
        "INSERT INTO listings (day, category, paper_id, announce_type, position) VALUES "
        "('2025-05-14', 'cs.CL', '2505.00001', 0, 0), ('2025-05-15', 'cs.CL', '2505.00002', 0, 0),"
        "('2025-05-15', 'cs.AI', '2505.00002', 1, 1), ('2025-05-15', 'cs.CL', '2505.00001', 2, 1);"));
  }
  auto store = OpenSqliteStore(Path());
  ASSERT_TRUE(store) << store.error().detail;
  EXPECT_THAT((*store)->ListingDays(ParseCategoryExpr("cs.CL").value()).value(),
              ::testing::ElementsAre(Day("2025-05-14"), Day("2025-05-15")));
  auto newest = (*store)->NewestDayPerCategory();
  ASSERT_TRUE(newest);
  ASSERT_EQ(newest->size(), 2u);
  EXPECT_EQ((*newest)[1].category, "cs.CL");
  EXPECT_EQ((*newest)[1].newest_day, Day("2025-05-15"));
  EXPECT_EQ((*newest)[1].paper_count, 2);
}

TEST_F(SqliteStoreTest, ReportsAFileThatIsNotADatabaseAsCorrupt) {
  std::ofstream(Path()) << "this is a text file, not SQLite, and it is long enough to matter\n";
  auto store = OpenSqliteStore(Path());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kCorrupt);
}

TEST_F(SqliteStoreTest, RefusesADatabaseOfAnotherProgram) {
  {
    auto other = SqliteConnection::Open(Path(), SqliteConnection::Mode::kReadWrite, 1000);
    ASSERT_TRUE(other);
    ASSERT_TRUE(other->Execute("CREATE TABLE accounts (name TEXT)"));
  }
  auto store = OpenSqliteStore(Path());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kCorrupt);
  EXPECT_THAT(store.error().message, ::testing::HasSubstr("not a coolpapers store"));
}

TEST_F(SqliteStoreTest, ReportsAMissingFolderAsUnavailable) {
  auto store = OpenSqliteStore(dir_.path() / "no" / "such" / "folder" / "store.sqlite");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(store.error().message, ::testing::HasSubstr("no/such/folder"));
}

// The FAQ's text and answers of a paper (written through the FAQ store, in the same file) are
// what Store::SearchTexts reads, and each counts as a change of the paper for the index.
TEST_F(SqliteStoreTest, SearchTextsAreTheFaqTextAndAnswers) {
  auto store = OpenSqliteStore(Path());
  ASSERT_TRUE(store) << store.error().detail;
  const std::vector<PaperRecord> records = {
      NewPaperRecord("2501.00001", {"cs.CL"}, Day("2025-01-06"), 1),
      NewPaperRecord("2501.00002", {"cs.CL"}, Day("2025-01-06"), 2)};
  ASSERT_TRUE((*store)->WriteRecords(records));
  auto faq_store = OpenSqliteFaqStore(Path());
  ASSERT_TRUE(faq_store) << faq_store.error().detail;
  const uint64_t before = (*store)->LatestPaperChange().value();
  ASSERT_TRUE((*faq_store)->SavePaperText("2501.00001", 1, "Full text."));
  FaqAnswer answer;
  answer.paper_id = "2501.00001";
  answer.version = 1;
  answer.model = "test-model";
  answer.items = {{"q1", "Q1?", "First answer.", {}, 0, 0}, {"q2", "Q2?", "Second.", {}, 0, 0}};
  ASSERT_TRUE((*faq_store)->SaveAnswer(answer));

  const std::vector<std::string> ids = {"2501.00002", "2501.00001", "2501.99999"};
  Result<std::vector<PaperSearchText>> texts = (*store)->SearchTexts(ids);
  ASSERT_TRUE(texts) << texts.error().detail;
  ASSERT_EQ(texts->size(), 1u);
  EXPECT_EQ((*texts)[0].paper_id, "2501.00001");
  EXPECT_EQ((*texts)[0].full_text, "Full text.");
  EXPECT_EQ((*texts)[0].faq_answers, "First answer.\nSecond.\n");
  Result<PaperChanges> changes = (*store)->PaperChangesSince(before, 10);
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->papers.size(), 1u);
  EXPECT_EQ(changes->papers[0].id, "2501.00001");
}

TEST_F(SqliteStoreTest, ServesReadersWhileTheWriterWrites) {
  auto opened = OpenSqliteStore(Path(), {.reader_connections = 2, .busy_timeout_ms = 5000});
  ASSERT_TRUE(opened);
  Store& store = **opened;
  const CategoryExpr cs_cl = ParseCategoryExpr("cs.CL").value();
  std::atomic<bool> writing{true};
  std::atomic<int> read_failures{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] {
      while (writing) {
        auto list = store.ListDay(cs_cl, Day("2025-05-14"));
        auto stamp = store.ChangeStamp();
        if (!list || !stamp) ++read_failures;
      }
    });
  }
  for (int batch = 0; batch < 20; ++batch) {
    std::vector<PaperRecord> records;
    for (int i = 0; i < 50; ++i) {
      const std::string id = "2505." + std::to_string(10000 + batch * 50 + i);
      records.push_back(NewPaperRecord(id, {"cs.CL"}, Day("2025-05-14"), batch * 50 + i));
    }
    ASSERT_TRUE(store.WriteRecords(records));
  }
  writing = false;
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(read_failures, 0);
  EXPECT_EQ(store.ListDay(cs_cl, Day("2025-05-14"))->papers.size(), 1000u);
}

}  // namespace
}  // namespace coolpapers::store
