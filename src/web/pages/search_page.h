// The whole-site search page, /arxiv/search?query=...[&sort=&highlight=1&skip=&show=] (reference
// section 2.5): a search form, the match count, sort links, then the same cards as list pages,
// numbered from skip + 1, and links to the neighbouring pages of results (at most
// search::kMaxResults results in all, as on papers.cool).
#ifndef COOLPAPERS_WEB_PAGES_SEARCH_PAGE_H_
#define COOLPAPERS_WEB_PAGES_SEARCH_PAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/paper.h"
#include "core/venue.h"
#include "web/pages/paper_card.h"
#include "web/router.h"
#include "web/pages/layout.h"

namespace coolpapers::web {

// One result: an arXiv paper, or a venue paper (branch:venue; `paper` is then empty and the
// card is a venue card, pages/venue_card.h).
struct SearchCard {
  Paper paper;
  CardMarks marks;  // empty unless highlight=1 (arXiv cards only)
  std::optional<VenuePaper> venue;
};

struct SearchView {
  std::string query;  // as typed; "" shows only the form
  // /venue/search: the query is searched as branch:venue, and the page's links stay there.
  bool venue_branch = false;
  SearchOrder sort = SearchOrder::kRelevance;
  bool highlight = false;
  int64_t total = 0;  // matches in the whole index: exact when total_exact, else an estimate
  bool total_exact = true;
  int64_t total_at_least = 0;  // matches known to exist: past this page's end when there are any
  int64_t skip = 0;
  int64_t show = 25;
  std::vector<SearchCard> cards;
  std::string error;  // why the query was refused (the page is then a 400), shown under the box
};

// The page, in the instance's `frame` (layout.h). Thread-safe; all text escaped.
std::string RenderSearchPage(const SearchView& view, const PageFrame& frame);

// "/arxiv/search?query=...&sort=time&highlight=1&skip=25&show=25", leaving out defaults.
// `path` is a feed's "/arxiv/search/feed", or empty for the view's page (SearchPath).
std::string SearchUrl(const SearchView& view, int64_t skip, std::string_view path = {});

// "/venue/search" for the venue branch's view, else "/arxiv/search".
std::string_view SearchPath(const SearchView& view);

// The match count as a reader should read it: "112", or "about 8,000" when estimated.
std::string SearchTotalText(const SearchView& view);

// "relevance", "time", "stars".
std::string_view SearchOrderName(SearchOrder order);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_SEARCH_PAGE_H_
