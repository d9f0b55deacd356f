#include "search/star_ranker.h"

#include <xapian.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "search/ascii_fold.h"
#include "search/keyword_terms.h"
#include "search/related_terms.h"
#include "search/term_prefixes.h"

namespace coolpapers::search {
namespace {

// A keyword the reader typed weighs this much against the best word drawn from the stars.
constexpr double kKeywordWeight = 2.0;

// The lower-case words of a keyword, ASCII-folded as the index is ("Schrödinger bridge" ->
// {"schrodinger", "bridge"}).
std::vector<std::string> KeywordWords(const std::string& keyword) {
  std::string folded = FoldToAscii(keyword);
  for (char& c : folded) {
    c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a')
                               : ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : ' ');
  }
  std::vector<std::string> words;
  std::istringstream in(folded);
  for (std::string word; in >> word;) words.push_back(std::move(word));
  return words;
}

std::optional<Xapian::docid> DocumentOf(Xapian::Database& database, const std::string& id) {
  const std::string term = std::string(kIdPrefix) + id;
  Xapian::PostingIterator posting = database.postlist_begin(term);
  if (posting == database.postlist_end(term)) return std::nullopt;
  return *posting;
}

}  // namespace

StarRanking RankByStars(Xapian::Database& database, const StarQuery& query) {
  StarRanking ranking;
  std::vector<Xapian::Query> parts;

  Xapian::RSet starred;
  for (size_t i = 0; i < query.stars.size() && i < kMaxStarsRanked; ++i) {
    if (std::optional<Xapian::docid> doc = DocumentOf(database, query.stars[i])) {
      starred.add_document(*doc);
    }
  }
  Xapian::Enquire enquire(database);
  if (!starred.empty()) {
    const KeywordDecider decider(database);
    const Xapian::ESet expansion = enquire.get_eset(kStarTerms, starred, &decider);
    const double best = expansion.empty() ? 1.0 : expansion.begin().get_weight();
    for (auto it = expansion.begin(); it != expansion.end(); ++it) {
      ranking.terms.push_back(*it);
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                         it.get_weight() / best);
    }
  }
  for (size_t i = 0; i < query.keywords.size() && i < kMaxPreferenceKeywords; ++i) {
    const std::vector<std::string> words = KeywordWords(query.keywords[i]);
    if (words.empty()) continue;
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, WordsInTitleOrAbstract(words), kKeywordWeight);
  }

  // Each candidate's arXiv place, for the ties and the rest.
  std::unordered_map<std::string, size_t> place;
  std::vector<std::string> id_terms;
  for (size_t i = 0; i < query.candidates.size(); ++i) {
    if (place.emplace(query.candidates[i], i).second) {
      id_terms.push_back(std::string(kIdPrefix) + query.candidates[i]);
    }
  }
  std::vector<double> weight(query.candidates.size(), 0.0);
  if (!parts.empty() && !id_terms.empty()) {
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
        Xapian::Query(Xapian::Query::OP_OR, id_terms.begin(), id_terms.end())));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const Xapian::MSet matches =
        enquire.get_mset(0, static_cast<Xapian::doccount>(id_terms.size()));
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      const auto found = place.find(it.get_document().get_data());
      if (found != place.end()) weight[found->second] = it.get_weight();
    }
  }
  std::vector<size_t> order;
  for (const auto& [id, at] : place) order.push_back(at);
  // Best weight first; equal weights (0 for the rest) in arXiv order.
  std::ranges::sort(order, [&](size_t a, size_t b) {
    return weight[a] != weight[b] ? weight[a] > weight[b] : a < b;
  });
  for (const size_t at : order) {
    ranking.order.push_back(query.candidates[at]);
    ranking.scores.push_back(weight[at]);
  }
  return ranking;
}

}  // namespace coolpapers::search
