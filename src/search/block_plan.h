// Which blocks of documents (block_bounds.h) a query must read, best first: for each block, an
// upper bound of the BM25 weight any document in it can have for the query, from the kept parts
// of its common terms and the postings of its rare ones; blocks where no document can match are
// left out. The searcher reads the blocks in that order until no unread block's bound reaches
// the page (searcher.cc, MatchByBlocks). Internal to src/search (exposes Xapian types).
#ifndef COOLPAPERS_SEARCH_BLOCK_PLAN_H_
#define COOLPAPERS_SEARCH_BLOCK_PLAN_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "search/block_bounds.h"

namespace coolpapers::search {

struct BlockPlan {
  struct Block {
    std::uint32_t index = 0;
    double bound = 0;  // no document of the block weighs more for the query
  };
  std::vector<Block> blocks;  // heaviest bound first; only blocks that may hold a match
};

// The plan for `query` on `database`, whose `bounds` were built before the documents
// `replaced` (sorted) were replaced: their blocks, like those of documents added since, are
// bounded by each term's largest weight in the whole index. nullopt for a query the bounds cannot
// bound: an operator other than AND, OR, AND_NOT, AND_MAYBE and FILTER, or a term weighted by
// anything but BM25's defaults (e.g. OP_SCALE_WEIGHT). Phrases are left out: Xapian checks a
// phrase's positions before the filter of blocks, so reading blocks would read the whole
// phrase match anyway (measured: phrases 20% slower with blocks). Throws Xapian::Error.
std::optional<BlockPlan> PlanBlocks(const Xapian::Database& database, const BlockBounds& bounds,
                                    std::span<const Xapian::docid> replaced,
                                    const Xapian::Query& query);

// Whether reading `query` by blocks can pay, from its terms' frequencies alone (cheap): the
// whole match may read `candidates` documents or more (a term's, the least of an AND's, the sum
// of an OR's), and at most one part of an AND is that common. A conjunction of common words is
// bounded by the sum of each word's best weight in the block, which different documents have:
// measured at 2.7M papers, no search of two or more common words was settled by its blocks
// (0 of 822), and trying cost 5-9% more. Throws Xapian::Error.
bool WorthReadingByBlocks(const Xapian::Database& database, const Xapian::Query& query,
                          std::int64_t candidates);

// The documents of `blocks` as a Xapian filter (OP_FILTER's right side): the search reads those
// blocks and nothing else.
Xapian::Query BlocksFilter(const BlockBounds& bounds, std::span<const BlockPlan::Block> blocks);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_BLOCK_PLAN_H_
