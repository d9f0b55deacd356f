// The term frequencies one reader of the index has asked for, kept until the index changes.
// Xapian 1.4 keeps no blocks between lookups: each get_termfreq descends the posting table
// again, with a pread(2) for each block not on its cursor's path. A search asks for every word's
// title, abstract and author frequencies before Xapian's match asks for them again itself: at
// 2.7M papers, 44 block reads and 0.26 ms of a 4-10 word search's 2.7 ms (issue 19). Internal to
// src/search (exposes Xapian types); one per reader, so not thread-safe.
#ifndef COOLPAPERS_SEARCH_TERM_FREQUENCY_CACHE_H_
#define COOLPAPERS_SEARCH_TERM_FREQUENCY_CACHE_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>

namespace coolpapers::search {

class TermFrequencyCache {
 public:
  // Beyond this many terms the cache starts again: a few MB, far more than the distinct words
  // of the searches between two commits of a harvesting site.
  static constexpr std::size_t kMostTerms = 65'536;

  // The number of documents `term` indexes in `database`, which must be the revision the cache
  // was last cleared for. Throws Xapian::Error.
  Xapian::doccount Of(const Xapian::Database& database, const std::string& term);
  // To call whenever the reader may see another revision (a reopen, a new generation).
  void Clear() { known_.clear(); }
  std::size_t size() const { return known_.size(); }

 private:
  std::unordered_map<std::string, Xapian::doccount> known_;
};

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_TERM_FREQUENCY_CACHE_H_
