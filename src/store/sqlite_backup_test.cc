// `coolpapers backup`'s copy (issue #17): taken while a writer keeps committing, it opens as a
// store and holds exactly the papers of one commit: a prefix of what the writer wrote, nothing
// half-written.
#include "store/sqlite_backup.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite_store.h"
#include "tests/support/store_test_records.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::store {
namespace {

using testing::Day;
using testing::NewPaperRecord;

// "2401.00001", "2401.00002", ...: the writer's n-th paper.
std::string IdOf(int n) {
  char id[16];
  std::snprintf(id, sizeof id, "2401.%05d", n);
  return id;
}

TEST(SqliteBackup, ACopyTakenWhileAWriterCommitsHoldsOneCommitsPapers) {
  coolpapers::testing::TempDir dir;
  const auto source = dir.path() / "coolpapers.sqlite";
  auto store = OpenSqliteStore(source);
  ASSERT_TRUE(store) << store.error().message;
  // Batches of 20 papers, one transaction each, until the backups are done.
  constexpr int kBatch = 20;
  std::atomic<bool> stop = false;
  std::atomic<int> committed = 0;
  std::thread writer([&] {
    for (int batch = 0; !stop && batch < 2000; ++batch) {
      std::vector<PaperRecord> records;
      for (int i = 1; i <= kBatch; ++i) {
        records.push_back(NewPaperRecord(IdOf(batch * kBatch + i), {"cs.CL"}, Day("2024-01-02"),
                                         batch * kBatch + i));
      }
      ASSERT_TRUE((*store)->WriteRecords(records));
      committed = (batch + 1) * kBatch;
    }
  });
  while (committed < 5 * kBatch) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  std::vector<int64_t> counts;
  for (int i = 0; i < 3; ++i) {
    const auto copy = dir.path() / ("backup-" + std::to_string(i) + ".sqlite");
    const int before = committed;
    Result<SqliteBackup> backup = BackupSqliteStore(source, copy);
    const int after = committed;
    ASSERT_TRUE(backup) << backup.error().message << " " << backup.error().detail;
    EXPECT_GT(backup->pages, 0);
    EXPECT_EQ(backup->bytes, static_cast<int64_t>(std::filesystem::file_size(copy)));
    EXPECT_FALSE(std::filesystem::exists(copy.string() + ".partial"));

    auto copied = OpenSqliteStore(copy);
    ASSERT_TRUE(copied) << copied.error().message;
    const Result<int64_t> count = (*copied)->PaperCount();
    ASSERT_TRUE(count);
    // Whole commits only, at least those committed before the backup began.
    EXPECT_EQ(*count % kBatch, 0) << *count;
    EXPECT_GE(*count, before);
    EXPECT_LE(*count, after + kBatch);  // a commit under way may have made it in
    // A prefix: the first and the last paper of the copy are there, the next is not.
    const std::vector<std::string> ids = {IdOf(1), IdOf(static_cast<int>(*count)),
                                          IdOf(static_cast<int>(*count) + 1)};
    auto papers = (*copied)->PapersByIds(ids);
    ASSERT_TRUE(papers);
    ASSERT_EQ(papers->size(), 2u);
    EXPECT_EQ((*papers)[0].id, ids[0]);
    EXPECT_EQ((*papers)[1].id, ids[1]);
    counts.push_back(*count);
  }
  stop = true;
  writer.join();
  EXPECT_LT(counts.front(), committed.load());  // the writer did write during the backups
}

TEST(SqliteBackup, NeverOverwritesAFile) {
  coolpapers::testing::TempDir dir;
  const auto source = dir.path() / "coolpapers.sqlite";
  ASSERT_TRUE(OpenSqliteStore(source));
  const auto copy = dir.path() / "kept.sqlite";
  std::ofstream(copy) << "precious";
  Result<SqliteBackup> backup = BackupSqliteStore(source, copy);
  ASSERT_FALSE(backup);
  EXPECT_EQ(backup.error().code, ErrorCode::kConflict);
  std::ifstream in(copy);
  std::string kept;
  in >> kept;
  EXPECT_EQ(kept, "precious");
}

TEST(SqliteBackup, AMissingStoreIsNotFoundAndLeavesNothing) {
  coolpapers::testing::TempDir dir;
  const auto copy = dir.path() / "copy.sqlite";
  Result<SqliteBackup> backup = BackupSqliteStore(dir.path() / "absent.sqlite", copy);
  ASSERT_FALSE(backup);
  EXPECT_EQ(backup.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(copy));
}

}  // namespace
}  // namespace coolpapers::store
