#include "search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "core/mutex.h"
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

// Each search's time budget: past it Xapian stops looking further and answers the best matches
// found so far (a common-word search over millions of papers), so no query holds a server
// thread for long (issue #18 finding 6). Typical searches take milliseconds.
constexpr double kSearchTimeLimitSeconds = 0.5;

Xapian::MSet Match(Xapian::Database& database, const Xapian::Query& query, SearchSort sort,
                   int offset, int limit) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  enquire.set_time_limit(kSearchTimeLimitSeconds);
  // Equal weights (short author fields, or only filters such as cat: and date:) are ordered
  // by the order slot, newest first; Xapian would order them by document number, which depends
  // on how the index was built.
  if (sort == SearchSort::kNewest) {
    enquire.set_sort_by_value_then_relevance(kDaySlot, true);
  } else {
    enquire.set_sort_by_relevance_then_value(kOrderSlot, true);
  }
  // Counting at least kExactCountUpTo matches makes a small result set's total exact; past it
  // the total is an estimate (counting up to kMaxResults cost 1-word searches 60% at p50). One
  // match past the page is always counted, so the page knows whether a next one exists.
  const int check_at_least = std::max<int>(kExactCountUpTo, offset + limit + 1);
  return enquire.get_mset(static_cast<Xapian::doccount>(offset),
                          static_cast<Xapian::doccount>(limit),
                          static_cast<Xapian::doccount>(check_at_least));
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

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::filesystem::path& index_dir) {
  auto impl = std::make_unique<Impl>();
  impl->index_dir = index_dir;
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
  try {
    Xapian::MSet matches;
    try {
      matches = Match(reader->database, *built, query.sort, query.offset, limit);
    } catch (const Xapian::DatabaseModifiedError&) {
      // The writer committed twice while we read; the newest revision is consistent.
      reader->database.reopen();
      matches = Match(reader->database, *built, query.sort, query.offset, limit);
    }
    results.total_at_least = matches.get_matches_lower_bound();
    results.total_exact = results.total_at_least == matches.get_matches_upper_bound();
    results.total_estimate =
        std::max<int64_t>(matches.get_matches_estimated(), results.total_at_least);
    results.hits.reserve(matches.size());
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      results.hits.push_back(SearchHit{it.get_document().get_data(),
                                       static_cast<int>(it.get_rank()), it.get_weight()});
    }
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
