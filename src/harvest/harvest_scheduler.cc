#include "harvest/harvest_scheduler.h"

#include <algorithm>
#include <iostream>

namespace coolpapers::harvest {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;

constexpr hours kAnnouncementHour{20};

// The start (UTC) of the announcement evening of the Eastern calendar day `local_day`.
UtcTime WindowStart(std::chrono::sys_days local_day) {
  const UtcTime local_start = local_day + kAnnouncementHour;
  // Read the offset near the start itself (UTC is 4-5 h ahead), so a window on a day daylight
  // saving time changes is placed right; the change happens at 02:00, far from 20:00.
  return local_start - UsEasternOffset(local_start + std::chrono::hours(5));
}

bool AnnouncesOn(std::chrono::sys_days local_day) {
  const std::chrono::weekday weekday{local_day};
  return weekday != std::chrono::Friday && weekday != std::chrono::Saturday;
}

}  // namespace

bool InAnnouncementWindow(UtcTime now, milliseconds window) {
  const std::chrono::sys_days today = std::chrono::floor<days>(now + UsEasternOffset(now));
  // A window may have begun on the previous Eastern day (or earlier, for a long one).
  const auto span = std::chrono::ceil<days>(window) + days{1};
  for (std::chrono::sys_days day = today - span; day <= today; day += days{1}) {
    if (!AnnouncesOn(day)) continue;
    const UtcTime start = WindowStart(day);
    if (start <= now && now < start + window) return true;
  }
  return false;
}

milliseconds NextCheckDelay(UtcTime now, const HarvestOptions& options) {
  if (InAnnouncementWindow(now, options.window)) return options.poll_interval;
  const std::chrono::sys_days today = std::chrono::floor<days>(now + UsEasternOffset(now));
  for (std::chrono::sys_days day = today; day <= today + days{7}; day += days{1}) {
    if (!AnnouncesOn(day)) continue;
    const UtcTime start = WindowStart(day);
    if (start > now) return std::min<milliseconds>(options.idle_poll_interval, start - now);
  }
  return options.idle_poll_interval;
}

HarvestScheduler::HarvestScheduler(Harvester& harvester, std::function<void()> wake_pool,
                                   HarvestOptions options)
    : harvester_(harvester), wake_pool_(std::move(wake_pool)), options_(std::move(options)) {}

HarvestScheduler::~HarvestScheduler() { Stop(); }

void HarvestScheduler::Start() {
  MutexLock lock(&mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void HarvestScheduler::Stop() {
  {
    MutexLock lock(&mutex_);
    stopping_ = true;
    next_check_.reset();
  }
  stop_requested_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::optional<UtcTime> HarvestScheduler::NextCheck() const {
  MutexLock lock(&mutex_);
  return next_check_;
}

void HarvestScheduler::Run() {
  MutexLock lock(&mutex_);
  while (!stopping_) {
    lock.Unlock();
    const auto now = options_.clock->WallNow();
    auto queued = harvester_.EnqueueFeedChecks(std::chrono::floor<milliseconds>(now));
    if (!queued) {
      std::cerr << "coolpapers: cannot queue the feed checks: " << queued.error().message << "\n";
    } else if (wake_pool_) {
      wake_pool_();
    }
    const milliseconds delay = NextCheckDelay(std::chrono::floor<std::chrono::seconds>(now), options_);
    lock.Lock();
    next_check_ = std::chrono::floor<std::chrono::seconds>(now + delay);
    stop_requested_.wait_for(mutex_, delay, [this] {
      mutex_.AssertHeld();
      return stopping_;
    });
  }
}

}  // namespace coolpapers::harvest
