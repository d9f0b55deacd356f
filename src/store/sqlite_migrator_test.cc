#include "store/sqlite_migrator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "tests/support/temp_dir.h"

namespace coolpapers::store {
namespace {

const std::vector<Migration> kTwoMigrations = {
    {1, "0001_create_a", "CREATE TABLE a (x INTEGER);"},
    {2, "0002_create_b", "CREATE TABLE b (y TEXT); INSERT INTO b VALUES ('seed');"},
};

class SqliteMigratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connection = SqliteConnection::Open(dir_.path() / "db.sqlite",
                                             SqliteConnection::Mode::kReadWrite, 1000);
    ASSERT_TRUE(connection);
    connection_ = std::make_unique<SqliteConnection>(std::move(*connection));
  }

  int64_t QueryInt(std::string_view sql) {
    auto statement = connection_->Prepare(sql);
    EXPECT_TRUE(statement);
    if (!statement || !(*statement)->Step().value_or(false)) return -1;
    return (*statement)->ColumnInt(0);
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<SqliteConnection> connection_;
};

TEST_F(SqliteMigratorTest, AppliesEveryMigrationToAnEmptyDatabase) {
  ASSERT_TRUE(MigrateSchema(*connection_, kTwoMigrations, "db"));
  EXPECT_EQ(QueryInt("PRAGMA user_version"), 2);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM b"), 1);
}

TEST_F(SqliteMigratorTest, LeavesAnUpToDateDatabaseAlone) {
  ASSERT_TRUE(MigrateSchema(*connection_, kTwoMigrations, "db"));
  ASSERT_TRUE(MigrateSchema(*connection_, kTwoMigrations, "db"));
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM b"), 1);  // the seed row was not inserted twice
}

TEST_F(SqliteMigratorTest, AppliesOnlyTheMigrationsNotYetApplied) {
  ASSERT_TRUE(MigrateSchema(*connection_, std::span(kTwoMigrations).first(1), "db"));
  EXPECT_EQ(QueryInt("PRAGMA user_version"), 1);
  ASSERT_TRUE(MigrateSchema(*connection_, kTwoMigrations, "db"));
  EXPECT_EQ(QueryInt("PRAGMA user_version"), 2);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM a"), 0);
}

TEST_F(SqliteMigratorTest, RollsBackEverythingWhenAMigrationFails) {
  const std::vector<Migration> broken = {kTwoMigrations[0], {2, "0002_broken", "CREATE TABLE ("}};
  auto migrated = MigrateSchema(*connection_, broken, "db");
  ASSERT_FALSE(migrated);
  EXPECT_THAT(migrated.error().detail, ::testing::HasSubstr("0002_broken"));
  EXPECT_EQ(QueryInt("PRAGMA user_version"), 0);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM sqlite_schema"), 0);
}

TEST_F(SqliteMigratorTest, RefusesADatabaseNewerThanItsMigrations) {
  ASSERT_TRUE(connection_->Execute("PRAGMA user_version = 3"));
  auto migrated = MigrateSchema(*connection_, kTwoMigrations, "db.sqlite");
  ASSERT_FALSE(migrated);
  EXPECT_EQ(migrated.error().code, ErrorCode::kCorrupt);
  EXPECT_THAT(migrated.error().message, ::testing::HasSubstr("schema version 3"));
  EXPECT_THAT(migrated.error().message, ::testing::HasSubstr("db.sqlite"));
}

}  // namespace
}  // namespace coolpapers::store
