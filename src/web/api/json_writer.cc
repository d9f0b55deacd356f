#include "web/api/json_writer.h"

#include <array>
#include <cassert>
#include <charconv>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "web/api/json_dump.h"

namespace coolpapers::web {
namespace {

// What an ASCII byte becomes inside a JSON string: "" when it stays as it is.
constexpr std::array<std::string_view, 128> kEscapes = [] {
  std::array<std::string_view, 128> escapes{};
  // Control characters as nlohmann::json writes them: the short forms, else \u00xx (lower case).
  constexpr std::array<std::string_view, 32> kControls = {
      "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
      "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
      "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
      "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};
  for (std::size_t c = 0; c < kControls.size(); ++c) escapes[c] = kControls[c];
  escapes['"'] = "\\\"";
  escapes['\\'] = "\\\\";
  escapes['<'] = "\\u003c";
  escapes['>'] = "\\u003e";
  escapes['&'] = "\\u0026";
  return escapes;
}();

// Appends `text` escaped, without quotes; false (with `out` as it was) at the first byte that
// is not well-formed UTF-8.
bool AppendEscapedUtf8(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  std::size_t run = 0;  // the first byte not yet appended
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!kEscapes[c].empty()) {
        out.append(text, run, i - run);
        out += kEscapes[c];
        run = i + 1;
      }
      ++i;
      continue;
    }
    const std::size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      out.resize(start);
      return false;
    }
    i += length;
  }
  out.append(text, run);
  return true;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  if (!AppendEscapedUtf8(out, text)) {
    // Stored text with a stray byte: nlohmann::json's own replacement, so the bytes are the
    // same as DumpSafeJson's whatever the damage (it rereads a byte that ends a sequence early).
    const std::string dumped = DumpSafeJson(nlohmann::json(std::string(text)));
    out.append(dumped, 1, dumped.size() - 2);
  }
  out.push_back('"');
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;  // the value of the key just written
    return;
  }
  if (empty_.empty()) return;
  if (!empty_.back()) out_.push_back(',');
  empty_.back() = false;
}

JsonWriter& JsonWriter::BeginObject() {
  Separate();
  out_.push_back('{');
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  assert(!empty_.empty() && "an object to end");
  out_.push_back('}');
  empty_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Separate();
  out_.push_back('[');
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  assert(!empty_.empty() && "an array to end");
  out_.push_back(']');
  empty_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(out_, key);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view text) {
  Separate();
  AppendJsonString(out_, text);
  return *this;
}

JsonWriter& JsonWriter::StringOrNull(const std::optional<std::string>& text) {
  return text ? String(*text) : Null();
}

JsonWriter& JsonWriter::Strings(std::span<const std::string> texts) {
  BeginArray();
  for (const std::string& text : texts) String(text);
  return EndArray();
}

JsonWriter& JsonWriter::Int(std::int64_t number) {
  Separate();
  std::array<char, 24> digits{};
  const auto [end, error] = std::to_chars(digits.data(), digits.data() + digits.size(), number);
  out_.append(digits.data(), end);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  Separate();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  Separate();
  out_ += json;
  return *this;
}

std::string JsonWriter::Take() && {
  assert(empty_.empty() && "every object and array ended");
  return std::move(out_);
}

}  // namespace coolpapers::web
