// The common English function words that the index keeps only as exact, positional terms (for
// phrases) and that a query drops when other words remain: each matches nearly every paper, so
// searching "on the performance" as three words reads the posting lists of almost the whole
// index to rank by the one word that matters (issue 6: search latency at arXiv's size).
// Changing the list changes the index: rebuild after editing it.
#ifndef COOLPAPERS_SEARCH_STOP_WORDS_H_
#define COOLPAPERS_SEARCH_STOP_WORDS_H_

#include <string_view>

namespace coolpapers::search {

// True for a stop word in lower case ("the", "of", "on"); false for anything else, including
// "The" (the index and the query parser lower-case words first). Pure; safe from any thread.
bool IsStopWord(std::string_view word);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_STOP_WORDS_H_
