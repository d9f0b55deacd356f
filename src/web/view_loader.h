// Reads what a page shows from the store and shapes it into the page's view model. The only
// place the pages' data comes from; renderers never see the store.
#ifndef COOLPAPERS_WEB_VIEW_LOADER_H_
#define COOLPAPERS_WEB_VIEW_LOADER_H_

#include <cstdint>
#include <optional>
#include <span>

#include "core/arxiv_id.h"
#include "core/category_expr.h"
#include "core/date.h"
#include "core/error.h"
#include "store/harvest_state.h"
#include "store/store.h"
#include "web/pages/home_page.h"
#include "web/pages/list_page.h"
#include "web/pages/paper_page.h"

namespace coolpapers::web {

// The home page: every active, canonical category of every non-test group, in taxonomy order,
// with its newest day and count from `days` (categories absent from `days` have no data).
// Pure; thread-safe.
HomeView BuildHomeView(std::span<const store::CategoryDay> days);

// BuildHomeView over Store::NewestDayPerCategory(), with each category's harvest mark when
// `harvest` is given (it may be null). Store errors pass through.
[[nodiscard]] Result<HomeView> LoadHomeView(store::Store& store, store::HarvestState* harvest);

// One slice of an expression's day: `day`, or the newest day with data when nullopt. Returns
// kNotFound when the expression has no data at all (`no papers are listed in cs.AI yet`). A day
// without listings is not an error: the view has total 0 and the neighbouring days.
// The day's harvest mark comes from `harvest` when given (it may be null). Store errors pass
// through.
[[nodiscard]] Result<ListView> LoadListView(store::Store& store, store::HarvestState* harvest,
                                            const CategoryExpr& expr,
                                            std::optional<Date> day, int64_t skip, int64_t show);

// Papers by canonical id, in the order asked. Returns kNotFound naming the ids when the store
// has none of them; the ones it lacks are listed in `missing` otherwise.
[[nodiscard]] Result<PapersView> LoadPapersView(store::Store& store, std::span<const ArxivId> ids);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_VIEW_LOADER_H_
