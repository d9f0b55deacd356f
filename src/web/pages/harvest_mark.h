// How fresh a category's list is, as the home and list pages show it: when the harvester last
// checked the day, and whether the day is complete (reconciled with arXiv's feed, every paper
// described). Imported history has no mark.
#ifndef COOLPAPERS_WEB_PAGES_HARVEST_MARK_H_
#define COOLPAPERS_WEB_PAGES_HARVEST_MARK_H_

#include <optional>
#include <span>
#include <string>

#include "core/date.h"
#include "store/harvest_state.h"

namespace coolpapers::web {

struct HarvestMark {
  Date day;
  bool complete = true;
  store::JobTime checked{};
  std::string note;  // why it is incomplete; "" when complete
};

// One mark for several categories' statuses of the same day (a union list): incomplete when
// any is, with their notes joined ("cs.AI: 12 of 350 papers await ..."), checked at the latest
// check. std::nullopt when there are none.
std::optional<HarvestMark> CombineHarvestMarks(std::span<const store::CategoryDayStatus> statuses);

// <span class="updated">updated 2025-08-20 01:05 UTC</span>, then for an incomplete day
// <span class="incomplete" title="...note...">incomplete</span>. Escaped; thread-safe.
void AppendHarvestMark(std::string& out, const HarvestMark& mark);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_HARVEST_MARK_H_
