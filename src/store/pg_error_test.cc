#include "store/pg_error.h"

#include <gtest/gtest.h>

#include <pqxx/except>

namespace coolpapers::store {
namespace {

TEST(RedactPgUrl, HidesOnlyThePassword) {
  const struct {
    std::string_view url;
    std::string_view redacted;
  } kCases[] = {
      {"postgresql://app:secret@db/coolpapers", "postgresql://app:***@db/coolpapers"},
      {"postgresql://app@db/coolpapers", "postgresql://app@db/coolpapers"},
      {"postgresql:///coolpapers?host=/run/postgresql",
       "postgresql:///coolpapers?host=/run/postgresql"},
      {"postgres://a:b@h:5432/d?sslmode=require", "postgres://a:***@h:5432/d?sslmode=require"},
      {"not a url", "not a url"},
  };
  for (const auto& c : kCases) EXPECT_EQ(RedactPgUrl(c.url), c.redacted) << c.url;
}

TEST(MakePgError, MapsFailuresToCodesAndNamesTheWork) {
  const Error lost = MakePgError(pqxx::broken_connection("gone"), "claim a job");
  EXPECT_EQ(lost.code, ErrorCode::kUnavailable);
  EXPECT_NE(lost.message.find("claim a job"), std::string::npos);
  EXPECT_EQ(MakePgError(pqxx::unique_violation("dup", "INSERT", "23505"), "x").code,
            ErrorCode::kConflict);
  EXPECT_EQ(MakePgError(pqxx::serialization_failure("retry"), "x").code,
            ErrorCode::kUnavailable);
  const Error syntax = MakePgError(pqxx::syntax_error("bad", "SELEC", "42601"), "x");
  EXPECT_EQ(syntax.code, ErrorCode::kInternal);
  EXPECT_NE(syntax.detail.find("42601"), std::string::npos);
  EXPECT_NE(syntax.detail.find("SELEC"), std::string::npos);
}

}  // namespace
}  // namespace coolpapers::store
