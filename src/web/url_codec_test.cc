#include "web/url_codec.h"

#include <string>

#include <gtest/gtest.h>

namespace coolpapers::web {
namespace {

TEST(PercentDecode, DecodesPathsAndQueries) {
  const struct {
    std::string input;
    PlusMeans plus;
    std::string expected;
  } kCases[] = {
      {"", PlusMeans::kPlus, ""},
      {"cs.AI", PlusMeans::kPlus, "cs.AI"},
      {"cs.AI%2Ccs.CL", PlusMeans::kPlus, "cs.AI,cs.CL"},
      {"cs.AI%2ccs.CL", PlusMeans::kPlus, "cs.AI,cs.CL"},
      {"cs.AI+cs.LG-cs.CY", PlusMeans::kPlus, "cs.AI+cs.LG-cs.CY"},
      {"Ada+Lovelace", PlusMeans::kSpace, "Ada Lovelace"},
      {"a%2Bb", PlusMeans::kSpace, "a+b"},
      {"%3Cscript%3E", PlusMeans::kPlus, "<script>"},
      {"%C3%A9", PlusMeans::kPlus, "\xC3\xA9"},
      {"%00", PlusMeans::kPlus, std::string(1, '\0')},
      {"hep-th%2F9901001", PlusMeans::kPlus, "hep-th/9901001"},
  };
  for (const auto& c : kCases) {
    auto decoded = PercentDecode(c.input, c.plus);
    ASSERT_TRUE(decoded.has_value()) << c.input;
    EXPECT_EQ(*decoded, c.expected) << c.input;
  }
}

TEST(PercentDecode, RejectsTruncatedOrNonHexEscapes) {
  for (const char* input : {"%", "%2", "a%zz", "%g0", "100%", "%%41"}) {
    auto decoded = PercentDecode(input, PlusMeans::kPlus);
    ASSERT_FALSE(decoded.has_value()) << input;
    EXPECT_EQ(decoded.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(decoded.error().message,
              std::string("invalid percent-encoding in \"") + input +
                  "\": expected % and two hex digits");
  }
}

TEST(AppendQueryEncoded, KeepsUnreservedAndEncodesTheRest) {
  const struct {
    std::string input;
    std::string expected;
  } kCases[] = {
      {"", ""},
      {"Ada Lovelace", "Ada+Lovelace"},
      {"a-b.c_d~e", "a-b.c_d~e"},
      {"\xC3\x89mile No\xC3\xABl", "%C3%89mile+No%C3%ABl"},
      {"a&b=c+d", "a%26b%3Dc%2Bd"},
      {"\"'<>", "%22%27%3C%3E"},
      {"/?#%", "%2F%3F%23%25"},
  };
  for (const auto& c : kCases) {
    std::string out;
    AppendQueryEncoded(out, c.input);
    EXPECT_EQ(out, c.expected) << c.input;
  }
}

TEST(AppendQueryEncoded, RoundTripsThroughPercentDecode) {
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte.push_back(static_cast<char>(b));
  std::string encoded;
  AppendQueryEncoded(encoded, every_byte);
  auto decoded = PercentDecode(encoded, PlusMeans::kSpace);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, every_byte);
}

}  // namespace
}  // namespace coolpapers::web
