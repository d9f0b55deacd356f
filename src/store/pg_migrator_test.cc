// The PostgreSQL schema's migrations, on a fresh database of the test server each.
#include "store/pg_migrator.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "tests/support/pg_test_server.h"
#include "tests/support/temp_dir.h"

namespace coolpapers::store {
namespace {

const std::vector<Migration> kTwoMigrations = {
    {1, "0001_create_a", "CREATE TABLE a (x INTEGER);"},
    {2, "0002_create_b", "CREATE TABLE b (y TEXT); INSERT INTO b VALUES ('seed');"},
};

class PgMigratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto reason = coolpapers::testing::PgTestSkipReason()) GTEST_SKIP() << *reason;
    pool_ = OpenPool();
  }

  std::unique_ptr<PgConnectionPool> OpenPool() {
    auto pool = PgConnectionPool::Open(coolpapers::testing::PgTestDatabaseUrl(dir_.path()), 2);
    EXPECT_TRUE(pool) << pool.error().message;
    return pool ? std::move(*pool) : nullptr;
  }

  int64_t QueryInt(const std::string& sql) {
    auto value = pool_->Autocommit<int64_t>("test", [&](PgQuery& query) -> Result<int64_t> {
      return query.transaction().exec(sql)[0][0].as<int64_t>();
    });
    EXPECT_TRUE(value) << value.error().detail;
    return value.value_or(-1);
  }

  Result<void> Exec(const std::string& sql) {
    return pool_->Autocommit<void>("test", [&](PgQuery& query) -> Result<void> {
      query.transaction().exec(sql);
      return {};
    });
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<PgConnectionPool> pool_;
};

TEST_F(PgMigratorTest, AppliesEveryMigrationOnceInOrder) {
  ASSERT_TRUE(MigratePgSchema(*pool_, kTwoMigrations));
  EXPECT_EQ(QueryInt("SELECT version FROM coolpapers_schema"), 2);
  ASSERT_TRUE(MigratePgSchema(*pool_, kTwoMigrations));  // up to date: nothing runs again
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM b"), 1);
}

TEST_F(PgMigratorTest, AppliesOnlyTheNewOnes) {
  ASSERT_TRUE(MigratePgSchema(*pool_, std::span(kTwoMigrations).first(1)));
  EXPECT_EQ(QueryInt("SELECT version FROM coolpapers_schema"), 1);
  ASSERT_TRUE(MigratePgSchema(*pool_, kTwoMigrations));
  EXPECT_EQ(QueryInt("SELECT version FROM coolpapers_schema"), 2);
}

TEST_F(PgMigratorTest, AFailingMigrationLeavesNothingBehind) {
  const std::vector<Migration> broken = {kTwoMigrations[0],
                                         {2, "0002_broken", "CREATE TABLE c (; "}};
  auto migrated = MigratePgSchema(*pool_, broken);
  ASSERT_FALSE(migrated);
  EXPECT_EQ(migrated.error().code, ErrorCode::kInternal);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"), 0);
}

TEST_F(PgMigratorTest, RefusesADatabaseThatIsNotACoolpapersStore) {
  ASSERT_TRUE(Exec("CREATE TABLE someone_elses (x INTEGER)"));
  auto migrated = MigratePgSchema(*pool_, kTwoMigrations);
  ASSERT_FALSE(migrated);
  EXPECT_EQ(migrated.error().code, ErrorCode::kCorrupt);
}

// Four openers with their own connections, as four processes would be.
TEST_F(PgMigratorTest, ConcurrentOpenersMigrateOnce) {
  std::vector<std::unique_ptr<PgConnectionPool>> pools;
  for (int i = 0; i < 4; ++i) pools.push_back(OpenPool());
  std::vector<std::thread> threads;
  std::vector<char> ok(pools.size(), 0);  // not vector<bool>: each thread writes its own byte
  for (size_t i = 0; i < pools.size(); ++i) {
    threads.emplace_back([&, i] {
      ok[i] = MigratePgSchema(*pools[i], AllPgMigrations()).has_value() ? 1 : 0;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (size_t i = 0; i < ok.size(); ++i) EXPECT_TRUE(ok[i]) << "opener " << i;
  EXPECT_EQ(QueryInt("SELECT version FROM coolpapers_schema"),
            AllPgMigrations().back().version);
}

TEST(PgMigrations, AreNumberedFromOneWithoutGaps) {
  int expected = 1;
  for (const Migration& migration : AllPgMigrations()) EXPECT_EQ(migration.version, expected++);
}

}  // namespace
}  // namespace coolpapers::store
