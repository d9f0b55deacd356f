#include "web/http_status.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(HttpStatusFor, MapsEveryErrorCode) {
  const struct {
    ErrorCode code;
    int status;
  } kCases[] = {
      {ErrorCode::kInvalidArgument, 400}, {ErrorCode::kNotFound, 404},
      {ErrorCode::kConflict, 409},        {ErrorCode::kUnavailable, 503},
      {ErrorCode::kTimeout, 504},         {ErrorCode::kCorrupt, 500},
      {ErrorCode::kInternal, 500},
  };
  for (const auto& c : kCases) EXPECT_EQ(HttpStatusFor(c.code), c.status) << ErrorCodeName(c.code);
}

TEST(HttpReason, NamesTheStatusesTheSiteSends) {
  EXPECT_EQ(HttpReason(404), "Not Found");
  EXPECT_EQ(HttpReason(405), "Method Not Allowed");
  EXPECT_EQ(HttpReason(431), "Request Header Fields Too Large");
  EXPECT_EQ(HttpReason(299), "Error");
}

TEST(MakeErrorResponse, RendersJsonUnderApi) {
  const Response response = MakeErrorResponse(
      Error{ErrorCode::kNotFound, "no paper 2401.99999 here", "SELECT ... secret detail"},
      ErrorFormat::kJson);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, kJsonType);
  EXPECT_EQ(*response.body, R"({"error":{"code":"not_found","message":"no paper 2401.99999 here"}})");
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
}

TEST(MakeErrorResponse, RendersAnEscapedHtmlPageWithoutTheDetail) {
  const Response response = MakeErrorResponse(
      Error{ErrorCode::kInvalidArgument, "invalid arXiv id \"<script>alert(1)</script>\"",
            "secret detail"},
      ErrorFormat::kHtml);
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.content_type, kHtmlType);
  EXPECT_THAT(*response.body, HasSubstr("400 Bad Request"));
  EXPECT_THAT(*response.body, HasSubstr("invalid arXiv id &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;"));
  EXPECT_THAT(*response.body, HasSubstr("/arxiv/cs.AI,cs.CL"));  // what the site accepts
  EXPECT_THAT(*response.body, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(*response.body, Not(HasSubstr("secret detail")));
}

TEST(MakeErrorResponse, TakesAnExplicitStatusAndCode) {
  const Response response =
      MakeErrorResponse(405, "method_not_allowed", "method POST is not allowed", ErrorFormat::kJson);
  EXPECT_EQ(response.status, 405);
  EXPECT_THAT(*response.body, HasSubstr("\"code\":\"method_not_allowed\""));
}

}  // namespace
}  // namespace coolpapers::web
