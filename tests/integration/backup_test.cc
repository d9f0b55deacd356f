// `coolpapers backup DEST` through the real binary (issue #17): a copy of the SQLite store taken
// while `serve` holds it open opens as a store with every paper; a PostgreSQL store is refused
// with the pg_dump command to use instead.
#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite_store.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {
namespace {

using ::testing::HasSubstr;

constexpr int kPapers = 30;

TEST(BackupCommand, CopiesTheStoreWhileServeRuns) {
  testing::TempDir dir;
  const std::filesystem::path data = dir.path() / "var";
  const std::filesystem::path records = dir.path() / "records.jsonl";
  {
    std::ofstream out(records);
    for (int i = 1; i <= kPapers; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "2401.%05d", i);
      out << R"({"id": ")" << id << R"(", "authors": ["A. Author"], "title": "Paper )" << i
          << R"(", "categories": ["cs.CL"], "comment": null, "summary": "An abstract.", )"
          << R"("listing_date": "2024-01-02"})" << "\n";
    }
  }
  const testing::CommandResult imported =
      testing::RunCoolpapers({"import", "--data", data.string(), records.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;

  testing::ServerProcess server(data);
  testing::HttpClient client("127.0.0.1", server.port());
  ASSERT_EQ(client.Get("/arxiv/cs.CL?date=2024-01-02").status, 200);
  const std::filesystem::path copy = dir.path() / "backups" / "coolpapers-2024-01-02.sqlite";
  std::filesystem::create_directories(copy.parent_path());
  const testing::CommandResult backed =
      testing::RunCoolpapers({"backup", "--data", data.string(), copy.string()});
  ASSERT_EQ(backed.exit_code, 0) << backed.output;
  EXPECT_THAT(backed.output, HasSubstr("backed sqlite:"));

  auto store = store::OpenSqliteStore(copy);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->PaperCount().value_or(-1), kPapers);
  // A second backup to the same file is refused; the first is kept.
  const testing::CommandResult again =
      testing::RunCoolpapers({"backup", "--data", data.string(), copy.string()});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.output, HasSubstr("exists already"));
}

TEST(BackupCommand, APostgresStoreIsBackedUpWithPgDump) {
  testing::TempDir dir;
  const testing::CommandResult refused = testing::RunCoolpapers(
      {"backup", "--data", (dir.path() / "var").string(), "--store",
       "postgresql://coolpapers:secret@db.example/papers", (dir.path() / "b.dump").string()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.output, HasSubstr("pg_dump --format=custom"));
  EXPECT_THAT(refused.output, ::testing::Not(HasSubstr("secret")));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "b.dump"));
}

}  // namespace
}  // namespace coolpapers
