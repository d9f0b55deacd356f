#include "web/like_ranking.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "web/url_codec.h"

namespace coolpapers::web {
namespace {

// The comma-separated pieces of `text`, each trimmed of spaces; blank ones dropped.
std::vector<std::string_view> CommaSeparated(std::string_view text) {
  std::vector<std::string_view> pieces;
  while (true) {
    const size_t comma = text.find(',');
    std::string_view piece = text.substr(0, comma);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
    if (!piece.empty()) pieces.push_back(piece);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return pieces;
}

// Keeps the slice route.skip, route.show of the whole day in `view`.
void Slice(const Route& route, ListView& view) {
  const auto total = static_cast<int64_t>(view.cards.size());
  const int64_t begin = std::min(route.skip, total);
  const int64_t end = std::min(route.skip + route.show, total);
  view.cards = std::vector<ListedCard>(std::make_move_iterator(view.cards.begin() + begin),
                                       std::make_move_iterator(view.cards.begin() + end));
  view.skip = route.skip;
  view.show = route.show;
}

}  // namespace

Result<std::vector<ArxivId>> ParseStarIds(std::string_view text) {
  std::vector<ArxivId> ids;
  for (const std::string_view piece : CommaSeparated(text)) {
    Result<ArxivId> id = ArxivId::Parse(piece);
    if (!id) return std::unexpected(id.error());
    ArxivId plain = id->WithoutVersion();
    if (std::ranges::find(ids, plain) != ids.end()) continue;
    if (ids.size() == kMaxStarsInUrl) {
      return Fail(ErrorCode::kInvalidArgument,
                  "too many stars: expected at most " + std::to_string(kMaxStarsInUrl) +
                      " paper ids (your most recent stars are enough)");
    }
    ids.push_back(std::move(plain));
  }
  return ids;
}

Result<std::vector<std::string>> ParsePreferenceKeywords(std::string_view text) {
  std::vector<std::string> keywords;
  for (const std::string_view piece : CommaSeparated(text)) {
    if (piece.size() > kMaxKeywordLength) {
      return Fail(ErrorCode::kInvalidArgument,
                  "keyword \"" + std::string(piece.substr(0, 20)) + "...\" is too long: expected at most " +
                      std::to_string(kMaxKeywordLength) + " characters");
    }
    if (keywords.size() == kMaxKeywordsInUrl) {
      return Fail(ErrorCode::kInvalidArgument,
                  "too many keywords: expected at most " + std::to_string(kMaxKeywordsInUrl));
    }
    keywords.emplace_back(piece);
  }
  return keywords;
}

std::string LikeQuery(const Route& route) {
  if (!route.like) return {};
  std::string query = "sort=like";
  if (!route.stars.empty()) {
    query += "&stars=";
    for (size_t i = 0; i < route.stars.size(); ++i) {
      if (i > 0) query += ',';
      query += route.stars[i].str();
    }
  }
  if (!route.keywords.empty()) {
    query += "&keywords=";
    for (size_t i = 0; i < route.keywords.size(); ++i) {
      if (i > 0) query += ',';
      AppendQueryEncoded(query, route.keywords[i]);
    }
  }
  return query;
}

Result<void> RankListView(search::Searcher* searcher, const Route& route, ListView& view) {
  // Nothing to rank by (sort=like kept in a reader's URL, the stars sent apart): arXiv order.
  const bool nothing = route.stars.empty() && route.keywords.empty();
  if (!nothing && searcher == nullptr) {
    return Fail(ErrorCode::kUnavailable, "sorting by your stars is not available on this instance yet",
                "the site was started without a search index");
  }
  if (nothing) {
    Slice(route, view);
    return {};
  }
  search::StarQuery query;
  for (const ListedCard& card : view.cards) query.candidates.push_back(card.paper.id);
  for (const ArxivId& star : route.stars) query.stars.push_back(star.str());
  query.keywords = route.keywords;
  Result<search::StarRanking> ranking = searcher->RankByStars(query);
  if (!ranking) return std::unexpected(ranking.error());
  std::unordered_map<std::string, size_t> rank;
  for (size_t i = 0; i < ranking->order.size(); ++i) rank.emplace(ranking->order[i], i);
  // A card the ranking does not name (never, unless an id repeats) keeps its place at the end.
  std::ranges::stable_sort(view.cards, [&](const ListedCard& a, const ListedCard& b) {
    const auto ra = rank.find(a.paper.id), rb = rank.find(b.paper.id);
    return (ra == rank.end() ? rank.size() : ra->second) <
           (rb == rank.end() ? rank.size() : rb->second);
  });
  Slice(route, view);
  return {};
}

}  // namespace coolpapers::web
