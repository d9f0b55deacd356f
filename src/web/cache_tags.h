// What a cached page shows, as tags (Response::cache_tags), and which tags a change the store
// recorded (Store::PageChangesSince) makes stale, so that a harvested (category, day) or a new
// FAQ answer drops only the pages that show it:
//   "day:cs.AI|2025-05-14"  the page shows that list, or would link it as a neighbouring day
//   "cat:cs.AI"             the page shows whatever the category's newest day or whole set of
//                           days is (newest-day lists and feeds, calendars): any change of the
//                           category drops it
//   "paper:2401.06769"      the page shows that paper (its page, or its card in a list)
//   kStoreTag               any store change drops it (the home page's counts, venue pages,
//                           and every cached page that names nothing more precise)
#ifndef COOLPAPERS_WEB_CACHE_TAGS_H_
#define COOLPAPERS_WEB_CACHE_TAGS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/category_expr.h"
#include "core/date.h"
#include "store/store.h"
#include "web/pages/list_page.h"

namespace coolpapers::web {

inline constexpr std::string_view kStoreTag = "store";

std::string DayTag(std::string_view category, Date day);
std::string CategoryTag(std::string_view category);
std::string PaperTag(std::string_view paper_id);

// A list or its feed: for each included category the day shown, the days between it and its
// neighbours (a list harvested there would become a neighbour), the whole category when a
// neighbour is missing or far or the day is the newest (`newest`: asked without a date), and
// every card's paper. Excluded categories need no tag: whether a paper has one is part of the
// paper, tagged through its card.
std::vector<std::string> ListTags(const ListView& view, const CategoryExpr& expr, bool newest);

// A calendar (the days with listings) of the expression's included categories.
std::vector<std::string> CalendarTags(const CategoryExpr& expr);

// The tags `change` makes stale: a list's DayTag and CategoryTag, a paper's PaperTag. Empty for
// PageChange::every_paper, which no tag covers: the reader drops everything.
std::vector<std::string> TagsChangedBy(const store::PageChange& change);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_CACHE_TAGS_H_
