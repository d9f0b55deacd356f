#include "search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/mutex.h"
#include "search/deadline_weight.h"
#include "search/index_layout.h"
#include "search/related_terms.h"
#include "search/query_builder.h"
#include "search/term_prefixes.h"
#include "search/xapian_error.h"

namespace coolpapers::search {
namespace {

// A Xapian::Database is not safe to share between threads, so each search borrows one.
struct Reader {
  int generation = 0;
  Xapian::Database database;
};

// Brings the reader up to the writer's last commit, or onto a generation a rebuild swapped in.
Result<void> Refresh(const std::filesystem::path& index_dir, Reader& reader) {
  Result<int> generation = ReadCurrentGeneration(index_dir);
  if (!generation) return std::unexpected(generation.error());
  if (*generation == 0) {
    return Fail(ErrorCode::kUnavailable, "the search index is not built yet",
                "no " + CurrentStubPath(index_dir).string());
  }
  try {
    if (*generation != reader.generation) {
      reader.database = Xapian::Database(CurrentStubPath(index_dir).string());
      reader.generation = *generation;
    } else {
      reader.database.reopen();
    }
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "open the search index"));
  }
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
};

Page PageOf(const Xapian::MSet& matches, std::size_t skip = 0, std::size_t count = SIZE_MAX) {
  Page page{{}, matches.get_matches_lower_bound(), matches.get_matches_upper_bound(),
            matches.get_matches_estimated()};
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
  if ((before == 1 && size > 1 && weights[0] == weights[1]) ||
      (size > before + limit && weights[static_cast<std::size_t>(before + limit)] ==
                                    weights[static_cast<std::size_t>(before + limit - 1)])) {
    Page counts = PageOf(matches, 0, 0);
    counts.tie_at_edge = true;
    counts.lowest_weight = weights[static_cast<std::size_t>(std::min(size, before + limit) - 1)];
    return counts;
  }
  Page page = PageOf(matches, static_cast<std::size_t>(before), static_cast<std::size_t>(limit));
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

// Throws SearchDeadlinePassed past `deadline`.
Page Match(Xapian::Database& database, const Xapian::Query& query, SearchSort sort, int offset,
           int limit, const Deadline& deadline) {
  if (sort != SearchSort::kRelevance || limit == 0) {
    return PageOf(MatchInOrder(database, query, sort, offset, limit, deadline));
  }
  Page by_weight = MatchByWeight(database, query, offset, limit, deadline);
  if (!by_weight.tie_at_edge) return by_weight;
  // The tie-broken match need not look at matches lighter than the page's lightest, which lets
  // Xapian skip most of a common word's postings from the start; it then counts only the
  // heavier ones, so the counts are the first match's. (A hair below it, in case the two
  // matches add a document's term weights in a different order.)
  Page ordered = PageOf(MatchInOrder(database, query, sort, offset, limit, deadline,
                                     by_weight.lowest_weight * (1 - 1e-9)));
  ordered.lower = by_weight.lower;
  ordered.upper = by_weight.upper;
  ordered.estimated = by_weight.estimated;
  return ordered;
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
    return reader->database.get_termfreq(term);
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
      page = Match(reader->database, *built, query.sort, query.offset, limit, deadline);
    } catch (const Xapian::DatabaseModifiedError&) {
      // The writer committed twice while we read; the newest revision is consistent.
      reader->database.reopen();
      page = Match(reader->database, *built, query.sort, query.offset, limit, deadline);
    }
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
      reader->database.reopen();  // as in Search: the newest revision is consistent
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
      reader->database.reopen();  // as in Search: the newest revision is consistent
      ranking = search::RankByStars(reader->database, query);
    }
  } catch (const Xapian::Error& error) {
    return std::unexpected(FromXapianError(error, "rank the day by your stars"));
  }
  impl_->Return(std::move(reader));
  return ranking;
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
