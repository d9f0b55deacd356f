#include "web/response_head.h"

#include <memory>
#include <sstream>
#include <string>

#include <boost/beast/http.hpp>
#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

namespace http = boost::beast::http;

boost::beast::string_view ToBeast(std::string_view text) { return {text.data(), text.size()}; }

// What the server sent before WriteResponseHead, through Beast: the oracle.
std::string BeastHead(const Response& response, unsigned version, bool keep_alive) {
  http::response<http::string_body> res;
  res.result(static_cast<unsigned>(response.status));
  res.version(version);
  res.set(http::field::server, "coolpapers");
  res.set(http::field::content_type, ToBeast(response.content_type));
  res.set("X-Content-Type-Options", "nosniff");
  if (response.gzipped) res.set(http::field::content_encoding, "gzip");
  for (const auto& [name, value] : response.headers) res.set(ToBeast(name), ToBeast(value));
  res.body() = *response.body;
  res.content_length(response.body->size());
  res.keep_alive(keep_alive);
  std::ostringstream out;
  out << res.base();
  return out.str();
}

std::string OurHead(const Response& response, unsigned version, bool keep_alive) {
  std::string out = "left over from the previous response";
  const std::string reason(http::obsolete_reason(http::int_to_status(static_cast<unsigned>(response.status))));
  EXPECT_TRUE(WriteResponseHead(response,
                                {.reason = reason,
                                 .version = version,
                                 .keep_alive = keep_alive,
                                 .content_length = response.body->size()},
                                out));
  return out;
}

Response CachedPage() {
  Response response;
  response.body = std::make_shared<const std::string>("<!doctype html><p>hello</p>");
  response.gzipped = true;
  response.headers = {{"Cache-Control", "public, max-age=60"},
                      {"Vary", "Accept-Encoding"},
                      {"ETag", "\"0123456789abcdef\""},
                      {"X-Content-Type-Options", "nosniff"},
                      {"Referrer-Policy", "strict-origin-when-cross-origin"},
                      {"Content-Security-Policy", "frame-ancestors 'self'"}};
  return response;
}

TEST(ResponseHeadTest, WritesTheBytesBeastWroteForACachedPage) {
  const Response page = CachedPage();
  for (const unsigned version : {10u, 11u}) {
    for (const bool keep_alive : {true, false}) {
      EXPECT_EQ(OurHead(page, version, keep_alive), BeastHead(page, version, keep_alive))
          << "HTTP/" << version << " keep-alive " << keep_alive;
    }
  }
}

TEST(ResponseHeadTest, ALaterHeaderOfTheSameNameReplacesTheEarlierAtTheEnd) {
  Response response = CachedPage();
  response.headers.emplace_back("cache-control", "no-store");
  response.headers.emplace_back("Vary", "  Cookie\t");  // trimmed, as Beast trims
  const std::string head = OurHead(response, 11, true);
  EXPECT_EQ(head, BeastHead(response, 11, true));
  EXPECT_EQ(head.find("public, max-age=60"), std::string::npos);
  EXPECT_NE(head.find("cache-control: no-store\r\nVary: Cookie\r\nContent-Length: 27\r\n\r\n"),
            std::string::npos)
      << head;
}

TEST(ResponseHeadTest, WritesOtherStatusesAndEmptyBodies) {
  Response not_modified = CachedPage();
  not_modified.status = 304;
  not_modified.gzipped = false;
  not_modified.body = std::make_shared<const std::string>();
  EXPECT_EQ(OurHead(not_modified, 11, true), BeastHead(not_modified, 11, true));
  Response missing;
  missing.status = 404;
  missing.content_type = kJsonType;
  missing.body = std::make_shared<const std::string>("{\"error\":\"not_found\"}");
  missing.headers = {{"Access-Control-Allow-Origin", "*"}};
  EXPECT_EQ(OurHead(missing, 11, false), BeastHead(missing, 11, false));
  Response odd;
  odd.status = 599;  // no reason phrase of its own
  EXPECT_EQ(OurHead(odd, 11, true), BeastHead(odd, 11, true));
}

TEST(ResponseHeadTest, LeavesToBeastWhatItWouldNotWriteTheSame) {
  std::string out;
  const HeadFraming framing{.reason = "OK"};
  Response split;
  split.headers = {{"Location", "/a\r\nSet-Cookie: x=1"}};
  EXPECT_FALSE(WriteResponseHead(split, framing, out));
  Response connection;
  connection.headers = {{"connection", "upgrade"}};
  EXPECT_FALSE(WriteResponseHead(connection, framing, out));
  Response many;
  for (int i = 0; i < 40; ++i) many.headers.emplace_back("X-Header-" + std::to_string(i), "1");
  EXPECT_FALSE(WriteResponseHead(many, framing, out));
}

}  // namespace
}  // namespace coolpapers::web
