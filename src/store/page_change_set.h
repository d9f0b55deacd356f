// What one write transaction changed that pages show, gathered while it writes and recorded in
// the page_changes log before it commits (Store::PageChangesSince). Shared by both backends.
#ifndef COOLPAPERS_STORE_PAGE_CHANGE_SET_H_
#define COOLPAPERS_STORE_PAGE_CHANGE_SET_H_

#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/paper.h"
#include "store/store.h"

namespace coolpapers::store {

class PageChangeSet {
 public:
  void AddList(const std::string& category, Date day) { lists_.emplace(category, day.ToIso()); }
  // A list rewritten as it was (a harvest's recheck of an unchanged day) changed nothing.
  void RemoveList(const std::string& category, Date day) { lists_.erase({category, day.ToIso()}); }
  void AddPaper(const std::string& paper_id) { papers_.insert(paper_id); }
  // Any paper's page may show the change (what venues list them).
  void AddEveryPaper() { every_paper_ = true; }

  bool empty() const { return lists_.empty() && papers_.empty() && !every_paper_; }
  // (category, 'YYYY-MM-DD'), each once.
  const std::set<std::pair<std::string, std::string>>& lists() const { return lists_; }
  // Each once; record one every_paper change instead when every_paper().
  const std::set<std::string>& papers() const { return papers_; }
  bool every_paper() const { return every_paper_ || papers_.size() > kMaxPaperChangesPerWrite; }

 private:
  std::set<std::pair<std::string, std::string>> lists_;
  std::set<std::string> papers_;
  bool every_paper_ = false;
};

// A day list's rows as (paper id, announce type, position), by paper id: what WriteDayList
// compares before and after it rewrites the list.
using DayListRows = std::vector<std::tuple<std::string, int64_t, int64_t>>;

// Adds to `changes` what writing `record` changed, judged by the write's summary before and
// after it: its paper when inserted or updated, its lists when one of its listings was written.
inline void NoteRecordChanges(const PaperRecord& record, const WriteSummary& before,
                              const WriteSummary& after, PageChangeSet& changes) {
  if (after.papers_inserted + after.papers_updated >
      before.papers_inserted + before.papers_updated) {
    changes.AddPaper(record.paper.id);
  }
  if (after.listings_written > before.listings_written) {
    for (const Listing& listing : record.listings) changes.AddList(listing.category, listing.day);
  }
}

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PAGE_CHANGE_SET_H_
