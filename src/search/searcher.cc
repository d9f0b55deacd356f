#include "search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/mutex.h"
#include "search/block_bounds_record.h"
#include "search/block_plan.h"
#include "search/deadline_weight.h"
#include "search/index_layout.h"
#include "search/mapped_index_reads.h"
#include "search/related_terms.h"
#include "search/query_builder.h"
#include "search/term_frequency_cache.h"
#include "search/term_prefixes.h"
#include "search/tier_match.h"
#include "search/word_tiers.h"
#include "search/xapian_error.h"

namespace coolpapers::search {
namespace {

// A Xapian::Database is not safe to share between threads, so each search borrows one.
struct Reader {
  int generation = 0;
  std::optional<StubVersion> stub;  // the version of the stub `generation` was read from
  Xapian::Database database;
  // The index's block bounds and the documents replaced since they were built, as of
  // `bounds_revision` (BoundsCache::Attach); no bounds: every search reads all its matches.
  int bounds_generation = 0;
  Xapian::rev bounds_revision = 0;
  std::shared_ptr<const BlockBounds> bounds;
  std::vector<Xapian::docid> replaced;
  std::shared_ptr<const WordTiers> tiers;  // built with the bounds; may be missing
  TermFrequencyCache frequencies;  // of the revision `database` reads

  // Sees the writer's last commit. Throws Xapian::Error.
  void Reopen() {
    if (database.reopen()) frequencies.Clear();
  }
};

// The parsed bounds of the live index, shared by all readers: 26 MB at 2.7M papers, read
// again only when the writer builds new ones.
class BoundsCache {
 public:
  // Gives `reader` the bounds of the revision it reads, and the word tiers built with them.
  // Throws Xapian::Error.
  void Attach(const std::filesystem::path& index_dir, Reader& reader) {
    const Xapian::rev revision = reader.database.get_revision();
    if (reader.bounds_generation == reader.generation && reader.bounds_revision == revision &&
        revision != 0) {
      return;
    }
    const BlockBoundsRecord record = ReadBlockBoundsRecord(reader.database);
    reader.bounds_generation = reader.generation;
    reader.bounds_revision = revision;
    reader.replaced = record.replaced;
    reader.bounds = nullptr;
    reader.tiers = nullptr;
    if (record.id.empty()) return;
    const std::string key = std::to_string(reader.generation) + ":" + record.id;
    MutexLock lock(&mutex_);
    if (key != key_) {
      std::optional<BlockBounds> read = ReadBlockBounds(reader.database);
      key_ = key;
      bounds_ = read ? std::make_shared<const BlockBounds>(*std::move(read)) : nullptr;
      std::optional<WordTiers> tiers =
          WordTiers::Open(WordTiersPath(GenerationPath(index_dir, reader.generation), record));
      tiers_ = tiers && tiers->covered_through() == record.covered_through
                   ? std::make_shared<const WordTiers>(*std::move(tiers))
                   : nullptr;
    }
    reader.bounds = bounds_;
    reader.tiers = tiers_;
  }

 private:
  Mutex mutex_;
  std::string key_ GUARDED_BY(mutex_);
  std::shared_ptr<const BlockBounds> bounds_ GUARDED_BY(mutex_);
  std::shared_ptr<const WordTiers> tiers_ GUARDED_BY(mutex_);
};

// Brings the reader up to the writer's last commit, or onto a generation a rebuild swapped in.
// The stub is read again only when its version changed: opening, reading and closing it on
// every search was 2% of serve's CPU at 2.7M papers, where a stat(2) says the same.
Result<void> Refresh(const std::filesystem::path& index_dir, Reader& reader) {
  const std::optional<StubVersion> stub = CurrentStubVersion(index_dir);
  Result<int> generation = reader.generation;
  if (!stub || stub != reader.stub) generation = ReadCurrentGeneration(index_dir);
  if (!generation) return std::unexpected(generation.error());
  if (*generation == 0) {
    return Fail(ErrorCode::kUnavailable, "the search index is not built yet",
                "no " + CurrentStubPath(index_dir).string());
  }
  try {
    if (*generation != reader.generation) {
      reader.database = Xapian::Database(CurrentStubPath(index_dir).string());
      reader.generation = *generation;
      reader.frequencies.Clear();
    } else {
      reader.Reopen();
    }
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "open the search index"));
  }
  // Taken before the stub was read: a swap since then changes it, and the next search reads
  // the stub again.
  reader.stub = stub;
  return {};
}

// Matches counted before the total may be an estimate (get_mset's checkatleast).
constexpr int kExactCountUpTo = 100;

// When the search must be done (SearcherOptions::time_limit from its start); nullopt: never.
using Deadline = std::optional<std::chrono::steady_clock::time_point>;

// BM25, and past `deadline` the match throws SearchDeadlinePassed (deadline_weight.h).
Xapian::Enquire MakeEnquire(Xapian::Database& database, const Xapian::Query& query,
                            const Deadline& deadline) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  if (deadline) {
    enquire.set_weighting_scheme(DeadlineWeight(*deadline));
  } else {
    enquire.set_weighting_scheme(Xapian::BM25Weight());
  }
  return enquire;
}

// Counting at least kExactCountUpTo matches makes a small result set's total exact; past it
// the total is an estimate (counting up to kMaxResults cost 1-word searches 60% at p50). One
// match past the page is always counted, so the page knows whether a next one exists.
Xapian::doccount CheckAtLeast(int offset, int limit) {
  return static_cast<Xapian::doccount>(std::max<int>(kExactCountUpTo, offset + limit + 1));
}

// The matches in the order readers see: by `sort`, equal weights (short author fields, or only
// filters such as cat: and date:) by the order slot, newest first; Xapian would order them by
// document number, which depends on how the index was built. Matches weighing less than
// `weight_cutoff` are left out, and out of the counts.
Xapian::MSet MatchInOrder(Xapian::Database& database, const Xapian::Query& query, SearchSort sort,
                          int offset, int limit, const Deadline& deadline,
                          double weight_cutoff = 0) {
  Xapian::Enquire enquire = MakeEnquire(database, query, deadline);
  if (weight_cutoff > 0) enquire.set_cutoff(0, weight_cutoff);
  if (sort == SearchSort::kNewest) {
    enquire.set_sort_by_value_then_relevance(kDaySlot, true);
  } else {
    enquire.set_sort_by_relevance_then_value(kOrderSlot, true);
  }
  return enquire.get_mset(static_cast<Xapian::doccount>(offset),
                          static_cast<Xapian::doccount>(limit), CheckAtLeast(offset, limit));
}

// A page of hits and the match counts, as Search reports them.
struct Page {
  std::vector<SearchHit> hits;
  int64_t lower = 0;
  int64_t upper = 0;
  int64_t estimated = 0;
  // MatchByWeight only: a weight on the page equals a neighbour's outside it, so `hits` may
  // not be the tie-broken page; every weight on that page is at least `lowest_weight`.
  bool tie_at_edge = false;
  double lowest_weight = 0;
  // MatchByWeight only: the weight of the first match after the page, if there is one.
  std::optional<double> weight_after;
  bool read_by_blocks = false;  // MatchByBlocks made it
  bool read_by_tiers = false;   // MatchByTiers made it
  bool weighed_by_tiers = false;  // from the tiers' weights alone (PageOfExactWeights)
};

Page PageOf(const Xapian::MSet& matches, std::size_t skip = 0, std::size_t count = SIZE_MAX) {
  Page page;
  page.lower = matches.get_matches_lower_bound();
  page.upper = matches.get_matches_upper_bound();
  page.estimated = matches.get_matches_estimated();
  std::size_t i = 0;
  for (auto it = matches.begin(); it != matches.end(); ++it, ++i) {
    if (i < skip || page.hits.size() == count) continue;
    page.hits.push_back(
        SearchHit{it.get_document().get_data(), static_cast<int>(it.get_rank()), it.get_weight()});
  }
  return page;
}

// The relevance page without Xapian's tie-break by the order slot, which reads the slot of
// every match that reaches the top (40% of a 1-word search): the page is matched by weight
// alone, with one neighbour on each side, and is the tie-broken page when no weight on it
// equals a neighbour's (no document outside could then take a place on it), once the equal
// weights within it are put in the order slot's order. When a tie crosses the page's edge (a
// query of filters only, where every weight is 0), only the full tie-break is right: tie_at_edge.
Page MatchByWeight(Xapian::Database& database, const Xapian::Query& query, int offset, int limit,
                   const Deadline& deadline) {
  const int before = offset > 0 ? 1 : 0;
  Xapian::Enquire enquire = MakeEnquire(database, query, deadline);
  const Xapian::MSet matches =
      enquire.get_mset(static_cast<Xapian::doccount>(offset - before),
                       static_cast<Xapian::doccount>(limit + before + 1),
                       CheckAtLeast(offset, limit));
  std::vector<double> weights;
  for (auto it = matches.begin(); it != matches.end(); ++it) weights.push_back(it.get_weight());
  const auto size = static_cast<int>(weights.size());
  const std::optional<double> weight_after =
      size > before + limit ? std::optional(weights[static_cast<std::size_t>(before + limit)])
                            : std::nullopt;
  if ((before == 1 && size > 1 && weights[0] == weights[1]) ||
      (size > before + limit && weights[static_cast<std::size_t>(before + limit)] ==
                                    weights[static_cast<std::size_t>(before + limit - 1)])) {
    Page counts = PageOf(matches, 0, 0);
    counts.tie_at_edge = true;
    counts.lowest_weight = weights[static_cast<std::size_t>(std::min(size, before + limit) - 1)];
    counts.weight_after = weight_after;
    return counts;
  }
  Page page = PageOf(matches, static_cast<std::size_t>(before), static_cast<std::size_t>(limit));
  page.weight_after = weight_after;
  // Runs of equal weights inside the page, newest order key first; ranks stay by position.
  for (std::size_t run = 0; run < page.hits.size();) {
    std::size_t end = run + 1;
    while (end < page.hits.size() && page.hits[end].score == page.hits[run].score) ++end;
    if (end - run > 1) {
      std::vector<std::pair<std::string, SearchHit>> keyed;
      auto it = matches[static_cast<Xapian::doccount>(before + static_cast<int>(run))];
      for (std::size_t i = run; i < end; ++i, ++it) {
        keyed.emplace_back(it.get_document().get_value(kOrderSlot), page.hits[i]);
      }
      std::ranges::stable_sort(keyed, [](const auto& a, const auto& b) { return a.first > b.first; });
      for (std::size_t i = run; i < end; ++i) {
        const int rank = page.hits[i].rank;
        page.hits[i] = keyed[i - run].second;
        page.hits[i].rank = rank;
      }
    }
    run = end;
  }
  return page;
}

// The relevance page, equal weights in the order slot's order (MatchByWeight's page, or the
// tie-broken one when a tie crosses its edge).
Page MatchByRelevance(Xapian::Database& database, const Xapian::Query& query, int offset,
                      int limit, const Deadline& deadline) {
  Page by_weight = MatchByWeight(database, query, offset, limit, deadline);
  if (!by_weight.tie_at_edge) return by_weight;
  // The tie-broken match need not look at matches lighter than the page's lightest, which lets
  // Xapian skip most of a common word's postings from the start; it then counts only the
  // heavier ones, so the counts are the first match's. (A hair below it, in case the two
  // matches add a document's term weights in a different order.)
  Page ordered = PageOf(MatchInOrder(database, query, SearchSort::kRelevance, offset, limit,
                                     deadline, by_weight.lowest_weight * (1 - 1e-9)));
  ordered.lower = by_weight.lower;
  ordered.upper = by_weight.upper;
  ordered.estimated = by_weight.estimated;
  ordered.weight_after = by_weight.weight_after;
  return ordered;
}

// A page read from part of the match counts the matches it found (`lower`); its upper bound and
// estimate are Xapian's for the whole match from the terms' frequencies alone (no match is run).
void EstimateWholeMatch(Xapian::Database& database, const Xapian::Query& query, Page& page) {
  Xapian::Enquire whole(database);
  whole.set_query(query);
  const Xapian::MSet estimate = whole.get_mset(0, 0);
  page.upper = std::max<int64_t>(page.lower, estimate.get_matches_upper_bound());
  page.estimated = std::max<int64_t>(page.lower, estimate.get_matches_estimated());
}

// The relevance page from the exact weights the tiers told (TierCandidates::weights), with the
// documents they do not hold (added or replaced since they were built) weighed by Xapian: no
// match of Xapian's reads the words' postings for the page. (Each of its checks of a common
// word's postings decodes its chunk of them entry by entry: at 2.7M papers, about 5,000
// instructions a check, and the page of a 2-word search took some 200, half of the search.)
// Equal weights are put in the order slot's order, as Xapian's tie-break does: every document
// of a weight on the page is among the candidates, since it reaches the floor. nullopt when two
// weights from the one before the page to the one after it differ by a hair only (sums of
// three words' weights that Xapian may add in another order), or fewer matches than the page
// and one reach the floor: the caller then has Xapian match the candidates.
std::optional<Page> PageOfExactWeights(Xapian::Database& database, const Reader& reader,
                                       const Xapian::Query& query, const TierCandidates& found,
                                       int offset, int limit, const Deadline& deadline) {
  struct Weighed {
    double weight;
    Xapian::docid docid;
    std::optional<Xapian::Document> document;  // read once needed (Xapian's come with theirs)
  };
  std::vector<Weighed> weighed;
  weighed.reserve(found.documents.size());
  for (std::size_t i = 0; i < found.documents.size(); ++i) {
    weighed.push_back({(*found.weights)[i], found.documents[i], std::nullopt});
  }
  const auto wanted = static_cast<std::size_t>(offset + limit + 1);
  const Xapian::docid tail_first = reader.tiers->covered_through() + 1;
  std::optional<double> lightest_other;  // of Xapian's, when it may have left out an equal one
  if (!reader.replaced.empty() || tail_first <= database.get_lastdocid()) {
    const Xapian::Query not_held(
        Xapian::Query::OP_FILTER, query,
        DocumentsFilter({reader.replaced.begin(), reader.replaced.end()}, tail_first));
    Xapian::Enquire others = MakeEnquire(database, not_held, deadline);
    const Xapian::MSet matches = others.get_mset(0, static_cast<Xapian::doccount>(wanted));
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      weighed.push_back({it.get_weight(), *it, it.get_document()});
    }
    if (matches.size() == wanted) lightest_other = weighed.back().weight;
  }
  if (weighed.size() < wanted) return std::nullopt;
  std::ranges::sort(weighed, std::ranges::greater{}, &Weighed::weight);
  const double after = weighed[wanted - 1].weight;  // the match after the page
  if (after < found.floor || (lightest_other && *lightest_other >= after)) return std::nullopt;
  const auto document_of = [&](Weighed& match) -> const Xapian::Document& {
    // Known to exist: without the flag, Xapian reads its length to check (a look-up in the
    // lengths' list, decoding its chunk).
    if (!match.document) {
      match.document = database.get_document(match.docid, Xapian::DOC_ASSUME_VALID);
    }
    return *match.document;
  };
  const std::size_t first = offset > 0 ? static_cast<std::size_t>(offset) - 1 : 0;
  for (std::size_t run = first; run < wanted;) {
    std::size_t end = run + 1;
    while (end < weighed.size() && weighed[end].weight == weighed[run].weight) ++end;
    if (end < wanted && weighed[end - 1].weight - weighed[end].weight <=
                            weighed[end - 1].weight * 1e-9) {
      return std::nullopt;  // apart by a hair: Xapian's sums may order them otherwise
    }
    if (end - run > 1) {
      // A run of equal weights may begin before `first`: all of it is ordered, newest first.
      while (run > 0 && weighed[run - 1].weight == weighed[run].weight) --run;
      std::vector<std::pair<std::string, Weighed>> keyed;
      for (std::size_t i = run; i < end; ++i) {
        std::string key = document_of(weighed[i]).get_value(kOrderSlot);
        keyed.emplace_back(std::move(key), std::move(weighed[i]));
      }
      std::ranges::stable_sort(keyed, std::ranges::greater{},
                               &std::pair<std::string, Weighed>::first);
      for (std::size_t i = run; i < end; ++i) weighed[i] = std::move(keyed[i - run].second);
    }
    run = end;
  }
  Page page;
  for (std::size_t i = static_cast<std::size_t>(offset); i + 1 < wanted; ++i) {
    page.hits.push_back(
        {document_of(weighed[i]).get_data(), static_cast<int>(i), weighed[i].weight});
  }
  return page;
}

// The relevance page of an AND of common words, from the documents their tiers (tier_match.h)
// show may reach it: Xapian matches those alone, with the documents the tiers do not hold
// (added or replaced since they were built). It is the whole match's page when the weight of
// the match after it reaches the tiers' floor, which every document left out weighs less than:
// none of them can then be on the page or tie with it. More matches must have been seen than
// are counted exactly (the total was an estimate before, too). nullopt otherwise, or for a
// query the tiers do not answer: the caller matches some other way.
std::optional<Page> MatchByTiers(Xapian::Database& database, const Reader& reader,
                                 const SearcherOptions& options, const Xapian::Query& query,
                                 int offset, int limit, const Deadline& deadline) {
  if (reader.tiers == nullptr || options.candidates_worth_blocks == 0) return std::nullopt;
  const auto at_least = static_cast<int64_t>(CheckAtLeast(offset, limit));
  std::optional<TierCandidates> found =
      FindByTiers(database, *reader.tiers, reader.replaced, query,
                  static_cast<std::size_t>(offset + limit + 1), at_least,
                  options.candidates_worth_blocks, options.phrase_titles_first, deadline);
  if (!found || (!found->phrase && found->matched < at_least)) return std::nullopt;
  if (found->weights) {
    if (std::optional<Page> page =
            PageOfExactWeights(database, reader, query, *found, offset, limit, deadline)) {
      page->lower = found->matched;
      page->weighed_by_tiers = true;
      EstimateWholeMatch(database, query, *page);
      return page;
    }
  }
  std::vector<Xapian::docid> documents;
  std::ranges::set_union(found->documents, reader.replaced, std::back_inserter(documents));
  const Xapian::Query some(
      Xapian::Query::OP_FILTER, query,
      DocumentsFilter(std::move(documents), reader.tiers->covered_through() + 1));
  Page page = MatchByRelevance(database, some, offset, limit, deadline);
  if (!page.weight_after || *page.weight_after < found->floor) return std::nullopt;
  page.lower = std::max(page.lower, found->matched);
  if (found->phrase && page.lower < at_least) {
    // A phrase's matches, counted by Xapian in id order up to at_least (so not under the time
    // budget, which only weights keep: at most the AND of its words, as a whole match reads).
    // Unweighed: with weights and no page asked for, Xapian 1.4 counts every match ("Reward
    // Models" at 2.7M papers: 65 ms against 2 ms).
    Xapian::Enquire count(database);
    count.set_query(query);
    count.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet counted = count.get_mset(0, 0, static_cast<Xapian::doccount>(at_least));
    if (counted.get_matches_lower_bound() == counted.get_matches_upper_bound()) {
      page.lower = page.upper = page.estimated = counted.get_matches_lower_bound();  // all
      return page;
    }
    page.lower = std::max<int64_t>(page.lower, counted.get_matches_lower_bound());
  }
  if (page.lower < at_least) return std::nullopt;
  EstimateWholeMatch(database, query, page);
  return page;
}

// Blocks read by a search's first try (block_plan.h), per match the page needs: the best few
// give the page's likely weights cheaply, which tell which other blocks can still reach it. A
// block's best document may be the only one of it near the page's weights, so a page of 26
// needs more than 26 blocks.
constexpr std::size_t kFirstBlocksPerMatch = 2;

// The relevance page read from the blocks that can reach it only (block_plan.h). The best
// blocks are matched first; the weight of the match after their page then bounds the page's
// from below, so the second and last try reads every block whose bound reaches that weight,
// after which no unread document can be on the page or tie with it. More matches must have
// been found than are counted exactly (so the total was an estimate before, too). The weights
// are Xapian's own on the same statistics: the page is the one MatchByWeight gives on the whole
// index. The counts are the whole query's estimates, with the matches found as the lower bound.
// nullopt when the bounds cannot tell (a query they do not follow, one cheap to match whole,
// or one for which a third of the blocks would have to be read): the caller matches everything.
std::optional<Page> MatchByBlocks(Xapian::Database& database, const Reader& reader,
                                  const SearcherOptions& options, const Xapian::Query& query,
                                  int offset, int limit, const Deadline& deadline) {
  if (reader.bounds == nullptr || options.candidates_worth_blocks == 0) return std::nullopt;
  if (!WorthReadingByBlocks(database, query, options.candidates_worth_blocks)) {
    return std::nullopt;
  }
  const std::optional<BlockPlan> plan =
      PlanBlocks(database, *reader.bounds, reader.replaced, query);
  if (!plan) return std::nullopt;
  const std::span<const BlockPlan::Block> blocks = plan->blocks;
  const std::size_t most = blocks.size() / 3;
  std::size_t read =
      std::min(kFirstBlocksPerMatch * static_cast<std::size_t>(offset + limit + 1), most);
  for (int attempt = 0; attempt < 2 && read > 0; ++attempt) {
    const Xapian::Query some(Xapian::Query::OP_FILTER, query,
                             BlocksFilter(*reader.bounds, blocks.first(read)));
    Page page = MatchByRelevance(database, some, offset, limit, deadline);
    if (!page.weight_after || page.lower < static_cast<int64_t>(CheckAtLeast(offset, limit))) {
      return std::nullopt;  // few matches in the best blocks: Xapian finds them all fast
    }
    const double reach = *page.weight_after;
    if (reach > blocks[read].bound) {
      EstimateWholeMatch(database, query, page);
      return page;
    }
    // Every block that may hold a match weighing at least `reach` (blocks are best first).
    read = static_cast<std::size_t>(
        std::ranges::partition_point(blocks, [&](const BlockPlan::Block& block) {
          return block.bound >= reach;
        }) - blocks.begin());
    if (read > most) return std::nullopt;
  }
  return std::nullopt;
}

// Throws SearchDeadlinePassed past `deadline`.
Page Match(Xapian::Database& database, const Reader& reader, const SearcherOptions& options,
           const Xapian::Query& query, SearchSort sort, int offset, int limit,
           const Deadline& deadline) {
  if (sort != SearchSort::kRelevance || limit == 0) {
    return PageOf(MatchInOrder(database, query, sort, offset, limit, deadline));
  }
  if (std::optional<Page> by_tiers =
          MatchByTiers(database, reader, options, query, offset, limit, deadline)) {
    by_tiers->read_by_tiers = true;
    return *std::move(by_tiers);
  }
  if (std::optional<Page> by_blocks =
          MatchByBlocks(database, reader, options, query, offset, limit, deadline)) {
    by_blocks->read_by_blocks = true;
    return *std::move(by_blocks);
  }
  return MatchByRelevance(database, query, offset, limit, deadline);
}

// [REL]: the paper's keywords (related_terms.h), searched together, rank the other papers. The
// query reads more of them than the reader sees: 40 rather than 10 raised the held-out MRR of
// co-authored papers from 0.122 to 0.141 (docs/recommendations.md).
constexpr size_t kRelatedQueryKeywords = 40;

RelatedPapers MatchRelated(Xapian::Database& database, Xapian::docid paper, const std::string& id_term,
                           int limit) {
  const std::vector<WeightedKeyword> keywords =
      SelectRelatedKeywords(database, paper, kRelatedQueryKeywords);
  RelatedPapers related;
  for (size_t i = 0; i < keywords.size() && i < static_cast<size_t>(kKeywordsPerPaper); ++i) {
    related.keywords.push_back(keywords[i].text);
  }
  if (keywords.empty() || limit == 0) return related;
  Xapian::Enquire enquire(database);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_AND_NOT, RelatedQuery(keywords), Xapian::Query(id_term)));
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    related.hits.push_back(SearchHit{it.get_document().get_data(), static_cast<int>(it.get_rank()),
                                     it.get_weight()});
  }
  return related;
}

}  // namespace

struct Searcher::Impl {
  std::filesystem::path index_dir;
  SearcherOptions options;
  BoundsCache bounds;
  std::atomic<int64_t> read_by_blocks{0};
  std::atomic<int64_t> read_by_tiers{0};
  std::atomic<int64_t> weighed_by_tiers{0};
  Mutex mutex;
  std::vector<std::unique_ptr<Reader>> idle GUARDED_BY(mutex);

  std::unique_ptr<Reader> Borrow() {
    MutexLock lock(&mutex);
    if (idle.empty()) return std::make_unique<Reader>();
    std::unique_ptr<Reader> reader = std::move(idle.back());
    idle.pop_back();
    return reader;
  }
  void Return(std::unique_ptr<Reader> reader) {
    MutexLock lock(&mutex);
    idle.push_back(std::move(reader));
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::filesystem::path& index_dir,
                                                 SearcherOptions options) {
  if (options.index_map_bytes > 0) MapIndexReads(true, options.index_map_bytes);
  auto impl = std::make_unique<Impl>();
  impl->index_dir = index_dir;
  impl->options = options;
  auto reader = std::make_unique<Reader>();
  if (Result<void> opened = Refresh(index_dir, *reader); !opened) {
    return std::unexpected(opened.error());
  }
  impl->Return(std::move(reader));
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<SearchResults> Searcher::Search(const SearchQuery& query) {
  if (query.offset < 0 || query.limit < 0) {
    return Fail(ErrorCode::kInvalidArgument, "offset and limit must not be negative");
  }
  const int limit = std::max(0, std::min(query.limit, kMaxResults - query.offset));
  std::unique_ptr<Reader> reader = impl_->Borrow();
  if (Result<void> refreshed = Refresh(impl_->index_dir, *reader); !refreshed) {
    // A query the language rejects is the reader's to fix first, index or not.
    if (Result<Xapian::Query> built = BuildQuery(query.text); !built) {
      return std::unexpected(built.error());
    }
    return std::unexpected(refreshed.error());  // The reader is dropped, not pooled.
  }
  // The index's own frequencies decide which readings of a word are worth searching.
  Result<Xapian::Query> built = BuildQuery(query.text, [&reader](const std::string& term) {
    return reader->frequencies.Of(reader->database, term);
  });
  if (!built) {
    impl_->Return(std::move(reader));
    return std::unexpected(built.error());
  }
  SearchResults results;
  const std::chrono::microseconds time_limit = impl_->options.time_limit;
  const Deadline deadline =
      time_limit.count() > 0 ? Deadline(std::chrono::steady_clock::now() + time_limit)
                             : std::nullopt;
  try {
    Page page;
    try {
      impl_->bounds.Attach(impl_->index_dir, *reader);
      page = Match(reader->database, *reader, impl_->options, *built, query.sort, query.offset,
                   limit, deadline);
    } catch (const Xapian::DatabaseModifiedError&) {
      // The writer committed twice while we read; the newest revision is consistent.
      reader->Reopen();
      impl_->bounds.Attach(impl_->index_dir, *reader);
      page = Match(reader->database, *reader, impl_->options, *built, query.sort, query.offset,
                   limit, deadline);
    }
    if (page.read_by_blocks) impl_->read_by_blocks.fetch_add(1, std::memory_order_relaxed);
    if (page.read_by_tiers) impl_->read_by_tiers.fetch_add(1, std::memory_order_relaxed);
    if (page.weighed_by_tiers) impl_->weighed_by_tiers.fetch_add(1, std::memory_order_relaxed);
    results.total_at_least = page.lower;
    results.total_exact = page.lower == page.upper;
    results.total_estimate = std::max(page.estimated, page.lower);
    results.hits = std::move(page.hits);
  } catch (const SearchDeadlinePassed&) {
    impl_->Return(std::move(reader));
    return Fail(ErrorCode::kTimeout,
                "this search reads too many papers to answer in time: add a word, a \"phrase\" "
                "or a filter such as cat:cs.CL or date:2025 to narrow it",
                "search past its time limit of " + std::to_string(time_limit.count()) +
                    " us: " + query.text);
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "search"));
  }
  impl_->Return(std::move(reader));
  return results;
}

Result<RelatedPapers> Searcher::Related(const std::string& paper_id, int limit) {
  if (limit < 0) return Fail(ErrorCode::kInvalidArgument, "limit must not be negative");
  const std::string id_term = std::string(kIdPrefix) + paper_id;
  std::unique_ptr<Reader> reader = impl_->Borrow();
  if (Result<void> refreshed = Refresh(impl_->index_dir, *reader); !refreshed) {
    return std::unexpected(refreshed.error());  // The reader is dropped, not pooled.
  }
  RelatedPapers related;
  try {
    const auto relate = [&]() -> std::optional<RelatedPapers> {
      Xapian::PostingIterator posting = reader->database.postlist_begin(id_term);
      if (posting == reader->database.postlist_end(id_term)) return std::nullopt;
      return MatchRelated(reader->database, *posting, id_term, std::min(limit, kMaxResults));
    };
    std::optional<RelatedPapers> found;
    try {
      found = relate();
    } catch (const Xapian::DatabaseModifiedError&) {
      reader->Reopen();  // as in Search: the newest revision is consistent
      found = relate();
    }
    if (!found) {
      impl_->Return(std::move(reader));
      return Fail(ErrorCode::kNotFound, "paper " + paper_id + " is not in the search index");
    }
    related = *std::move(found);
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "find related papers"));
  }
  impl_->Return(std::move(reader));
  return related;
}

Result<StarRanking> Searcher::RankByStars(const StarQuery& query) {
  std::unique_ptr<Reader> reader = impl_->Borrow();
  if (Result<void> refreshed = Refresh(impl_->index_dir, *reader); !refreshed) {
    return std::unexpected(refreshed.error());  // The reader is dropped, not pooled.
  }
  StarRanking ranking;
  try {
    try {
      ranking = search::RankByStars(reader->database, query);
    } catch (const Xapian::DatabaseModifiedError&) {
      reader->Reopen();  // as in Search: the newest revision is consistent
      ranking = search::RankByStars(reader->database, query);
    }
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "rank the day by your stars"));
  }
  impl_->Return(std::move(reader));
  return ranking;
}

int64_t Searcher::SearchesReadByBlocks() const {
  return impl_->read_by_blocks.load(std::memory_order_relaxed);
}

int64_t Searcher::SearchesReadByTiers() const {
  return impl_->read_by_tiers.load(std::memory_order_relaxed);
}

int64_t Searcher::SearchesWeighedByTiers() const {
  return impl_->weighed_by_tiers.load(std::memory_order_relaxed);
}

Result<uint64_t> Searcher::Revision() {
  std::unique_ptr<Reader> reader = impl_->Borrow();
  if (Result<void> refreshed = Refresh(impl_->index_dir, *reader); !refreshed) {
    return std::unexpected(refreshed.error());
  }
  uint64_t revision = 0;
  try {
    // A rebuilt generation starts its revisions again, so the generation goes in the top bits.
    revision = (static_cast<uint64_t>(reader->generation) << 40) ^ reader->database.get_revision();
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "read the search index's revision"));
  }
  impl_->Return(std::move(reader));
  return revision;
}

}  // namespace coolpapers::search
