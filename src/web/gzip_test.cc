#include "web/gzip.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using testing::Gunzip;

TEST(GzipCompress, RoundTripsThroughInflate) {
  std::string page;
  for (int i = 0; i < 2000; ++i) page += "<div class=\"panel paper\">card " + std::to_string(i) + "</div>\n";
  for (const std::string& input : {std::string(), std::string("x"), page}) {
    auto compressed = GzipCompress(input);
    ASSERT_TRUE(compressed.has_value());
    ASSERT_GE(compressed->size(), 2u);
    EXPECT_EQ(static_cast<unsigned char>((*compressed)[0]), 0x1f);  // the gzip magic number
    EXPECT_EQ(static_cast<unsigned char>((*compressed)[1]), 0x8b);
    EXPECT_EQ(Gunzip(*compressed), input);
  }
}

TEST(GzipCompress, ShrinksRepetitiveHtml) {
  const std::string page(100000, 'a');
  auto compressed = GzipCompress(page);
  ASSERT_TRUE(compressed.has_value());
  EXPECT_LT(compressed->size(), page.size() / 10);
}

TEST(AcceptsGzip, ReadsAcceptEncodingValues) {
  const struct {
    const char* header;
    bool expected;
  } kCases[] = {
      {"", false},
      {"gzip", true},
      {"GZIP", true},
      {"x-gzip", true},
      {"gzip, deflate, br", true},
      {"br;q=1.0, gzip;q=0.8, *;q=0.1", true},
      {" deflate ,  gzip ", true},
      {"identity", false},
      {"deflate, br", false},
      {"gzip;q=0", false},
      {"gzip; q=0.000", false},
      {"gzip;q=0.001", true},
      {"*", true},
      {"*;q=0", false},
      {"*, gzip;q=0", false},
      {"gzip;q=0, *", false},
      {"gzipx", false},
      {";;,,", false},
  };
  for (const auto& c : kCases) EXPECT_EQ(AcceptsGzip(c.header), c.expected) << '"' << c.header << '"';
}

}  // namespace
}  // namespace coolpapers::web
