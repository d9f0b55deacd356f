// The index vocabulary, listed once: every term prefix and value slot the search module writes
// or reads. Follows Omega's conventions (single capitals for standard fields, "X" + capitals for
// our own); docs/search.md describes the same table in prose. Changing a prefix or a slot means
// rebuilding every index, so add new ones rather than reuse old ones.
#ifndef COOLPAPERS_SEARCH_TERM_PREFIXES_H_
#define COOLPAPERS_SEARCH_TERM_PREFIXES_H_

#include <string>
#include <string_view>

namespace coolpapers::search {

// The version of how documents are made from papers (paper_document.cc: these prefixes, the
// stop words, the folding). Bump it with any such change: an index of another format is rebuilt
// from the store when `serve` starts (IndexUpdater), since its terms no longer match the
// queries. 2: stop words out of abstracts, text folded only (issue 6). Venue papers (issue 14)
// did not change it: they are documents of their own, which an index without them gets from
// the venue sync (index_sync.h, SyncVenueIndex) with no rebuild.
inline constexpr int kIndexFormat = 2;

// Title, abstract and author names are each indexed once, under their prefix; plain query words
// search all three (the query parser's default field maps to them). The full text and the FAQ
// answers, which only papers the FAQ has read have, are searched only through their fields.
inline constexpr std::string_view kTitlePrefix = "S";      // title words (query field title:)
inline constexpr std::string_view kAuthorPrefix = "A";     // author names, positional (author:)
inline constexpr std::string_view kAbstractPrefix = "XA";  // abstract words (abstract:)
inline constexpr std::string_view kFullTextPrefix = "XT";  // the PDF's text (fulltext:), positional
inline constexpr std::string_view kFaqPrefix = "XF";       // the FAQ's answers (faq:), positional
inline constexpr std::string_view kIdPrefix = "Q";         // "Q2503.19786": one per document
inline constexpr std::string_view kCategoryPrefix = "XC";  // "XCcs.CL": boolean, canonical ids
inline constexpr std::string_view kDayPrefix = "XD";       // "XD20250325": boolean, first listed
inline constexpr std::string_view kBranchPrefix = "XB";    // "XBarxiv", "XBvenue"
inline constexpr std::string_view kVenuePrefix = "XV";     // "XVnaacl": venue papers, lower case

// Whether a text field indexes stop words (stop_words.h): titles and author names keep them as
// exact, positional words (no stems), for phrases and for queries of stop words only; the long
// texts (abstract, full text, FAQ answers) leave them out. Shared by the indexer and the query
// builder, which must agree.
constexpr bool KeepsStopWords(std::string_view prefix) {
  return prefix == kTitlePrefix || prefix == kAuthorPrefix;
}

// The branch every paper indexed from arXiv carries, and the one conference papers carry.
inline constexpr std::string_view kArxivBranch = "arxiv";
inline constexpr std::string_view kVenueBranch = "venue";

// The venue term of a venue's short name ("ICLR" -> "XViclr"): venue:ICLR finds it whatever
// the case either side.
inline std::string VenueTerm(std::string_view venue) {
  std::string term(kVenuePrefix);
  for (const char c : venue) {
    term += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return term;
}

// Value slots.
// The day the paper was first listed as "YYYYMMDD" (sorts as a string); empty when unknown.
inline constexpr unsigned kDaySlot = 0;
// "YYYYMMDD" + id ("00000000" when the day is unknown): newest first when sorted descending,
// later ids (later submissions) first within a day. Orders matches that weigh the same, so the
// order never depends on Xapian's document numbers (which a rebuild assigns differently).
inline constexpr unsigned kOrderSlot = 1;

// The document data: the paper id, so a hit maps back to the store without a term lookup.

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_TERM_PREFIXES_H_
