#include "web/view_loader.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/category.h"

namespace coolpapers::web {
namespace {

std::string Heading(const CategoryExpr& expr) {
  if (expr.include.size() == 1 && expr.exclude.empty()) {
    if (const Category* category = FindCategory(expr.include.front())) {
      return std::string(category->name) + " (" + expr.include.front() + ")";
    }
  }
  return expr.ToString();
}

void FindNeighbours(const std::vector<Date>& days, Date day, ListView& view) {
  const auto later = std::upper_bound(days.begin(), days.end(), day);
  if (later != days.end()) view.next_day = *later;
  const auto not_earlier = std::lower_bound(days.begin(), days.end(), day);
  if (not_earlier != days.begin()) view.previous_day = *std::prev(not_earlier);
}

}  // namespace

HomeView BuildHomeView(std::span<const store::CategoryDay> days) {
  std::unordered_map<std::string_view, const store::CategoryDay*> by_category;
  for (const store::CategoryDay& day : days) by_category.emplace(day.category, &day);

  HomeView view;
  for (const CategoryGroup& group : AllCategoryGroups()) {
    if (group.is_test) continue;
    HomeGroup home_group{std::string(group.name), {}};
    for (const Category& category : AllCategories()) {
      if (category.group != group.id || !category.is_active || category.canonical_id != category.id) {
        continue;
      }
      HomeCategory entry{std::string(category.id), std::string(category.name),
                         std::string(category.archive_name), std::nullopt, 0, std::nullopt};
      if (const auto it = by_category.find(category.id); it != by_category.end()) {
        entry.newest_day = it->second->newest_day;
        entry.paper_count = it->second->paper_count;
      }
      home_group.categories.push_back(std::move(entry));
    }
    if (!home_group.categories.empty()) view.groups.push_back(std::move(home_group));
  }
  return view;
}

Result<HomeView> LoadHomeView(store::Store& store, store::HarvestState* harvest) {
  Result<std::vector<store::CategoryDay>> days = store.NewestDayPerCategory();
  if (!days) return std::unexpected(days.error());
  HomeView view = BuildHomeView(*days);
  if (harvest == nullptr) return view;
  Result<std::vector<store::CategoryDayStatus>> checked = harvest->NewestDays();
  if (!checked) return std::unexpected(checked.error());
  std::map<std::string_view, const store::CategoryDayStatus*> by_category;
  for (const store::CategoryDayStatus& status : *checked) by_category[status.category] = &status;
  for (HomeGroup& group : view.groups) {
    for (HomeCategory& category : group.categories) {
      auto found = by_category.find(category.id);
      if (found == by_category.end()) continue;
      category.harvest = CombineHarvestMarks(std::span(found->second, 1));
    }
  }
  return view;
}

namespace {

// The harvester's statuses of the expression's included categories on `day`.
Result<std::optional<HarvestMark>> LoadHarvestMark(store::HarvestState& harvest,
                                                   const CategoryExpr& expr, Date day) {
  std::vector<store::CategoryDayStatus> statuses;
  for (const std::string& category : expr.include) {
    Result<std::optional<store::CategoryDayStatus>> status = harvest.Day(category, day);
    if (!status) return std::unexpected(status.error());
    if (*status) statuses.push_back(**std::move(status));
  }
  return CombineHarvestMarks(statuses);
}

}  // namespace

Result<ListView> LoadListView(store::Store& store, store::HarvestState* harvest,
                              const CategoryExpr& expr, std::optional<Date> day, int64_t skip,
                              int64_t show) {
  ListView view;
  view.expression = expr.ToString();
  view.heading = Heading(expr);
  view.skip = skip;
  view.show = show;
  if (!day) {
    Result<std::optional<Date>> newest = store.NewestDay(expr);
    if (!newest) return std::unexpected(newest.error());
    if (!*newest) {
      return Fail(ErrorCode::kNotFound, "no papers are listed in " + view.expression + " yet");
    }
    day = **newest;
  }
  view.day = *day;

  Result<store::DayList> list = store.ListDay(expr, *day);
  if (!list) return std::unexpected(list.error());
  Result<std::vector<Date>> days = store.ListingDays(expr);
  if (!days) return std::unexpected(days.error());
  FindNeighbours(*days, *day, view);
  if (harvest != nullptr) {
    Result<std::optional<HarvestMark>> mark = LoadHarvestMark(*harvest, expr, *day);
    if (!mark) return std::unexpected(mark.error());
    view.harvest = *std::move(mark);
  }
  view.total = static_cast<int64_t>(list->papers.size());

  const auto begin = list->papers.begin() + std::min(skip, view.total);
  const auto end = list->papers.begin() + std::min(skip + show, view.total);
  std::vector<std::string> ids;
  ids.reserve(static_cast<size_t>(end - begin));
  for (auto it = begin; it != end; ++it) ids.push_back(it->paper_id);
  Result<std::vector<Paper>> papers = store.PapersByIds(ids);
  if (!papers) return std::unexpected(papers.error());

  // PapersByIds keeps the order asked and leaves out unknown ids, so walk both in step.
  auto listed = begin;
  view.cards.reserve(papers->size());
  for (Paper& paper : *papers) {
    while (listed != end && listed->paper_id != paper.id) ++listed;
    if (listed == end) break;
    view.cards.push_back(ListedCard{std::move(paper), listed->type});
    ++listed;
  }
  return view;
}

Result<PapersView> LoadPapersView(store::Store& store, std::span<const ArxivId> ids) {
  std::vector<std::string> wanted;
  wanted.reserve(ids.size());
  for (const ArxivId& id : ids) wanted.push_back(id.str());
  Result<std::vector<Paper>> papers = store.PapersByIds(wanted);
  if (!papers) return std::unexpected(papers.error());

  PapersView view;
  for (const std::string& id : wanted) {
    const bool found = std::any_of(papers->begin(), papers->end(),
                                   [&](const Paper& paper) { return paper.id == id; });
    if (!found) view.missing.push_back(id);
  }
  if (papers->empty()) {
    std::string names;
    for (const std::string& id : view.missing) names += (names.empty() ? "" : ", ") + id;
    return Fail(ErrorCode::kNotFound,
                "no paper " + names + " in this store: import its metadata first");
  }
  view.papers = *std::move(papers);
  return view;
}

}  // namespace coolpapers::web
