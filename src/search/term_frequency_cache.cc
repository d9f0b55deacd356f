#include "search/term_frequency_cache.h"

namespace coolpapers::search {

Xapian::doccount TermFrequencyCache::Of(const Xapian::Database& database,
                                        const std::string& term) {
  if (const auto known = known_.find(term); known != known_.end()) return known->second;
  const Xapian::doccount frequency = database.get_termfreq(term);
  if (known_.size() >= kMostTerms) known_.clear();
  known_.emplace(term, frequency);
  return frequency;
}

}  // namespace coolpapers::search
