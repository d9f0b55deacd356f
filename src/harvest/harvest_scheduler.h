// When to look at arXiv's feeds: often in the hours after each announcement (20:00 US Eastern,
// Sunday to Thursday), rarely outside them, so an unannounced update is still found. The
// HarvestScheduler thread queues a feed check of every category at each of those moments.
#ifndef COOLPAPERS_HARVEST_HARVEST_SCHEDULER_H_
#define COOLPAPERS_HARVEST_HARVEST_SCHEDULER_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <optional>
#include <thread>

#include "core/announcement_calendar.h"
#include "core/mutex.h"
#include "harvest/harvest_options.h"
#include "harvest/harvester.h"

namespace coolpapers::harvest {

// Whether `now` falls in an announcement window: from 20:00 US Eastern (daylight saving time
// included) on a Sunday to Thursday, for `window`. Example: Mon 2025-05-12 00:30 UTC is Sun
// 20:30 EDT, inside an 8 h window. Pure.
bool InAnnouncementWindow(UtcTime now, std::chrono::milliseconds window);

// How long to wait after a check made at `now`: poll_interval inside a window; outside,
// idle_poll_interval, cut short so the next window's start is not missed. Pure.
std::chrono::milliseconds NextCheckDelay(UtcTime now, const HarvestOptions& options);

class HarvestScheduler {
 public:
  // `harvester` must outlive the scheduler. `wake_pool` tells the arxiv worker pool that jobs
  // were queued (WorkerPool::Wake); it may be empty. Does not start: call Start().
  HarvestScheduler(Harvester& harvester, std::function<void()> wake_pool, HarvestOptions options);
  ~HarvestScheduler();  // Stop()
  HarvestScheduler(const HarvestScheduler&) = delete;
  HarvestScheduler& operator=(const HarvestScheduler&) = delete;

  // Starts the thread; its first check is at once. A failed enqueue is printed to stderr and
  // tried again at the next check.
  void Start();
  // Ends the thread promptly (it is woken from its wait). Idempotent.
  void Stop();

  // When the thread will queue the next checks; nullopt before the first pass or after Stop.
  // The home page names it as the next try of a check that failed for good. Thread-safe.
  std::optional<UtcTime> NextCheck() const;

 private:
  void Run();

  Harvester& harvester_;
  std::function<void()> wake_pool_;
  const HarvestOptions options_;
  mutable Mutex mutex_;
  std::condition_variable_any stop_requested_;
  bool stopping_ GUARDED_BY(mutex_) = false;
  std::optional<UtcTime> next_check_ GUARDED_BY(mutex_);
  std::thread thread_;
};

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_HARVEST_SCHEDULER_H_
