// ASCII folding of Latin letters, so that "Schrodinger" finds "Schrödinger" and the other way
// round: the indexer indexes the folded text, and the query is folded too.
#ifndef COOLPAPERS_SEARCH_ASCII_FOLD_H_
#define COOLPAPERS_SEARCH_ASCII_FOLD_H_

#include <string>
#include <string_view>

namespace coolpapers::search {

// Replaces accented Latin letters (U+00C0-U+017F) by their base letters ("Schrödinger" ->
// "Schrodinger", "Łukasz" -> "Lukasz", "Straße" -> "Strasse") and drops combining accents
// (U+0300-U+036F). Everything else, including malformed UTF-8, is copied unchanged. Pure; safe
// from any thread.
std::string FoldToAscii(std::string_view text);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_ASCII_FOLD_H_
