#include "web/api/json_writer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "web/api/json_dump.h"

namespace coolpapers::web {
namespace {

using nlohmann::json;

std::string Written(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

// Every kind of byte a stored text may hold is written as DumpSafeJson writes it: controls,
// quotes, markup, UTF-8 of every length, and each way UTF-8 can be broken (overlong forms,
// surrogates, past U+10FFFF, a sequence cut short, a stray continuation byte).
TEST(JsonWriter, WritesEveryStringAsDumpSafeJsonDoes) {
  std::vector<std::string> texts = {
      "", "plain", "say \"hi\" \\ bye", "<script>&amp;</script>", "tab\there\nnewline\r\f\b",
      std::string("nul\0byte", 8), "\x01\x1f\x7f", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
      "\xEF\xBF\xBF \xF4\x8F\xBF\xBF",       // U+FFFF, U+10FFFF
      "\xC0\x80", "\xC1\xBF",                // overlong 2-byte
      "\xE0\x80\x80", "\xE0\x9F\xBF",        // overlong 3-byte
      "\xED\xA0\x80", "\xED\xBF\xBF",        // surrogates
      "\xF0\x80\x80\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",  // overlong, past U+10FFFF
      "cut \xE2\x82", "cut \xF0\x9F\x98", "\xE2\x82 then text", "stray \x80 byte", "\xFF\xFE",
      "\xC3", "a\xC3<b", "\xE2\x28\xA1", "\xF0\x28\x8C\x28"};
  // And random strings over an alphabet of all those pieces.
  const std::vector<std::string> pieces = {"a", "<", "&", "\"", "\\", "\n", "\x01", "\x7f",
                                           "\xC3", "\xA9", "\xE2", "\x82", "\xAC", "\xF0",
                                           "\x9F", "\x98", "\xED", "\xA0", "\xFF", " "};
  std::mt19937 random(33);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const int length = static_cast<int>(random() % 12);
    for (int j = 0; j < length; ++j) text += pieces[random() % pieces.size()];
    texts.push_back(text);
  }
  for (const std::string& text : texts) {
    EXPECT_EQ(Written(text), DumpSafeJson(json(text))) << json(text).dump(-1, ' ', true,
                                                                          json::error_handler_t::replace);
  }
}

TEST(JsonWriter, SeparatesKeysAndElementsWithCommas) {
  JsonWriter out;
  out.BeginObject();
  out.Key("a").Int(-3);
  out.Key("empty").BeginArray().EndArray();
  out.Key("list").BeginArray().String("x").Null().Bool(true).BeginObject().Key("k").Bool(false);
  out.EndObject().EndArray();
  out.Key("none").StringOrNull(std::nullopt);
  out.Key("some").StringOrNull(std::string("s"));
  out.Key("raw").Raw(R"({"r":1})");
  out.Key("strings").Strings(std::vector<std::string>{"p", "q"});
  out.Key("o").BeginObject().EndObject();
  out.EndObject();
  EXPECT_EQ(std::move(out).Take(),
            R"({"a":-3,"empty":[],"list":["x",null,true,{"k":false}],"none":null,"some":"s",)"
            R"("raw":{"r":1},"strings":["p","q"],"o":{}})");
}

}  // namespace
}  // namespace coolpapers::web
