#include "search/stop_words.h"

#include <algorithm>
#include <array>

namespace coolpapers::search {
namespace {

// Articles, prepositions, conjunctions, pronouns and auxiliaries that carry no subject. Kept
// short on purpose: words such as "learning", "model", "towards" or "not" stay searchable even
// where they are frequent, because a reader may mean them. Sorted, for the binary search.
constexpr std::array<std::string_view, 48> kStopWords = {
    "a",    "an",    "and",  "are",   "as",    "at",   "be",   "been", "being", "but",
    "by",   "can",   "do",   "does",  "for",   "from", "has",  "have", "how",   "if",
    "in",   "into",  "is",   "it",    "its",   "of",   "on",   "or",   "our",   "so",
    "than", "that",  "the",  "their", "them",  "then", "these", "they", "this", "those",
    "to",   "was",   "we",   "were",  "which", "while", "with", "you"};

static_assert(std::ranges::is_sorted(kStopWords), "IsStopWord binary-searches the list");

}  // namespace

bool IsStopWord(std::string_view word) {
  return std::ranges::binary_search(kStopWords, word);
}

}  // namespace coolpapers::search
