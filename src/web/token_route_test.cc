// /api/token through the site (issue #18 finding 10): the magic token goes into a cookie the
// server sets, HttpOnly, Secure and SameSite=Strict, instead of one a script writes.
#include <memory>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"
#include "tests/support/web_test_support.h"
#include "web/route_context.h"
#include "web/site.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;

class TokenRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    SiteServices services;
    services.admin_token = "secret token;1";
    site_ = std::make_unique<Site>(*store_, SiteOptions{}, services);
  }

  Response Call(std::string_view method, std::string_view body, std::string_view cookie = {}) {
    Request request{method, "/api/token", false, cookie};
    request.body = body;
    return site_->Handle(request);
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Site> site_;
};

TEST_F(TokenRouteTest, TheRightTokenBecomesAnHttpOnlyStrictCookie) {
  const Response accepted = Call("POST", "secret token;1");
  EXPECT_EQ(accepted.status, 200);
  EXPECT_EQ(*accepted.body, R"({"admin":true})");
  const std::string cookie(accepted.Header("Set-Cookie"));
  EXPECT_THAT(cookie, ::testing::StartsWith("coolpapers_token=secret+token%3B1; Path=/;"));
  EXPECT_THAT(cookie, HasSubstr("; HttpOnly; Secure; SameSite=Strict"));
  EXPECT_EQ(accepted.Header("Cache-Control"), "no-store");

  // The browser sends it back: the reader is the admin, for every route.
  const std::string sent = "a=1; " + cookie.substr(0, cookie.find(';'));
  EXPECT_EQ(TokenOfCookie(sent), "secret token;1");
  EXPECT_EQ(*Call("GET", "", sent).body, R"({"admin":true})");
  EXPECT_EQ(*Call("GET", "").body, R"({"admin":false})");
}

TEST_F(TokenRouteTest, AWrongTokenSetsNothingAndAnEmptyOneForgets) {
  const Response refused = Call("POST", "guess");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.Header("Set-Cookie"), "");
  EXPECT_THAT(*refused.body, HasSubstr("not this instance's magic token"));

  const Response forgotten = Call("POST", "");
  EXPECT_EQ(forgotten.status, 200);
  EXPECT_THAT(std::string(forgotten.Header("Set-Cookie")), HasSubstr("Max-Age=0"));
}

TEST(TokenRoute, AnInstanceWithoutATokenRefusesAPostAndSaysNoAdmin) {
  coolpapers::testing::TempDir dir;
  const std::unique_ptr<store::Store> store = testing::OpenSampleStore(dir.path());
  Site site(*store);
  Request request{"POST", "/api/token", false, {}};
  request.body = "x";
  EXPECT_EQ(site.Handle(request).status, 404);
  const Response asked = site.Handle(Request{"GET", "/api/token", false, {}});
  EXPECT_EQ(asked.status, 200);
  EXPECT_EQ(*asked.body, R"({"admin":false})");
}

}  // namespace
}  // namespace coolpapers::web
