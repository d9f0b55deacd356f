// The day list of a category expression, /arxiv/<expr>[?date=&skip=&show=]: a header with the
// day, the total and links to the neighbouring days that have data, then one slice of cards.
// A big day never makes the first paint wait: the page holds `show` cards and a "next" link;
// the front end (frontend/js/lazy_cards.js) fetches the rest of the day once as a fragment and
// inserts it as the reader scrolls. Without JavaScript the link opens the next slice.
#ifndef COOLPAPERS_WEB_PAGES_LIST_PAGE_H_
#define COOLPAPERS_WEB_PAGES_LIST_PAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/paper.h"
#include "web/pages/harvest_mark.h"
#include "web/pages/layout.h"

namespace coolpapers::web {

struct ListedCard {
  Paper paper;
  AnnounceType type = AnnounceType::kNew;
};

struct ListView {
  std::string expression;  // canonical spelling: "cs.AI,cs.CL"
  std::string heading;     // "Computation and Language (cs.CL)", or the expression for several
  Date day;
  int64_t total = 0;  // papers listed that day, all slices together
  int64_t skip = 0;   // cards before this slice
  int64_t show = 25;  // the slice's size as asked (the last slice may hold fewer)
  std::optional<Date> previous_day;  // the nearest earlier / later day with data
  std::optional<Date> next_day;
  std::optional<HarvestMark> harvest = {};  // the harvester's check of this day, when it made one
  std::vector<ListedCard> cards;  // this slice, in arXiv order; card i is numbered skip + i + 1
};

// The whole page, in the instance's `frame` (layout.h). Thread-safe; all text escaped.
std::string RenderListPage(const ListView& view, const PageFrame& frame);

// Only this slice's cards and, when more follow, the <nav class="more"> that loads the next
// slice: what ?fragment=1 returns for the page's script to insert. Thread-safe.
std::string RenderListFragment(const ListView& view);

// "/arxiv/cs.AI?date=2025-05-14", with "&skip=25&show=25" when skip > 0 (the page's own URL
// form for slices). The expression must be canonical (safe URL characters only).
std::string ListUrl(const std::string& expression, Date day, int64_t skip = 0, int64_t show = 25);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_LIST_PAGE_H_
