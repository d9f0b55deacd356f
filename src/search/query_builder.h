// The query language of the search box (issue 6, deliverable 2), turned into a Xapian query.
// Included only by src/search .cc files: callers elsewhere go through searcher.h.
//
//   neural network          both words (AND by default, so common words stay fast)
//   "large language model"  a phrase
//   transformer -vision     exclusion; also NOT
//   gemma OR qwen           either word (the operators AND, OR, NOT are upper case)
//   title:gemma  author:hinton  author:"Geoffrey Hinton"  abstract:benchmark
//   fulltext:"ablation study"  faq:limitations
//                           the PDF's text and the FAQ's answers, held only for papers the
//                           FAQ has read; plain words do not search them
//   cat:cs.CL               a filter; aliases resolve ("cat:cs.SY" means eess.SY); several
//                           cat: filters mean any of them
//   date:2025-03..2025-06   first listed in March to June 2025; also date:2025-03-14,
//                           date:2025, date:2025-03-01..2025-03-15, date:..2025-06, date:2025-09..
//   branch:arxiv            the branch: arxiv, venue (conference papers) or both (the default)
//   venue:ICLR              a venue's papers (any case), every edition; with date:2023..2025
//                           for a span of years (a venue paper's day is its edition's start)
// Words are stemmed ("images" finds "image"), exact forms in titles rank first; accents are
// folded ("Schrodinger" finds "Schrödinger"). Common function words (stop_words.h) beside other
// words are left out ("on the performance" searches "performance"); alone they search titles.
#ifndef COOLPAPERS_SEARCH_QUERY_BUILDER_H_
#define COOLPAPERS_SEARCH_QUERY_BUILDER_H_

#include <cstddef>
#include <string_view>

#include "core/error.h"
#include "search/query_rewrites.h"

namespace coolpapers::search {

// Longer queries are refused rather than cut, so no one gets results for half a query.
inline constexpr std::size_t kMaxQueryBytes = 1024;
// And queries of more words or terms than any reader's search needs: 100 OR'd common words cost
// a second per search (issue #18 finding 6). Terms are what the parser makes of the words:
// each plain word is read in title, abstract and authors, CJK text as n-grams. The parser
// expands no wildcards or partial words (those flags are off), so nothing else multiplies them.
inline constexpr std::size_t kMaxQueryWords = 32;
inline constexpr std::size_t kMaxQueryTerms = 256;

// Builds the query for `text`, e.g. `"language model" cat:cs.CL date:2025-03..2025-06 -survey`.
// Control characters count as spaces. Returns kInvalidArgument with a message for the reader
// when the text is longer than kMaxQueryBytes, has more than kMaxQueryWords words or makes more
// than kMaxQueryTerms terms, has nothing to search for (empty, only
// punctuation, "author:" alone), has an unclosed quote, names an unknown category or a
// malformed date. Never throws. With `frequency` (the index's term frequencies), a plain word's
// author-name reading is left out where it names almost no one (DropRareAuthorReadings).
// Pure but for `frequency`; safe from any thread.
[[nodiscard]] Result<Xapian::Query> BuildQuery(std::string_view text,
                                               const TermFrequency& frequency = {});

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_QUERY_BUILDER_H_
