// JSON text written straight into a string, for the API's largest answers (a search's or a
// day's papers), with the same bytes as DumpSafeJson of the same document: strings escaped as
// nlohmann::json escapes them (invalid UTF-8 replaced with U+FFFD), '<', '>' and '&' as \u003c,
// \u003e and \u0026. Building a nlohmann::json tree and dumping it was a fifth of the work of a
// 2-3 word /api/search at 2.7M papers (a std::map and its strings for every paper, then a
// second pass for the markup); writing the text directly takes a quarter of the instructions.
//
// The caller writes keys in the order it wants them; DumpSafeJson's documents have theirs in
// byte order (nlohmann::json keeps objects in a std::map), which writers here keep so that
// the API's bytes do not depend on which of the two wrote them.
#ifndef COOLPAPERS_WEB_API_JSON_WRITER_H_
#define COOLPAPERS_WEB_API_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace coolpapers::web {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The next value's key, within an object.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view text);
  JsonWriter& StringOrNull(const std::optional<std::string>& text);
  JsonWriter& Strings(std::span<const std::string> texts);  // an array of them
  JsonWriter& Int(std::int64_t number);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // A value already written safe (DumpSafeJson), put in as it is.
  JsonWriter& Raw(std::string_view json);

  // The text written; every object and array must have been ended.
  std::string Take() &&;

 private:
  // The comma before a key, or before a value in an array, but the first; none before a key's
  // value.
  void Separate();

  std::string out_;
  std::vector<bool> empty_;  // for each open object or array: nothing written in it yet
  bool after_key_ = false;   // a key was written, its value not yet
};

// Appends `text` as a JSON string, quotes included, escaped as JsonWriter writes it.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_API_JSON_WRITER_H_
