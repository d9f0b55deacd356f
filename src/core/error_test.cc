#include "core/error.h"

#include <gtest/gtest.h>

namespace coolpapers {
namespace {

TEST(ErrorCodeName, SpellsEveryCodeInSnakeCase) {
  EXPECT_EQ(ErrorCodeName(ErrorCode::kInvalidArgument), "invalid_argument");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kNotFound), "not_found");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kUnavailable), "unavailable");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kInternal), "internal");
}

TEST(Fail, CarriesCodeMessageAndDetail) {
  Result<int> r = Fail(ErrorCode::kNotFound, "no paper 2401.00001", "sql: ...");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().message, "no paper 2401.00001");
  EXPECT_EQ(r.error().detail, "sql: ...");
}

}  // namespace
}  // namespace coolpapers
