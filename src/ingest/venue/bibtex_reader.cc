#include "ingest/venue/bibtex_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "core/quoted_text.h"
#include "core/tex_accents.h"
#include "core/whitespace.h"

namespace coolpapers::ingest {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' ||
         c == '.' || c == '+' || c == '/' || c == '\'';
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A cursor over the file that knows its line, and reports errors as text.
class BibScanner {
 public:
  explicit BibScanner(std::string_view text) : text_(text) {
    macros_ = {{"jan", "January"},   {"feb", "February"}, {"mar", "March"},
               {"apr", "April"},     {"may", "May"},      {"jun", "June"},
               {"jul", "July"},      {"aug", "August"},   {"sep", "September"},
               {"oct", "October"},   {"nov", "November"}, {"dec", "December"}};
  }

  BibFile ReadAll() {
    BibFile file;
    for (;;) {
      const size_t at = text_.find('@', pos_);
      if (at == std::string_view::npos) break;
      Advance(at);
      const int64_t line = line_;
      std::string error;
      std::optional<BibEntry> entry = ReadEntry(error);
      if (!error.empty()) {
        file.errors.push_back({line, std::move(error)});
        // Resume at the next "@" that opens a line, so one broken entry costs only itself.
        const size_t next = text_.find("\n@", at + 1);
        Advance(next == std::string_view::npos ? text_.size() : next + 1);
        continue;
      }
      if (entry) {
        entry->line = line;
        entry->end_offset = static_cast<int64_t>(pos_);
        file.entries.push_back(std::move(*entry));
      }
    }
    return file;
  }

 private:
  // Moves to `to`, forward or (to resume after an error) back, keeping line_ right.
  void Advance(size_t to) {
    const auto at = [&](size_t offset) { return text_.begin() + static_cast<ptrdiff_t>(offset); };
    if (to >= pos_) {
      line_ += std::count(at(pos_), at(to), '\n');
    } else {
      line_ -= std::count(at(to), at(pos_), '\n');
    }
    pos_ = to;
  }
  void SkipSpace() {
    size_t p = pos_;
    while (p < text_.size() && std::isspace(static_cast<unsigned char>(text_[p]))) ++p;
    Advance(p);
  }
  std::string_view ReadName() {
    size_t p = pos_;
    while (p < text_.size() && IsNameChar(text_[p])) ++p;
    const std::string_view name = text_.substr(pos_, p - pos_);
    Advance(p);
    return name;
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }

  // Reads "{...}" with nested braces (pos_ at "{"); the content without the outer braces.
  std::optional<std::string_view> ReadBraced() {
    int depth = 0;
    for (size_t p = pos_; p < text_.size(); ++p) {
      if (text_[p] == '\\' && p + 1 < text_.size()) {
        ++p;  // "\{" and "\}" do not count
      } else if (text_[p] == '{') {
        ++depth;
      } else if (text_[p] == '}' && --depth == 0) {
        const std::string_view content = text_.substr(pos_ + 1, p - pos_ - 1);
        Advance(p + 1);
        return content;
      }
    }
    return std::nullopt;
  }

  // Reads "..." (pos_ at the quote); a quote inside braces does not end it.
  std::optional<std::string_view> ReadQuoted() {
    int depth = 0;
    for (size_t p = pos_ + 1; p < text_.size(); ++p) {
      if (text_[p] == '\\' && p + 1 < text_.size()) {
        ++p;
      } else if (text_[p] == '{') {
        ++depth;
      } else if (text_[p] == '}') {
        --depth;
      } else if (text_[p] == '"' && depth == 0) {
        const std::string_view content = text_.substr(pos_ + 1, p - pos_ - 1);
        Advance(p + 1);
        return content;
      }
    }
    return std::nullopt;
  }

  // A value: parts joined by "#". Sets `error` and returns nothing on failure.
  std::string ReadValue(std::string& error) {
    std::string value;
    for (;;) {
      SkipSpace();
      const char c = Peek();
      if (c == '{' || c == '"') {
        auto part = c == '{' ? ReadBraced() : ReadQuoted();
        if (!part) {
          error = c == '{' ? "unclosed \"{\"" : "unclosed quote";
          return {};
        }
        value += *part;
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        value += ReadName();
      } else if (IsNameChar(c)) {
        const std::string name = Lower(ReadName());
        const auto macro = macros_.find(name);
        if (macro == macros_.end()) {
          error = "undefined macro " + QuoteForMessage(name);
          return {};
        }
        value += macro->second;
      } else {
        error = "expected a value";
        return {};
      }
      SkipSpace();
      if (Peek() != '#') return value;
      Advance(pos_ + 1);
    }
  }

  // Reads one "@type{...}" (pos_ at "@"). Returns nothing for @string, @comment, @preamble.
  std::optional<BibEntry> ReadEntry(std::string& error) {
    Advance(pos_ + 1);
    SkipSpace();
    const std::string type = Lower(ReadName());
    SkipSpace();
    const char open = Peek();
    if (type.empty() || (open != '{' && open != '(')) {
      error = "expected @type{ or @type(";
      return std::nullopt;
    }
    const char close = open == '{' ? '}' : ')';
    if (type == "comment" || type == "preamble") {
      if (open == '{') {
        if (!ReadBraced()) error = "unclosed \"{\" in @" + type;
      } else {
        const size_t end = text_.find(')', pos_);
        Advance(end == std::string_view::npos ? text_.size() : end + 1);
      }
      return std::nullopt;
    }
    Advance(pos_ + 1);
    BibEntry entry;
    entry.type = type;
    if (type != "string") {
      SkipSpace();
      const size_t comma = text_.find_first_of(",\n}", pos_);
      if (comma == std::string_view::npos || text_[comma] != ',') {
        error = "expected \"KEY,\" after @" + type + "{";
        return std::nullopt;
      }
      entry.key = CollapseWhitespace(text_.substr(pos_, comma - pos_));
      Advance(comma + 1);
    }
    const std::string named =
        entry.key.empty() ? "@" + type : "entry " + QuoteForMessage(entry.key);
    for (;;) {
      SkipSpace();
      if (Peek() == ',') {
        Advance(pos_ + 1);
        continue;
      }
      if (Peek() == close) {
        Advance(pos_ + 1);
        break;
      }
      if (AtEnd()) {
        error = named + ": not closed";
        return std::nullopt;
      }
      const std::string field = Lower(ReadName());
      if (field.empty()) {
        error = named + ": expected a field name, found " +
                QuoteForMessage(text_.substr(pos_, 1));
        return std::nullopt;
      }
      SkipSpace();
      if (Peek() != '=') {
        error = named + ": expected \"=\" after field " + QuoteForMessage(field);
        return std::nullopt;
      }
      Advance(pos_ + 1);
      std::string value_error;
      std::string value = ReadValue(value_error);
      if (!value_error.empty()) {
        error = named + ", field " + QuoteForMessage(field) + ": " + value_error;
        return std::nullopt;
      }
      if (type == "string") {
        macros_[field] = std::move(value);
      } else {
        entry.fields.emplace_back(field, std::move(value));
      }
    }
    if (type == "string") return std::nullopt;
    return entry;
  }

  std::string_view text_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  std::map<std::string, std::string> macros_;
};

// Splits at " and " (any whitespace around "and") outside braces.
std::vector<std::string_view> SplitAtAnd(std::string_view field) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (c == '{') ++depth;
    if (c == '}') --depth;
    if (depth != 0 || !std::isspace(static_cast<unsigned char>(c))) continue;
    if (field.substr(i + 1, 3) == "and" && i + 4 < field.size() &&
        std::isspace(static_cast<unsigned char>(field[i + 4]))) {
      parts.push_back(field.substr(start, i - start));
      start = i + 5;
      i += 4;
    }
  }
  parts.push_back(field.substr(start));
  return parts;
}

// Splits a name at commas outside braces.
std::vector<std::string_view> SplitAtCommas(std::string_view name) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '{') ++depth;
    if (name[i] == '}') --depth;
    if (name[i] == ',' && depth == 0) {
      parts.push_back(name.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(name.substr(start));
  return parts;
}

}  // namespace

std::string_view BibEntry::Field(std::string_view name) const {
  for (const auto& [field, value] : fields) {
    if (field == name) return value;
  }
  return {};
}

BibFile ReadBibTex(std::string_view text) { return BibScanner(text).ReadAll(); }

std::string BibTexToText(std::string_view value) {
  const std::string decoded =
      value.find('\\') == std::string_view::npos ? std::string(value) : DecodeTexAccents(value);
  std::string out;
  out.reserve(decoded.size());
  bool in_math = false;
  for (size_t i = 0; i < decoded.size(); ++i) {
    const char c = decoded[i];
    const std::string_view rest = std::string_view(decoded).substr(i);
    if (c == '$') {
      in_math = !in_math;
      out.push_back(c);
    } else if (in_math) {
      out.push_back(c);
    } else if (c == '\\' && i + 1 < decoded.size() &&
               std::string_view("&%_#${}").find(decoded[i + 1]) != std::string_view::npos) {
      out.push_back(decoded[++i]);
    } else if (c == '{' || c == '}') {
      // Protective braces: "{B}ayesian" is "Bayesian".
    } else if (c == '~') {
      out.push_back(' ');
    } else if (rest.starts_with("---")) {
      out += "\u2014";
      i += 2;
    } else if (rest.starts_with("--")) {
      out += "\u2013";
      i += 1;
    } else if (rest.starts_with("``") || rest.starts_with("''")) {
      out.push_back('"');
      i += 1;
    } else {
      out.push_back(c);
    }
  }
  return CollapseWhitespace(out);
}

std::vector<std::string> SplitBibTexNames(std::string_view field) {
  std::vector<std::string> names;
  for (std::string_view part : SplitAtAnd(field)) {
    const std::vector<std::string_view> pieces = SplitAtCommas(part);
    std::string name;
    if (pieces.size() == 1) {
      name = std::string(pieces[0]);
    } else if (pieces.size() == 2) {
      name = std::string(pieces[1]) + " " + std::string(pieces[0]);
    } else {
      name = std::string(pieces[2]) + " " + std::string(pieces[0]) + " " + std::string(pieces[1]);
    }
    name = BibTexToText(name);
    if (!name.empty()) names.push_back(std::move(name));
  }
  return names;
}

}  // namespace coolpapers::ingest
