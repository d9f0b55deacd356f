#include "pdf/hyphenation.h"

#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include "pdf/folded_text.h"

namespace coolpapers::pdf {
namespace {

constexpr std::string_view kHyphens[] = {"-", "\u2010", "\u00AD"};

// The length of the hyphen `line` ends with, after a letter; 0 when it does not end so.
size_t TrailingHyphen(std::string_view line) {
  for (std::string_view hyphen : kHyphens) {
    if (line.size() > hyphen.size() && line.ends_with(hyphen)) {
      const auto before = static_cast<unsigned char>(line[line.size() - hyphen.size() - 1]);
      // Bytes >= 0x80 end a non-ASCII letter ("é-"); a space or digit before it is a dash.
      if (std::isalpha(before) || before >= 0x80) return hyphen.size();
    }
  }
  return 0;
}

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80 || c == '-';
}

// The word (letters, digits, hyphens, non-ASCII) that ends at `end` in `text`.
std::string_view WordEndingAt(std::string_view text, size_t end) {
  size_t start = end;
  while (start > 0 && IsWordByte(text[start - 1])) --start;
  return text.substr(start, end - start);
}

// Every hyphenated word written on one line, in lower case: the evidence that a hyphen split
// across lines is a real one.
std::set<std::string> UnbrokenHyphenatedWords(const std::vector<std::vector<std::string>>& pages) {
  std::set<std::string> words;
  for (const auto& page : pages) {
    for (const std::string& line : page) {
      size_t start = 0;
      while (start < line.size()) {
        while (start < line.size() && !IsWordByte(line[start])) ++start;
        size_t end = start;
        while (end < line.size() && IsWordByte(line[end])) ++end;
        const std::string_view word = std::string_view(line).substr(start, end - start);
        if (end < line.size() && word.find('-') != std::string_view::npos && !word.ends_with('-') &&
            !word.starts_with('-')) {
          words.insert(FoldCaseAndSpaces(word));
        }
        start = end;
      }
    }
  }
  return words;
}

}  // namespace

void JoinHyphenatedWords(std::vector<std::vector<std::string>>& pages) {
  const std::set<std::string> unbroken = UnbrokenHyphenatedWords(pages);
  for (auto& lines : pages) {
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      std::string& line = lines[i];
      std::string& next = lines[i + 1];
      const size_t hyphen = TrailingHyphen(line);
      if (hyphen == 0 || next.empty()) continue;
      size_t word_end = 0;
      while (word_end < next.size() && next[word_end] != ' ') ++word_end;
      const std::string_view continuation = std::string_view(next).substr(0, word_end);
      const std::string_view head = WordEndingAt(line, line.size() - hyphen);
      // A line starting with a digit or a symbol is rarely a word's second half: a footnote
      // ("1https://..."), a list, an equation.
      const auto first = static_cast<unsigned char>(continuation[0]);
      if (!std::isalpha(first)) continue;
      const bool lower_next = std::islower(first);
      // Compare the continuation without trailing punctuation: "long-" + "context," .
      size_t letters = 0;
      while (letters < continuation.size() && IsWordByte(continuation[letters])) ++letters;
      const bool seen_unbroken = unbroken.contains(FoldCaseAndSpaces(
          std::string(head) + "-" + std::string(continuation.substr(0, letters))));
      // "state-of-" + "the-art": a word already hyphenated is a compound, not a split word.
      const bool compound = head.find('-') != std::string_view::npos;
      if (lower_next && !seen_unbroken && !compound) {
        line.resize(line.size() - hyphen);
      } else if (hyphen != 1) {
        line.replace(line.size() - hyphen, hyphen, "-");
      }
      line += continuation;
      next.erase(0, word_end);
      while (!next.empty() && next.front() == ' ') next.erase(0, 1);
      // An emptied line vanishes, so the joined word can itself end in a hyphen and go on.
      if (next.empty()) {
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i + 1));
        --i;
      }
    }
  }
}

}  // namespace coolpapers::pdf
