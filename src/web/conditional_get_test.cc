#include "web/conditional_get.h"

#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

Response WithValidators() {
  Response response;
  response.headers.emplace_back("ETag", "W/\"abc\"");
  response.headers.emplace_back("Last-Modified", "Wed, 14 May 2025 00:00:00 GMT");
  return response;
}

TEST(ConditionalGet, MatchesTheETagInAList) {
  const Response response = WithValidators();
  EXPECT_TRUE(IsNotModified("W/\"abc\"", "", response));
  EXPECT_TRUE(IsNotModified("\"x\", W/\"abc\"", "", response));
  EXPECT_TRUE(IsNotModified("*", "", response));
  EXPECT_FALSE(IsNotModified("\"x\"", "", response));
}

TEST(ConditionalGet, IfNoneMatchWinsOverIfModifiedSince) {
  EXPECT_FALSE(IsNotModified("\"x\"", "Wed, 14 May 2025 00:00:00 GMT", WithValidators()));
  EXPECT_TRUE(IsNotModified("", "Wed, 14 May 2025 00:00:00 GMT", WithValidators()));
  EXPECT_FALSE(IsNotModified("", "Thu, 15 May 2025 00:00:00 GMT", WithValidators()));
}

TEST(ConditionalGet, OnlyAnsweredFor200sWithValidators) {
  Response error = WithValidators();
  error.status = 404;
  EXPECT_FALSE(IsNotModified("*", "", error));
  EXPECT_FALSE(IsNotModified("*", "", Response{}));
}

TEST(ConditionalGet, NotModifiedDropsTheBody) {
  Response response = WithValidators();
  response.body = std::make_shared<const std::string>("<feed/>");
  response.gzipped = true;
  MakeNotModified(response);
  EXPECT_EQ(response.status, 304);
  EXPECT_TRUE(response.body->empty());
  EXPECT_FALSE(response.gzipped);
  EXPECT_EQ(response.Header("ETag"), "W/\"abc\"");
}

}  // namespace
}  // namespace coolpapers::web
