#include "search/term_highlighter.h"

#include <xapian.h>

#include "search/ascii_fold.h"
#include "search/query_builder.h"
#include "search/term_prefixes.h"
#include "search/xapian_error.h"

namespace coolpapers::search {
namespace {

// The prefixes whose words appear in titles and abstracts ("" is the free text).
bool IsTextPrefix(std::string_view prefix) {
  return prefix.empty() || prefix == kTitlePrefix || prefix == kAbstractPrefix;
}

// Splits a term into its prefix (the leading capitals, as term_prefixes.h spells them) and word.
std::pair<std::string_view, std::string_view> SplitTerm(std::string_view term) {
  std::size_t i = 0;
  while (i < term.size() && term[i] >= 'A' && term[i] <= 'Z') ++i;
  return {term.substr(0, i), term.substr(i)};
}

// The same word characters as Xapian's term generator, near enough for marking: letters and
// digits, any non-ASCII character (accented letters), and an apostrophe or hyphen never start
// or end one.
bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Result<TermHighlighter> TermHighlighter::ForQuery(std::string_view query_text) {
  Result<Xapian::Query> query = BuildQuery(query_text);
  if (!query) return std::unexpected(query.error());
  TermHighlighter highlighter;
  try {
    for (auto it = query->get_terms_begin(); it != query->get_terms_end(); ++it) {
      const std::string& term = *it;
      // Stemmed terms are "Z" + prefix + stem: "Zimag", "ZSimag".
      const bool stemmed = term.starts_with('Z');
      const auto [prefix, word] = SplitTerm(std::string_view(term).substr(stemmed ? 1 : 0));
      if (!stemmed && prefix == kAuthorPrefix && !word.empty()) {
        highlighter.author_words_.emplace(FoldToAscii(word));
        continue;
      }
      if (word.empty() || !IsTextPrefix(prefix)) continue;
      (stemmed ? highlighter.stems_ : highlighter.words_).emplace(word);
    }
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "read the query's words"));
  }
  return highlighter;
}

bool TermHighlighter::NamesAuthor(std::string_view name) const {
  if (author_words_.empty()) return false;
  bool any = false;
  std::size_t i = 0;
  while (i < name.size()) {
    if (!IsWordByte(static_cast<unsigned char>(name[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < name.size() && IsWordByte(static_cast<unsigned char>(name[end]))) ++end;
    const std::string word = FoldToAscii(Xapian::Unicode::tolower(std::string(name.substr(i, end - i))));
    i = end;
    if (word.size() < 2) continue;  // an initial
    if (!author_words_.contains(word)) return false;
    any = true;
  }
  return any;
}

std::vector<TextSpan> TermHighlighter::Find(std::string_view text) const {
  std::vector<TextSpan> spans;
  if (words_.empty() && stems_.empty()) return spans;
  Xapian::Stem stemmer("english");
  std::size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    for (;;) {
      while (end < text.size() && IsWordByte(static_cast<unsigned char>(text[end]))) ++end;
      // As Xapian does, "2505.00002" and "1,000" are one word: a '.' or ',' between digits.
      const bool joins_digits = end + 1 < text.size() && (text[end] == '.' || text[end] == ',') &&
                                IsDigit(text[end - 1]) && IsDigit(text[end + 1]);
      if (!joins_digits) break;
      ++end;
    }
    const std::string word = Xapian::Unicode::tolower(std::string(text.substr(i, end - i)));
    const std::string folded = FoldToAscii(word);
    const bool matched = words_.contains(word) || words_.contains(folded) ||
                         stems_.contains(stemmer(word)) || stems_.contains(stemmer(folded));
    if (matched) spans.push_back({i, end});
    i = end;
  }
  return spans;
}

}  // namespace coolpapers::search
