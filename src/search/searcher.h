// Reading the search index: runs a query-language query (query_builder.h) with BM25 and returns
// ranked paper ids. Many threads may search at once; each search sees the index as the writer
// last committed it, including a rebuild swapped in meanwhile.
#ifndef COOLPAPERS_SEARCH_SEARCHER_H_
#define COOLPAPERS_SEARCH_SEARCHER_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "search/star_ranker.h"

namespace coolpapers::search {

// As on papers.cool, no search pages past the first 1000 results.
inline constexpr int kMaxResults = 1000;

enum class SearchSort {
  kRelevance,  // best BM25 score first; equal scores (e.g. only filters: cat:, date:) newest first
  kNewest,     // latest first-listed day first, then by score
};

struct SearchQuery {
  std::string text;  // the query language, e.g. `title:gemma cat:cs.CL`
  int offset = 0;    // results to skip, >= 0
  int limit = 25;    // results wanted, >= 0; cut so that offset + limit <= kMaxResults
  SearchSort sort = SearchSort::kRelevance;
};

struct SearchHit {
  std::string paper_id;  // canonical id, e.g. "2503.19786"
  int rank = 0;          // 0 for the best result overall (not within the page)
  double score = 0;      // BM25 weight; comparable only within one search
};

struct SearchResults {
  // All matches, not capped at kMaxResults: exact when total_exact, else Xapian's estimate (at
  // least total_at_least, which may be far from it either way).
  int64_t total_estimate = 0;
  bool total_exact = false;
  // Matches known to exist. Past the page asked for when any exist, so that a page of results
  // knows whether a next page has anything on it: offset + limit < total_at_least.
  int64_t total_at_least = 0;
  std::vector<SearchHit> hits;
};

// The papers most related to one paper, and the words that relate them.
struct RelatedPapers {
  // The paper's most specific words and phrases ("speculative decoding"), best first (<= 10).
  std::vector<std::string> keywords;
  std::vector<SearchHit> hits;        // best first; never the paper itself
};

// Keywords per paper, as papers.cool gives 10 for [REL] and preference sorting.
inline constexpr int kKeywordsPerPaper = 10;

struct SearcherOptions {
  // Each search's time budget: past it the search stops and answers kTimeout with a message
  // that says how to narrow it, so no query holds a server thread for long (issue #18 finding
  // 6; deadline_weight.h). Searches take milliseconds (at 2.7M papers the slowest benchmark
  // phrase took 264 ms). 0: no budget.
  std::chrono::microseconds time_limit{500'000};
  // A relevance search that may read this many documents or more (its terms' frequencies) reads
  // only the blocks of documents that can reach its page when the index has block bounds
  // (docs/search.md, "Reading by blocks"); below it Xapian reads the whole match in a few
  // milliseconds. A search of common words together (an AND), or a phrase of them, is read
  // from their tiers instead ("Reading by tiers"). 0: never by blocks or tiers (the benchmark
  // compares both).
  int64_t candidates_worth_blocks = 100'000;
  // A phrase whose page the tiers alone do not find is read from them again with its title's
  // matches found first, by Xapian, when its rarest title word is in this many papers or fewer
  // (docs/search.md, "Reading by tiers", Phrases). 0: never.
  int64_t phrase_titles_first = 30'000;
  // Above 0: Xapian reads the index from mappings of its tables rather than by pread(2), for the
  // whole process from the searcher's opening on, and this many bytes of them may stay resident
  // (mapped_index_reads.h: worth it only when that holds what searches keep reading). 0 leaves
  // the reads as they were.
  std::size_t index_map_bytes = 0;
};

class Searcher {
 public:
  // Opens the index the indexer keeps in `index_dir` (paper_indexer.h). Returns kUnavailable
  // when there is no index there yet or it cannot be opened, kCorrupt when it is damaged.
  [[nodiscard]] static Result<std::unique_ptr<Searcher>> Open(
      const std::filesystem::path& index_dir, SearcherOptions options = {});

  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Runs the query. Returns kInvalidArgument (with a message for the reader) for a query the
  // language rejects or a negative offset or limit; kUnavailable or kCorrupt when the index
  // fails, kTimeout past the time budget (SearcherOptions::time_limit). An offset at or past
  // kMaxResults gives no hits but the true estimate.
  // Thread-safe: concurrent calls each use their own database handle from a pool.
  [[nodiscard]] Result<SearchResults> Search(const SearchQuery& query);

  // Related papers ([REL]): the paper's kKeywordsPerPaper most specific words and phrases of its
  // title and abstract (related_terms.h: tf-idf, title weighted, boilerplate and generic words
  // dropped, phrases the corpus's titles use kept whole; no names, stems or numbers), searched
  // together with their weights, rank the other papers. Returns kNotFound when the index
  // does not hold `paper_id`, kInvalidArgument for a negative limit, index errors as Search.
  // Thread-safe.
  [[nodiscard]] Result<RelatedPapers> Related(const std::string& paper_id, int limit);

  // The query's candidates ranked by their likeness to its starred papers and keywords
  // (star_ranker.h). Errors as Search. Thread-safe.
  [[nodiscard]] Result<StarRanking> RankByStars(const StarQuery& query);

  // A number that changes whenever what readers see changes: a commit of the writer, or a
  // rebuilt generation swapped in. Caches of search results compare it (web/site.h). Errors
  // as Search. Thread-safe.
  [[nodiscard]] Result<uint64_t> Revision();

  // How many searches so far were answered by reading blocks (benchmarks and tests).
  int64_t SearchesReadByBlocks() const;
  // How many were answered from the word tiers (benchmarks and tests).
  int64_t SearchesReadByTiers() const;
  // Of those, how many were weighed by the tiers too: their page came from the tiers' exact
  // weights, with no match of Xapian's over the candidates (benchmarks and tests).
  int64_t SearchesWeighedByTiers() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_SEARCHER_H_
