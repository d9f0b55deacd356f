// Finds the words of a text that a search query matched, for highlight=1 on search pages: a word
// counts when it is one of the query's free-text, title or abstract words, or has the same
// English stem as one ("images" marks "image"), or folds to one ("Schrodinger" marks
// "Schrödinger"). Categories and dates are filters, not words of the text; author names are
// marked whole, in the byline (NamesAuthor).
#ifndef COOLPAPERS_SEARCH_TERM_HIGHLIGHTER_H_
#define COOLPAPERS_SEARCH_TERM_HIGHLIGHTER_H_

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace coolpapers::search {

// Bytes [begin, end) of the text, on UTF-8 character boundaries.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const TextSpan&) const = default;
};

class TermHighlighter {
 public:
  // The words of `query_text` (query_builder.h). The same errors as BuildQuery for a query the
  // language rejects.
  [[nodiscard]] static Result<TermHighlighter> ForQuery(std::string_view query_text);

  // The matched words of `text`, in order, not overlapping. Pure; thread-safe.
  std::vector<TextSpan> Find(std::string_view text) const;

  // Whether `name` (one author, as the paper lists it) is one the query's author: fields name:
  // each of its words longer than an initial is one of their words, so `author:"Wei Wang"`
  // marks "Wei Wang" and "Wei E. Wang", not "Weikang Wang". Pure; thread-safe.
  bool NamesAuthor(std::string_view name) const;

 private:
  std::set<std::string, std::less<>> author_words_;  // lower case, folded to ASCII
  std::set<std::string, std::less<>> words_;  // lower case, unstemmed
  std::set<std::string, std::less<>> stems_;  // English stems
};

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_TERM_HIGHLIGHTER_H_
