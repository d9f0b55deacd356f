#include "harvest/reconciliation.h"

namespace coolpapers::harvest {
namespace {

std::string Papers(int64_t n) { return std::to_string(n) + (n == 1 ? " paper" : " papers"); }

std::string Ratio(const char* name, int64_t stored, int64_t feed) {
  return std::string(name) + " " + std::to_string(stored) + "/" + std::to_string(feed);
}

std::string Join(std::string a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "; " + b;
}

store::CategoryDayStatus BaseStatus(const DayCheck& check) {
  store::CategoryDayStatus status;
  status.category = check.category;
  status.day = check.day;
  status.feed = check.feed;
  status.stored = check.stored;
  status.awaiting_metadata = check.awaiting_metadata;
  status.attempts = check.attempts;
  status.checked = check.now;
  return status;
}

std::string RepeatedNote(int64_t repeated) {
  if (repeated == 0) return {};
  return "the feed listed " + Papers(repeated) + " twice (counted once)";
}

}  // namespace

store::CategoryDayStatus ReconcileDay(const DayCheck& check) {
  store::CategoryDayStatus status = BaseStatus(check);
  std::string note;
  if (check.stored != check.feed) {
    note = "the store lists " + std::to_string(check.stored.total()) + " of the feed's " +
           Papers(check.feed.total()) + " (" +
           Ratio("new", check.stored.new_count, check.feed.new_count) + ", " +
           Ratio("cross", check.stored.cross, check.feed.cross) + ", " +
           Ratio("replace", check.stored.replace, check.feed.replace) + ")";
  }
  if (check.awaiting_metadata > 0) {
    note = Join(note, std::to_string(check.awaiting_metadata) + " of " +
                          Papers(check.feed.total()) + " await metadata from the arXiv API");
  }
  status.complete = note.empty();
  status.note = Join(note, RepeatedNote(check.repeated));
  return status;
}

store::CategoryDayStatus StartedDay(const DayCheck& check) {
  store::CategoryDayStatus status = BaseStatus(check);
  status.complete = false;
  status.note = Join("harvest of " + Papers(check.feed.total()) + " under way",
                     RepeatedNote(check.repeated));
  return status;
}

}  // namespace coolpapers::harvest
