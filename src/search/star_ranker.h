// "Like my stars" (issue #15 upgrade 6): ranks a day's papers by how much they resemble the
// papers a reader starred, with relevance feedback over the search index. The reader's stars
// arrive with the request and nothing about them is kept.
#ifndef COOLPAPERS_SEARCH_STAR_RANKER_H_
#define COOLPAPERS_SEARCH_STAR_RANKER_H_

#include <string>
#include <vector>

namespace Xapian {
class Database;
}  // namespace Xapian

namespace coolpapers::search {

// At most this many starred papers and preference keywords are read (the URL's bound).
inline constexpr size_t kMaxStarsRanked = 100;
inline constexpr size_t kMaxPreferenceKeywords = 20;

struct StarQuery {
  std::vector<std::string> candidates;  // canonical ids in arXiv order: the day to rank
  std::vector<std::string> stars;       // canonical ids of the reader's starred papers
  // The reader's preference keywords: a word or a phrase each ("speculative decoding").
  std::vector<std::string> keywords;
};

struct StarRanking {
  // Every candidate, once: those resembling the stars (or holding a keyword) first, best first;
  // then the rest in arXiv order. Candidates the index lacks keep their arXiv place among the rest.
  std::vector<std::string> order;
  std::vector<double> scores;      // order's weights; 0 for the rest
  std::vector<std::string> terms;  // the words drawn from the stars, best first
};

// Relevance feedback: Xapian's expand set over the starred papers' title and abstract words
// (keyword_terms.h: no boilerplate, no generic words) picks kStarTerms words, each weighted by
// its expand weight; with the keywords (phrases kept whole, weighted above any drawn word) they
// make one BM25 query restricted to the candidates. Stars the index lacks are skipped. Throws
// Xapian::Error (Searcher::RankByStars turns it into a Result).
StarRanking RankByStars(Xapian::Database& database, const StarQuery& query);

inline constexpr int kStarTerms = 40;

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_STAR_RANKER_H_
