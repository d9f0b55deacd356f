// What the harvester knows about each (category, day) it recorded: arXiv's own counts of new,
// cross-listed and replaced papers (from the feed) against ours (from the store), and whether
// the day is complete. Also named cursors that make long harvests resumable (an OAI-PMH
// resumption token, the last feed day seen). Pages read it to say when a category was updated
// and to mark an incomplete day.
#ifndef COOLPAPERS_STORE_HARVEST_STATE_H_
#define COOLPAPERS_STORE_HARVEST_STATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "store/job_queue.h"

namespace coolpapers::store {

struct AnnounceCounts {
  int64_t new_count = 0;
  int64_t cross = 0;
  int64_t replace = 0;
  int64_t total() const { return new_count + cross + replace; }
  bool operator==(const AnnounceCounts&) const = default;
};

// One category's day as the harvester last checked it. Complete means: the store lists exactly
// the papers the feed listed, with the same announce types (reconciled), and every paper has its
// full metadata. A day the harvester has started but not reconciled is incomplete, so a crash
// in the middle never leaves a partial day that looks complete.
struct CategoryDayStatus {
  std::string category;
  Date day;
  AnnounceCounts feed;            // arXiv's feed for that category and day
  AnnounceCounts stored;          // the store's listings for that category and day
  int64_t awaiting_metadata = 0;  // papers the export API has not described yet (it lags)
  bool complete = false;
  int attempts = 0;               // harvests of this day so far
  std::string note;               // why it is incomplete, for people: "12 papers await ..."
  JobTime checked{};              // when the harvester last checked it
};

// Safe to call from several threads (and processes) at once.
class HarvestState {
 public:
  virtual ~HarvestState() = default;

  // Inserts or replaces the status of (status.category, status.day).
  [[nodiscard]] virtual Result<void> RecordDay(const CategoryDayStatus& status) = 0;
  [[nodiscard]] virtual Result<std::optional<CategoryDayStatus>> Day(std::string_view category,
                                                                     Date day) = 0;
  // Each category's newest recorded day, by category name.
  [[nodiscard]] virtual Result<std::vector<CategoryDayStatus>> NewestDays() = 0;
  // Every incomplete day, oldest first.
  [[nodiscard]] virtual Result<std::vector<CategoryDayStatus>> IncompleteDays() = 0;

  // The store's listings of `category` on `day`, counted by announce type.
  [[nodiscard]] virtual Result<AnnounceCounts> StoredCounts(std::string_view category,
                                                            Date day) = 0;

  // Named resumption points ("oai:2025-01-01..2025-01-31" -> a resumptionToken). std::nullopt
  // when never set; SetCursor overwrites; ClearCursor forgets (a finished harvest).
  [[nodiscard]] virtual Result<std::optional<std::string>> Cursor(std::string_view name) = 0;
  [[nodiscard]] virtual Result<void> SetCursor(std::string_view name, std::string_view value) = 0;
  [[nodiscard]] virtual Result<void> ClearCursor(std::string_view name) = 0;
};

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_HARVEST_STATE_H_
