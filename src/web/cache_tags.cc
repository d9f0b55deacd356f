#include "web/cache_tags.h"

#include <optional>

namespace coolpapers::web {
namespace {

// Neighbours further apart than this (a gap in the data, not a weekend) tag the whole category
// rather than each day between.
constexpr int kMaxTaggedGapDays = 14;

// Tags the days strictly between `from` and `to`, or the whole category when the gap is wide.
void TagGap(std::string_view category, Date from, Date to, std::vector<std::string>& tags) {
  const int gap = static_cast<int>((to.days() - from.days()).count());
  if (gap > kMaxTaggedGapDays) {
    tags.push_back(CategoryTag(category));
    return;
  }
  for (int offset = 1; offset < gap; ++offset) tags.push_back(DayTag(category, from.AddDays(offset)));
}

}  // namespace

std::string DayTag(std::string_view category, Date day) {
  std::string tag = "day:";
  tag += category;
  tag += '|';
  tag += day.ToIso();
  return tag;
}

std::string CategoryTag(std::string_view category) { return "cat:" + std::string(category); }

std::string PaperTag(std::string_view paper_id) { return "paper:" + std::string(paper_id); }

std::vector<std::string> ListTags(const ListView& view, const CategoryExpr& expr, bool newest) {
  std::vector<std::string> tags;
  for (const std::string& category : expr.include) {
    tags.push_back(DayTag(category, view.day));
    if (newest || !view.previous_day || !view.next_day) {
      tags.push_back(CategoryTag(category));
    }
    if (view.previous_day) TagGap(category, *view.previous_day, view.day, tags);
    if (view.next_day) TagGap(category, view.day, *view.next_day, tags);
  }
  for (const ListedCard& card : view.cards) tags.push_back(PaperTag(card.paper.id));
  return tags;
}

std::vector<std::string> CalendarTags(const CategoryExpr& expr) {
  std::vector<std::string> tags;
  for (const std::string& category : expr.include) tags.push_back(CategoryTag(category));
  return tags;
}

std::vector<std::string> TagsChangedBy(const store::PageChange& change) {
  if (change.list) {
    return {DayTag(change.list->category, change.list->day), CategoryTag(change.list->category)};
  }
  if (!change.paper_id.empty()) return {PaperTag(change.paper_id)};
  return {};
}

}  // namespace coolpapers::web
