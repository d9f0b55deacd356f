// Decides whether a recorded (category, day) is complete: the store lists exactly as many
// papers of each announce type as arXiv's feed did, and every listed paper has its full
// metadata. The note tells a person what is missing.
#ifndef COOLPAPERS_HARVEST_RECONCILIATION_H_
#define COOLPAPERS_HARVEST_RECONCILIATION_H_

#include <cstdint>
#include <string>

#include "core/date.h"
#include "store/harvest_state.h"

namespace coolpapers::harvest {

struct DayCheck {
  std::string category;
  Date day;
  store::AnnounceCounts feed;     // distinct papers per announce type in arXiv's feed
  store::AnnounceCounts stored;   // HarvestState::StoredCounts after writing
  int64_t awaiting_metadata = 0;  // listed papers the API has not described at their version
  int64_t repeated = 0;           // feed entries that listed a paper a second time
  int attempts = 0;               // this check included
  store::JobTime now{};
};

// The status to record. Complete iff feed == stored and nothing awaits metadata. Notes read
// "12 of 350 papers await metadata from the arXiv API", "the store lists 340 of the feed's 350
// papers (new 200/200, cross 100/100, replace 40/50)", plus "the feed listed 2 papers twice
// (counted once)" when it did. Pure.
store::CategoryDayStatus ReconcileDay(const DayCheck& check);

// The status recorded before anything of the day is written, so a crash leaves the day
// visibly incomplete. Pure.
store::CategoryDayStatus StartedDay(const DayCheck& check);

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_RECONCILIATION_H_
