#include "web/search_loader.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "search/term_highlighter.h"

namespace coolpapers::web {
namespace {

// What the searcher reads: the query as typed, narrowed to venue papers on /venue/search (a
// boolean filter applies to the whole query, whatever its ORs).
std::string SearchText(const Route& route) {
  return IsVenueSearch(route) ? route.query + " branch:venue" : route.query;
}

TextMarks ToMarks(const std::vector<search::TextSpan>& spans) {
  TextMarks marks;
  marks.reserve(spans.size());
  for (const search::TextSpan& span : spans) marks.emplace_back(span.begin, span.end);
  return marks;
}

// The page of ids for sort=stars: every match (at most kMaxResults) by clicks, best first, ties
// in relevance order, then the slice.
// The view's counts from a search's results.
void SetTotals(const search::SearchResults& results, SearchView& view) {
  view.total = results.total_estimate;
  view.total_exact = results.total_exact;
  view.total_at_least = results.total_at_least;
}

Result<std::vector<std::string>> IdsByStars(store::Store& store, search::Searcher& searcher,
                                            const Route& route, SearchView& view) {
  Result<search::SearchResults> results =
      searcher.Search({.text = SearchText(route), .offset = 0, .limit = search::kMaxResults});
  if (!results) return std::unexpected(results.error());
  SetTotals(*results, view);
  std::vector<std::string> ids;
  for (search::SearchHit& hit : results->hits) ids.push_back(std::move(hit.paper_id));
  Result<std::vector<store::ClickCounts>> clicks = store.ClicksFor(ids);
  if (!clicks) return std::unexpected(clicks.error());
  std::vector<size_t> order(ids.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::ranges::stable_sort(order, [&](size_t a, size_t b) {
    return (*clicks)[a].pdf + (*clicks)[a].faq > (*clicks)[b].pdf + (*clicks)[b].faq;
  });
  std::vector<std::string> page;
  for (size_t i = static_cast<size_t>(std::min<int64_t>(route.skip, std::ssize(order)));
       i < order.size() && std::ssize(page) < route.show; ++i) {
    page.push_back(ids[order[i]]);
  }
  return page;
}

Result<std::vector<std::string>> IdsByRank(search::Searcher& searcher, const Route& route,
                                           SearchView& view) {
  const int offset = static_cast<int>(std::min<int64_t>(route.skip, search::kMaxResults));
  Result<search::SearchResults> results = searcher.Search(
      {.text = SearchText(route),
       .offset = offset,
       .limit = static_cast<int>(std::min<int64_t>(route.show, search::kMaxResults)),
       .sort = route.sort == SearchOrder::kTime ? search::SearchSort::kNewest
                                                : search::SearchSort::kRelevance});
  if (!results) return std::unexpected(results.error());
  SetTotals(*results, view);
  std::vector<std::string> ids;
  for (search::SearchHit& hit : results->hits) ids.push_back(std::move(hit.paper_id));
  return ids;
}

}  // namespace

bool IsVenueSearch(const Route& route) {
  return !route.params.empty() && route.params.front() == kVenueSearchParam;
}

Result<std::vector<SearchCard>> LoadCards(store::Store& store, store::VenueStore* venues,
                                          const std::vector<std::string>& ids) {
  std::vector<std::string> arxiv_ids;
  std::vector<std::string> venue_ids;
  for (const std::string& id : ids) {
    (id.find('@') == std::string::npos ? arxiv_ids : venue_ids).push_back(id);
  }
  Result<std::vector<Paper>> papers = store.PapersByIds(arxiv_ids);
  if (!papers) return std::unexpected(papers.error());
  std::vector<VenuePaper> venue_papers;
  if (venues != nullptr && !venue_ids.empty()) {
    Result<std::vector<VenuePaper>> read = venues->VenuePapersByIds(venue_ids);
    if (!read) return std::unexpected(read.error());
    venue_papers = std::move(*read);
  }
  std::unordered_map<std::string, SearchCard> by_id;
  for (Paper& paper : *papers) {
    std::string id = paper.id;
    by_id.emplace(std::move(id), SearchCard{std::move(paper), {}, std::nullopt});
  }
  for (VenuePaper& paper : venue_papers) {
    // Under every id it has, so a hit on an id a later source made secondary still shows.
    std::vector<std::string> names{paper.id.ToString()};
    for (const VenuePaperId& other : paper.other_ids) names.push_back(other.ToString());
    for (const std::string& name : names) by_id.emplace(name, SearchCard{{}, {}, paper});
  }
  std::vector<SearchCard> cards;
  cards.reserve(ids.size());
  for (const std::string& id : ids) {
    const auto found = by_id.find(id);
    if (found != by_id.end()) cards.push_back(std::move(found->second));
  }
  return cards;
}

Result<SearchView> LoadSearchView(store::Store& store, store::VenueStore* venues,
                                  search::Searcher& searcher, const Route& route) {
  SearchView view;
  view.venue_branch = IsVenueSearch(route);
  view.query = route.query;
  view.sort = route.sort;
  view.highlight = route.highlight;
  view.skip = route.skip;
  view.show = route.show;
  if (route.query.empty()) return view;

  std::optional<search::TermHighlighter> highlighter;
  if (route.highlight) {
    Result<search::TermHighlighter> made = search::TermHighlighter::ForQuery(route.query);
    if (!made) return std::unexpected(made.error());
    highlighter = *std::move(made);
  }
  Result<std::vector<std::string>> ids = route.sort == SearchOrder::kStars
                                             ? IdsByStars(store, searcher, route, view)
                                             : IdsByRank(searcher, route, view);
  if (!ids) return std::unexpected(ids.error());
  Result<std::vector<SearchCard>> cards = LoadCards(store, venues, *ids);
  if (!cards) return std::unexpected(cards.error());
  view.cards.reserve(cards->size());
  for (SearchCard& card : *cards) {
    if (highlighter && !card.venue) {
      card.marks.title = ToMarks(highlighter->Find(card.paper.title));
      card.marks.abstract = ToMarks(highlighter->Find(card.paper.abstract));
      for (size_t i = 0; i < card.paper.authors.size(); ++i) {
        if (highlighter->NamesAuthor(card.paper.authors[i])) card.marks.authors.push_back(i);
      }
    }
    view.cards.push_back(std::move(card));
  }
  return view;
}

Result<SearchView> LoadSearchViewIfIndexed(store::Store& store, store::VenueStore* venues,
                                           search::Searcher* searcher, const Route& route) {
  if (searcher == nullptr) {
    return Fail(ErrorCode::kUnavailable, "search is not available on this instance yet",
                "the site was started without a search index");
  }
  return LoadSearchView(store, venues, *searcher, route);
}

}  // namespace coolpapers::web
