// A search of a common word, or of several (an AND), read from their tiers (word_tiers.h) rather
// than from every posting: the tiers' combinations are read heaviest first, and once the page's
// weights are found, a combination whose heaviest documents cannot reach them is not read. The
// documents found that may reach the page are then matched by Xapian alone (searcher.cc,
// MatchByTiers), which gives their exact weights, order and ties; or, for words searched as
// typed, the kept parts tell each match's wdfs, so its exact weight, and the page needs no match
// of Xapian's (PageOfExactWeights). Xapian stays the oracle.
// Internal to src/search (exposes Xapian types).
#ifndef COOLPAPERS_SEARCH_TIER_MATCH_H_
#define COOLPAPERS_SEARCH_TIER_MATCH_H_

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "search/word_tiers.h"

namespace coolpapers::search {

struct TierCandidates {
  // In id order: the documents the tiers hold that may weigh `floor` or more for the query.
  std::vector<Xapian::docid> documents;
  // Every other document the tiers hold weighs less than this for the query.
  double floor = 0;
  // How many documents the tiers showed to match (documents replaced since included), at least
  // the number asked for when there are that many. For a phrase, only those Xapian weighed: the
  // caller's match counts the rest.
  std::int64_t matched = 0;
  bool phrase = false;
  // When the tiers told every match's exact weight (a plain word or AND of them, none with
  // exact title forms or an author reading): each document's, as Xapian's BM25 gives it but
  // for the order in which it adds three words' weights (the last bits). Else nullopt. The
  // documents replaced since the tiers were built are then left out of `documents`.
  std::optional<std::vector<double>> weights;
};

// Four words and more are left to Xapian: their 256 combinations of tiers bound the page too
// loosely, and Xapian's AND of four words is fast when one is not too common (measured at 2.7M
// papers: by tiers 4 of 6 slow queries of four words were slower, "Deep Video Discovery
// Agentic" 33 ms against 4.6, and the p99 of 2-10 words 23.1 ms against 20.7).
inline constexpr std::size_t kMaxTierWords = 3;

// The candidates for the `wanted` heaviest matches of `query`: nullopt unless its weighted part is
// a plain word or an AND of 2 to kMaxTierWords of them, each common enough to have tiers (a title
// term, its abstract twin, the exact title forms of a stem, and an author reading of up to 50,000
// papers), or a plain "phrase" whose words in abstracts (up to kMaxTierWords; stop words are not
// indexed there) have tiers and are each in `phrase_worth_reading` documents or more (else Xapian,
// which reads the positions of their whole AND, is fast), with no filter, exclusion or other term.
// nullopt also when the tiers' file is not mapped (WordTiers::Map), or when a phrase's page is
// not found among the best documents of its words' AND, nor (when its rarest title word is in
// `phrase_titles_first` documents or fewer) once Xapian found its title's matches first, which
// leaves the others bounded by their abstracts. `replaced` (sorted) are documents whose postings in
// the tiers are out of date: they do not count towards the floor (the caller matches them with the
// candidates). Reads an AND on until `count_at_least` matches are seen, when there are so many (a
// phrase's are counted by the caller). Throws SearchDeadlinePassed past `deadline`, and
// Xapian::Error.
std::optional<TierCandidates> FindByTiers(
    const Xapian::Database& database, const WordTiers& tiers,
    std::span<const Xapian::docid> replaced, const Xapian::Query& query, std::size_t wanted,
    std::int64_t count_at_least, std::int64_t phrase_worth_reading,
    std::int64_t phrase_titles_first,
    std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt);

// `documents` (in id order) and every id from `tail_first` on (0: none) as a Xapian filter
// (OP_FILTER's right side) of no weight; a small one drives the match.
Xapian::Query DocumentsFilter(std::vector<Xapian::docid> documents, Xapian::docid tail_first = 0);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_TIER_MATCH_H_
