#include "store/store_location.h"

#include <gtest/gtest.h>

namespace coolpapers::store {
namespace {

TEST(ParseStoreLocation, ReadsSqlitePathsAndPostgresUrls) {
  auto sqlite = ParseStoreLocation("sqlite:var/coolpapers.sqlite");
  ASSERT_TRUE(sqlite);
  EXPECT_EQ(sqlite->kind, StoreLocation::Kind::kSqlite);
  EXPECT_EQ(sqlite->sqlite_path, "var/coolpapers.sqlite");
  EXPECT_EQ(sqlite->Describe(), "sqlite:var/coolpapers.sqlite");

  for (std::string_view url : {"postgresql://app:pw@db/papers", "postgres://db/papers"}) {
    auto pg = ParseStoreLocation(url);
    ASSERT_TRUE(pg) << url;
    EXPECT_EQ(pg->kind, StoreLocation::Kind::kPostgres);
    EXPECT_EQ(pg->pg_url, url);
  }
  EXPECT_EQ(ParseStoreLocation("postgresql://app:pw@db/papers")->Describe(),
            "postgresql://app:***@db/papers");
}

TEST(ParseStoreLocation, RefusesAnythingElseWithoutShowingAPassword) {
  for (std::string_view text : {"", "sqlite:", "var/coolpapers.sqlite", "mysql://db/papers"}) {
    auto location = ParseStoreLocation(text);
    ASSERT_FALSE(location) << text;
    EXPECT_EQ(location.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(location.error().message.find("postgresql://"), std::string::npos);
  }
}

}  // namespace
}  // namespace coolpapers::store
