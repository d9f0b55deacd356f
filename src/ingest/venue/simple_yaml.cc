#include "ingest/venue/simple_yaml.h"

#include <vector>

#include "core/whitespace.h"

namespace coolpapers::ingest {
namespace {

struct Line {
  int indent = 0;
  std::string_view text;  // without indentation and trailing spaces
};

std::vector<Line> SplitYamlLines(std::string_view text) {
  std::vector<Line> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view raw = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    while (!raw.empty() && (raw.back() == '\r' || raw.back() == ' ' || raw.back() == '\t')) {
      raw.remove_suffix(1);
    }
    const size_t first = raw.find_first_not_of(' ');
    if (first == std::string_view::npos) {
      lines.push_back({-1, {}});  // blank: belongs to a block scalar, if any
      continue;
    }
    lines.push_back({static_cast<int>(first), raw.substr(first)});
  }
  return lines;
}

std::string Unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    std::string out;
    value = value.substr(1, value.size() - 2);
    for (size_t i = 0; i < value.size(); ++i) {
      out.push_back(value[i]);
      if (value[i] == '\'' && i + 1 < value.size() && value[i + 1] == '\'') ++i;
    }
    return out;
  }
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    std::string out;
    value = value.substr(1, value.size() - 2);
    for (size_t i = 0; i < value.size(); ++i) {
      if (value[i] == '\\' && i + 1 < value.size()) {
        const char next = value[++i];
        out.push_back(next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        out.push_back(value[i]);
      }
    }
    return out;
  }
  // A plain scalar: an anchor is not part of the value, a " #" starts a comment.
  if (value.starts_with('&')) {
    const size_t space = value.find(' ');
    value = space == std::string_view::npos ? std::string_view() : value.substr(space + 1);
  }
  if (const size_t comment = value.find(" #"); comment != std::string_view::npos) {
    value = value.substr(0, comment);
  }
  return std::string(value);
}

}  // namespace

std::map<std::string, std::string> ReadSimpleYaml(std::string_view text) {
  std::map<std::string, std::string> values;
  const std::vector<Line> lines = SplitYamlLines(text);
  // The mapping keys open around the current line, with their indentation.
  std::vector<std::pair<int, std::string>> parents;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.indent < 0 || line.text.starts_with('#') || line.text == "---" ||
        line.text == "...") {
      continue;
    }
    while (!parents.empty() && parents.back().first >= line.indent) parents.pop_back();
    if (line.text.starts_with("- ") || line.text == "-") {
      // A sequence: skip it and everything indented under its items.
      while (i + 1 < lines.size() &&
             (lines[i + 1].indent < 0 || lines[i + 1].indent > line.indent ||
              (lines[i + 1].indent == line.indent && lines[i + 1].text.starts_with('-')))) {
        ++i;
      }
      continue;
    }
    const size_t colon = line.text.find(": ");
    const bool bare_key = line.text.ends_with(':');
    if (colon == std::string_view::npos && !bare_key) continue;
    const std::string_view key_text =
        colon == std::string_view::npos ? line.text.substr(0, line.text.size() - 1)
                                        : line.text.substr(0, colon);
    std::string key;
    for (const auto& parent : parents) key += parent.second + ".";
    key += Unquote(key_text);
    std::string_view value =
        colon == std::string_view::npos ? std::string_view() : line.text.substr(colon + 2);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);

    if (value.empty()) {
      parents.emplace_back(line.indent, Unquote(key_text));  // a nested mapping may follow
      continue;
    }
    if (value == "|" || value == ">" || value == "|-" || value == ">-") {
      const bool keep_newlines = value.front() == '|';
      std::string block;
      while (i + 1 < lines.size() &&
             (lines[i + 1].indent < 0 || lines[i + 1].indent > line.indent)) {
        ++i;
        if (!block.empty()) block += keep_newlines ? "\n" : " ";
        block += lines[i].text;
      }
      while (!block.empty() && block.back() == '\n') block.pop_back();
      values[key] = block;
      continue;
    }
    std::string scalar(value);
    // A plain or quoted scalar may run over more-indented lines, folded into one.
    while (i + 1 < lines.size() && lines[i + 1].indent > line.indent &&
           lines[i + 1].text.find(": ") == std::string_view::npos) {
      scalar += " ";
      scalar += lines[++i].text;
    }
    values[key] = Unquote(CollapseWhitespace(scalar));
  }
  return values;
}

}  // namespace coolpapers::ingest
