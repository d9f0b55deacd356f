#include "search/block_plan.h"

#include <algorithm>
#include <string>
#include <utility>

namespace coolpapers::search {
namespace {

// A node's bound per block; kAbsent where no document of the block can match it.
using Bounds = std::vector<double>;
constexpr double kAbsent = -1;

// Adds `part` (of an OR) to `sum` where the part may match: a block where either may is one
// where the OR may.
void AddWherePresent(Bounds& sum, const Bounds& part) {
  for (std::size_t block = 0; block < sum.size(); ++block) {
    if (part[block] != kAbsent) sum[block] = std::max(0.0, sum[block]) + part[block];
  }
}

// Lifts the query tree into bounds per block, leaf by leaf.
class Planner {
 public:
  Planner(const Xapian::Database& database, const BlockBounds& bounds,
          std::span<const Xapian::docid> replaced)
      : database_(database),
        bounds_(bounds),
        doccount_(database.get_doccount()),
        average_length_(database.get_avlength()),
        drift_(Bm25DriftFactor(bounds, average_length_)) {
    const Xapian::docid last = database.get_lastdocid();
    block_count_ = std::max(bounds.block_count(), last == 0 ? 0 : bounds.BlockOf(last) + 1);
    // Blocks whose kept parts do not bound every document in them: documents added since the
    // build, and the blocks of documents replaced since.
    unknown_.assign(block_count_, 0);
    if (last > bounds.covered_through()) {
      // From the block of the first id past the build (it may share the last kept block).
      for (std::uint32_t block = bounds.BlockOf(bounds.covered_through() + 1);
           block < block_count_; ++block) {
        unknown_[block] = 1;
      }
    }
    for (const Xapian::docid docid : replaced) {
      if (bounds.BlockOf(docid) < block_count_) unknown_[bounds.BlockOf(docid)] = 1;
    }
  }

  std::uint32_t block_count() const { return block_count_; }

  // nullopt: an operator the bounds cannot follow.
  std::optional<Bounds> Node(const Xapian::Query& query, bool weighted) {
    switch (query.get_type()) {
      case Xapian::Query::LEAF_TERM:
        return Leaf(*query.get_terms_begin(), query.get_length(), weighted);
      case Xapian::Query::LEAF_MATCH_NOTHING:
        return Bounds(block_count_, kAbsent);
      case Xapian::Query::LEAF_MATCH_ALL:
        // Its weight is not BM25's of a term; as a filter it weighs nothing.
        if (weighted) return std::nullopt;
        return Bounds(block_count_, 0);
      case Xapian::Query::OP_VALUE_RANGE:
      case Xapian::Query::OP_VALUE_GE:
      case Xapian::Query::OP_VALUE_LE:
        return Bounds(block_count_, 0);  // weighs nothing; may match anywhere
      case Xapian::Query::OP_AND:
        return AllOf(query, 0, weighted);
      case Xapian::Query::OP_OR:
        return AnyOfWords(query, weighted);
      case Xapian::Query::OP_AND_NOT:
        return Node(query.get_subquery(0), weighted);
      case Xapian::Query::OP_FILTER: {
        std::optional<Bounds> matched = Node(query.get_subquery(0), weighted);
        std::optional<Bounds> filters = AllOf(query, 1, false);
        if (!matched || !filters) return std::nullopt;
        for (std::uint32_t block = 0; block < block_count_; ++block) {
          if ((*filters)[block] == kAbsent) (*matched)[block] = kAbsent;
        }
        return matched;
      }
      case Xapian::Query::OP_AND_MAYBE: {
        std::optional<Bounds> matched = Node(query.get_subquery(0), weighted);
        std::optional<Bounds> maybe = AnyOf(query, 1, weighted);
        if (!matched || !maybe) return std::nullopt;
        for (std::uint32_t block = 0; block < block_count_; ++block) {
          if ((*matched)[block] != kAbsent) (*matched)[block] += std::max(0.0, (*maybe)[block]);
        }
        return matched;
      }
      default:
        return std::nullopt;
    }
  }

 private:
  // Subqueries from `first` on, all of which a match has: their weights add up.
  std::optional<Bounds> AllOf(const Xapian::Query& query, std::size_t first, bool weighted) {
    Bounds all(block_count_, 0);
    for (std::size_t i = first; i < query.get_num_subqueries(); ++i) {
      const std::optional<Bounds> sub = Node(query.get_subquery(i), weighted);
      if (!sub) return std::nullopt;
      for (std::uint32_t block = 0; block < block_count_; ++block) {
        all[block] = all[block] == kAbsent || (*sub)[block] == kAbsent ? kAbsent
                                                                       : all[block] + (*sub)[block];
      }
    }
    return all;
  }

  // Subqueries from `first` on, any of which a match has: the present ones' weights add up.
  std::optional<Bounds> AnyOf(const Xapian::Query& query, std::size_t first, bool weighted) {
    Bounds any(block_count_, kAbsent);
    for (std::size_t i = first; i < query.get_num_subqueries(); ++i) {
      const std::optional<Bounds> sub = Node(query.get_subquery(i), weighted);
      if (!sub) return std::nullopt;
      AddWherePresent(any, *sub);
    }
    return any;
  }

  // An OR, whose words searched in both titles and abstracts are bounded as words
  // (BlockBounds::WordParts) rather than as two terms.
  std::optional<Bounds> AnyOfWords(const Xapian::Query& query, bool weighted) {
    std::vector<Xapian::Query> items;
    Flatten(query, items);
    Bounds any(block_count_, kAbsent);
    std::vector<char> done(items.size(), 0);
    for (std::size_t i = 0; weighted && i < items.size(); ++i) {
      if (items[i].get_type() != Xapian::Query::LEAF_TERM) continue;
      const std::optional<BlockBounds::WordParts> word =
          bounds_.WordPartsOf(*items[i].get_terms_begin());
      if (!word) continue;
      for (std::size_t j = 0; j < items.size(); ++j) {
        if (!done[j] && j != i && items[j].get_type() == Xapian::Query::LEAF_TERM &&
            *items[j].get_terms_begin() == word->abstract_term) {
          done[i] = done[j] = 1;
          AddWherePresent(any, Word(items[i], items[j], *word));
          break;
        }
      }
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (done[i]) continue;
      const std::optional<Bounds> sub = Node(items[i], weighted);
      if (!sub) return std::nullopt;
      AddWherePresent(any, *sub);
    }
    return any;
  }

  // The subqueries of an OR and of the ORs in it.
  static void Flatten(const Xapian::Query& query, std::vector<Xapian::Query>& items) {
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
      const Xapian::Query sub = query.get_subquery(i);
      if (sub.get_type() == Xapian::Query::OP_OR) {
        Flatten(sub, items);
      } else {
        items.push_back(sub);
      }
    }
  }

  // A word's title and abstract terms together: each block's best sum of the two, raised by
  // the most either term part grew since the build (its idf, or its wqf in this query). Blocks
  // the parts do not bound take the two terms' largest weights anywhere.
  Bounds Word(const Xapian::Query& title, const Xapian::Query& abstract,
              const BlockBounds::WordParts& word) {
    const auto term_part = [&](const Xapian::Query& leaf) {
      const std::string term = *leaf.get_terms_begin();
      const Xapian::doccount termfreq = database_.get_termfreq(term);
      return termfreq == 0 ? 0.0 : Bm25TermPart(doccount_, termfreq, leaf.get_length());
    };
    const double title_part = term_part(title);
    const double abstract_part = term_part(abstract);
    const double anywhere = Anywhere(*title.get_terms_begin(), title_part) +
                            Anywhere(*abstract.get_terms_begin(), abstract_part);
    const double growth = std::max(title_part / word.title_term_part,
                                   abstract_part / word.abstract_term_part);
    const double per_unit =
        growth * (word.title_term_part + word.abstract_term_part) * drift_ / kPartScale;
    Bounds both(block_count_, kAbsent);
    for (std::uint32_t block = 0; block < block_count_; ++block) {
      if (unknown_[block]) {
        both[block] = anywhere;
      } else if (word.parts[block] != 0) {
        both[block] = std::min(anywhere, word.parts[block] * per_unit);
      }
    }
    return both;
  }

  // The most `term` can weigh in any document, its term part being `term_part`: its highest
  // wdf in the shortest document.
  double Anywhere(const std::string& term, double term_part) const {
    return term_part * Bm25DocumentPart(database_.get_wdf_upper_bound(term),
                                        database_.get_doclength_lower_bound(), average_length_);
  }

  Bounds Leaf(const std::string& term, Xapian::termcount wqf, bool weighted) {
    const Xapian::doccount termfreq = database_.get_termfreq(term);
    if (termfreq == 0) return Bounds(block_count_, kAbsent);
    const double term_part = weighted ? Bm25TermPart(doccount_, termfreq, wqf) : 0;
    const double anywhere = Anywhere(term, term_part);
    Bounds leaf(block_count_, kAbsent);
    if (const std::optional<BlockParts> parts = bounds_.PartsOf(term)) {
      const double per_unit = term_part * drift_ / kPartScale;
      for (std::uint32_t block = 0; block < block_count_; ++block) {
        if (unknown_[block]) {
          leaf[block] = anywhere;
        } else if ((*parts)[block] != 0) {
          leaf[block] = std::min(anywhere, (*parts)[block] * per_unit);
        }
      }
    } else if (termfreq < bounds_.min_termfreq()) {
      // Rare enough to read: the blocks it is in, each bounded by its largest weight.
      for (auto it = database_.postlist_begin(term); it != database_.postlist_end(term); ++it) {
        leaf[bounds_.BlockOf(*it)] = anywhere;
      }
    } else {
      leaf.assign(block_count_, anywhere);  // common since the build: anywhere
    }
    return leaf;
  }

  const Xapian::Database& database_;
  const BlockBounds& bounds_;
  Xapian::doccount doccount_;
  double average_length_;
  double drift_;
  std::uint32_t block_count_ = 0;
  std::vector<char> unknown_;
};

// The documents of some blocks, in id order, as a posting source of no weight.
class BlockRanges final : public Xapian::PostingSource {
 public:
  explicit BlockRanges(std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges)
      : ranges_(std::move(ranges)) {
    for (const auto& [first, last] : ranges_) documents_ += last - first + 1;
  }

  // Estimated as the whole index, so that Xapian's AND moves the query's own posting lists
  // first and only asks this filter to check (skip_to) the documents they give: enumerating
  // every id of the blocks was the slower way for all but the rarest terms.
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return doccount_; }
  Xapian::doccount get_termfreq_max() const override { return doccount_; }

  void init(const Xapian::Database& database) override {
    range_ = 0;
    current_ = 0;
    doccount_ = std::max(database.get_doccount(), documents_);
  }

  void next(double) override {
    if (current_ == 0) {
      current_ = ranges_.empty() ? 0 : ranges_.front().first;
      return;
    }
    if (++current_ > ranges_[range_].second && ++range_ < ranges_.size()) {
      current_ = ranges_[range_].first;
    }
  }

  void skip_to(Xapian::docid docid, double) override {
    if (current_ == 0) next(0);
    if (at_end() || docid <= current_) return;
    while (range_ < ranges_.size() && ranges_[range_].second < docid) ++range_;
    if (range_ < ranges_.size()) current_ = std::max(docid, ranges_[range_].first);
  }

  bool at_end() const override { return range_ >= ranges_.size(); }
  Xapian::docid get_docid() const override { return current_; }
  BlockRanges* clone() const override { return new BlockRanges(ranges_); }
  std::string name() const override { return "coolpapers.BlockRanges"; }

 private:
  std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges_;
  Xapian::doccount documents_ = 0;
  Xapian::doccount doccount_ = 0;
  std::size_t range_ = 0;
  Xapian::docid current_ = 0;  // 0: not started
};

}  // namespace

namespace {

// A bound of the documents a match of `query` reads; nullopt for a query PlanBlocks cannot plan.
std::optional<Xapian::doccount> CandidatesOf(const Xapian::Database& database,
                                             const Xapian::Query& query) {
  const auto all_of = [&](std::size_t first) -> std::optional<Xapian::doccount> {
    Xapian::doccount least = database.get_doccount();
    for (std::size_t i = first; i < query.get_num_subqueries(); ++i) {
      const std::optional<Xapian::doccount> sub = CandidatesOf(database, query.get_subquery(i));
      if (!sub) return std::nullopt;
      least = std::min(least, *sub);
    }
    return least;
  };
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      return database.get_termfreq(*query.get_terms_begin());
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return 0;
    case Xapian::Query::LEAF_MATCH_ALL:
    case Xapian::Query::OP_VALUE_RANGE:
    case Xapian::Query::OP_VALUE_GE:
    case Xapian::Query::OP_VALUE_LE:
      return database.get_doccount();
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
      return all_of(0);
    case Xapian::Query::OP_OR: {
      Xapian::doccount sum = 0;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const std::optional<Xapian::doccount> sub = CandidatesOf(database, query.get_subquery(i));
        if (!sub) return std::nullopt;
        sum = std::min(database.get_doccount(), sum + *sub);
      }
      return sum;
    }
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
      return CandidatesOf(database, query.get_subquery(0));
    default:
      return std::nullopt;
  }
}

// The AND under `query`'s filters and exclusions, if its weighted part is one.
std::optional<Xapian::Query> ConjunctionOf(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Xapian::Query::OP_AND:
      return query;
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
      return ConjunctionOf(query.get_subquery(0));
    default:
      return std::nullopt;
  }
}

}  // namespace

bool WorthReadingByBlocks(const Xapian::Database& database, const Xapian::Query& query,
                          std::int64_t candidates) {
  const std::optional<Xapian::doccount> read = CandidatesOf(database, query);
  if (!read || *read < candidates) return false;
  const std::optional<Xapian::Query> conjunction = ConjunctionOf(query);
  if (!conjunction) return true;
  int common = 0;
  for (std::size_t i = 0; i < conjunction->get_num_subqueries(); ++i) {
    const std::optional<Xapian::doccount> part =
        CandidatesOf(database, conjunction->get_subquery(i));
    if (part && *part >= candidates) ++common;
  }
  return common <= 1;
}

std::optional<BlockPlan> PlanBlocks(const Xapian::Database& database, const BlockBounds& bounds,
                                    std::span<const Xapian::docid> replaced,
                                    const Xapian::Query& query) {
  Planner planner(database, bounds, replaced);
  const std::optional<Bounds> per_block = planner.Node(query, true);
  if (!per_block) return std::nullopt;
  BlockPlan plan;
  for (std::uint32_t block = 0; block < planner.block_count(); ++block) {
    // A hair above, for the order in which Xapian adds a document's term weights.
    if ((*per_block)[block] != kAbsent) {
      plan.blocks.push_back({block, (*per_block)[block] * (1 + 1e-9)});
    }
  }
  std::ranges::sort(plan.blocks, [](const BlockPlan::Block& a, const BlockPlan::Block& b) {
    return a.bound > b.bound || (a.bound == b.bound && a.index < b.index);
  });
  return plan;
}

Xapian::Query BlocksFilter(const BlockBounds& bounds, std::span<const BlockPlan::Block> blocks) {
  std::vector<std::uint32_t> indexes;
  for (const BlockPlan::Block& block : blocks) indexes.push_back(block.index);
  std::ranges::sort(indexes);
  std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges;
  for (const std::uint32_t index : indexes) {
    if (!ranges.empty() && ranges.back().second + 1 == bounds.FirstOf(index)) {
      ranges.back().second = bounds.LastOf(index);
    } else {
      ranges.emplace_back(bounds.FirstOf(index), bounds.LastOf(index));
    }
  }
  return Xapian::Query((new BlockRanges(std::move(ranges)))->release());
}

}  // namespace coolpapers::search
