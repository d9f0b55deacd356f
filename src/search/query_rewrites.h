// How a parsed query is reshaped for what the index holds and for what reading it costs (issue
// 6: search latency at arXiv's size): stop words, exact title words beside their stems, and the
// author-name reading of plain words. Internal to src/search (exposes Xapian types); used by
// query_builder.cc.
#ifndef COOLPAPERS_SEARCH_QUERY_REWRITES_H_
#define COOLPAPERS_SEARCH_QUERY_REWRITES_H_

#include <xapian.h>

#include <functional>
#include <string>

namespace coolpapers::search {

// Drops stop words (stop_words.h) from each run of words joined by AND when a word that is not
// a stop word remains ("on the performance" searches "performance"): each would read a posting
// list of nearly every paper. Stop words left over (a query of stop words only, "the OR cat",
// "-the") are searched as exact words where the index keeps them (KeepsStopWords), plain ones in
// titles only; in the other fields nothing matches them. A phrase keeps its stop words in titles
// and names, and elsewhere matches its other words in order, as the index holds them.
Xapian::Query DropStopWords(const Xapian::Query& query);

// Puts each exact title word of `exact` (the query parsed without stemming) beside its stem in
// `matching` (the same query parsed with stemming): "ZSmodel" becomes "ZSmodel OR Smodels", so
// a paper with the exact word in its title ranks first (issue 6). Beside the stem rather than as
// an optional extra query, which would read every candidate's title list once more. Words under
// NOT are not boosted.
Xapian::Query AddExactTitleWords(const Xapian::Query& matching, const Xapian::Query& exact);

// How many papers hold a term (Xapian::Database::get_termfreq).
using TermFrequency = std::function<Xapian::doccount(const std::string& term)>;

// Leaves out the author-name reading of a plain word that names almost no one: in the OR of a
// word under every text prefix, the author term goes when fewer than 1 in kAuthorReadingRatio
// of the papers holding the word hold it as a name ("model": a handful of authors against 2.4M
// abstracts). Such a rare term has a large BM25 upper bound, which stops Xapian from pruning the
// whole query: "reasoning models" read 85 ms of postings at 2.7M papers with it, 49 without.
// Names stay ("smith", "chen"); the NOT side is left as it is.
inline constexpr Xapian::doccount kAuthorReadingRatio = 100;
Xapian::Query DropRareAuthorReadings(const Xapian::Query& query, const TermFrequency& frequency);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_QUERY_REWRITES_H_
