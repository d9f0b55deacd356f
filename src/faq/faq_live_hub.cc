#include "faq/faq_live_hub.h"

#include <algorithm>
#include <utility>

namespace coolpapers::faq {

struct FaqLiveHub::Slot {
  // Held while the listener runs, so a watch destroyed on another thread waits for the call to
  // end; recursive, so the listener may destroy its own watch.
  RecursiveMutex call_mutex;
  bool active GUARDED_BY(call_mutex) = true;
  Listener listener;
};

class FaqLiveHub::Watch final : public FaqWatch {
 public:
  Watch(FaqLiveHub& hub, std::string key, std::shared_ptr<Slot> slot)
      : hub_(hub), key_(std::move(key)), slot_(std::move(slot)) {}
  ~Watch() override {
    {
      RecursiveMutexLock call(&slot_->call_mutex);
      slot_->active = false;
    }
    hub_.Unsubscribe(key_, slot_);
  }

 private:
  FaqLiveHub& hub_;
  std::string key_;
  std::shared_ptr<Slot> slot_;
};

FaqLiveHub::FaqLiveHub() = default;
FaqLiveHub::~FaqLiveHub() = default;

std::unique_ptr<FaqWatch> FaqLiveHub::Subscribe(const std::string& key, Listener listener,
                                                const std::function<FaqStatus()>& idle_status) {
  auto slot = std::make_shared<Slot>();
  slot->listener = std::move(listener);
  std::vector<FaqEvent> snapshot;
  // Held until the snapshot is delivered, so an event published after the snapshot waits for
  // it and the listener hears everything in order. Taken before the hub's lock, the order every
  // path follows (a listener may end its watch, which takes the hub's lock).
  RecursiveMutexLock call(&slot->call_mutex);
  MutexLock hub_lock(&mutex_);
  Entry& entry = entries_[key];
  if (!entry.idle_status) entry.idle_status = idle_status;
  if (entry.live) {
    snapshot.push_back({FaqEvent::Kind::kStatus, entry.status.question_index, {}, entry.status});
    for (size_t index = 0; index < entry.texts.size(); ++index) {
      if (entry.texts[index].empty()) continue;
      snapshot.push_back(
          {FaqEvent::Kind::kDelta, static_cast<int>(index), entry.texts[index], FaqStatus{}});
    }
  } else {
    FaqStatus status = idle_status();
    entry.status = status;
    snapshot.push_back({FaqEvent::Kind::kStatus, status.question_index, {}, std::move(status)});
  }
  entry.slots.push_back(slot);
  hub_lock.Unlock();
  auto watch = std::make_unique<Watch>(*this, key, slot);
  for (const FaqEvent& event : snapshot) {
    if (!slot->active) break;
    slot->listener(event);
  }
  return watch;
}

void FaqLiveHub::Publish(const std::string& key, const std::function<void(Entry&)>& change,
                         const FaqEvent& event, const bool* deliver) {
  std::vector<std::shared_ptr<Slot>> slots;
  {
    MutexLock lock(&mutex_);
    auto found = entries_.find(key);
    if (found == entries_.end()) found = entries_.emplace(key, Entry{}).first;
    change(found->second);
    if (deliver == nullptr || *deliver) slots = found->second.slots;
    if (!found->second.live && found->second.slots.empty()) entries_.erase(found);
  }
  // Outside the hub's lock: a slow listener delays only this generation, never other keys or
  // new watchers.
  for (const std::shared_ptr<Slot>& slot : slots) {
    RecursiveMutexLock call(&slot->call_mutex);
    if (slot->active) slot->listener(event);
  }
}

FaqLiveCounts FaqLiveHub::Counts() const {
  FaqLiveCounts counts;
  MutexLock lock(&mutex_);
  for (const auto& [key, entry] : entries_) {
    counts.watchers += static_cast<int64_t>(entry.slots.size());
    counts.watched_keys += entry.slots.empty() ? 0 : 1;
    counts.live_generations += entry.live ? 1 : 0;
  }
  return counts;
}

void FaqLiveHub::Unsubscribe(const std::string& key, const std::shared_ptr<Slot>& slot) {
  MutexLock lock(&mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end()) return;
  std::erase(found->second.slots, slot);
  if (!found->second.live && found->second.slots.empty()) entries_.erase(found);
}

void FaqLiveHub::Begin(const std::string& key, const FaqStatus& status) {
  Publish(
      key,
      [&](Entry& entry) {
        entry.live = true;
        entry.status = status;
        entry.texts.assign(static_cast<size_t>(std::max(status.question_count, 0)), {});
      },
      {FaqEvent::Kind::kStatus, status.question_index, {}, status});
}

void FaqLiveHub::Update(const std::string& key, const FaqStatus& status) {
  Publish(
      key, [&](Entry& entry) { entry.status = status; },
      {FaqEvent::Kind::kStatus, status.question_index, {}, status});
}

void FaqLiveHub::Delta(const std::string& key, int question_index, std::string_view text) {
  PublishText(key, question_index, text, FaqEvent::Kind::kDelta);
}

void FaqLiveHub::ItemDone(const std::string& key, int question_index, std::string_view text) {
  PublishText(key, question_index, text, FaqEvent::Kind::kItemDone);
}

void FaqLiveHub::PublishText(const std::string& key, int question_index, std::string_view text,
                             FaqEvent::Kind kind) {
  Publish(
      key,
      [&](Entry& entry) {
        if (question_index < 0) return;
        const auto index = static_cast<size_t>(question_index);
        if (entry.texts.size() <= index) entry.texts.resize(index + 1);
        // A delta extends the question's text; a finished question's text replaces it.
        if (kind == FaqEvent::Kind::kDelta) {
          entry.texts[index].append(text);
        } else {
          entry.texts[index] = std::string(text);
        }
      },
      {kind, question_index, std::string(text), FaqStatus{}});
}

void FaqLiveHub::Restart(const std::string& key, const FaqStatus& status) {
  End(key, status, FaqEvent::Kind::kRestart);
}

void FaqLiveHub::Finish(const std::string& key, const FaqStatus& status) {
  End(key, status, FaqEvent::Kind::kFinished);
}

void FaqLiveHub::End(const std::string& key, const FaqStatus& status, FaqEvent::Kind kind) {
  Publish(
      key,
      [&](Entry& entry) {
        entry.live = false;
        entry.status = status;
        entry.texts.clear();
      },
      {kind, 0, {}, status});
}

namespace {

bool Waiting(FaqStatus::State state) {
  return state == FaqStatus::State::kQueued || state == FaqStatus::State::kRunning;
}

bool SameProgress(const FaqStatus& a, const FaqStatus& b) {
  return a.state == b.state && a.position == b.position && a.question_index == b.question_index;
}

}  // namespace

void FaqLiveHub::FollowIdle() {
  std::vector<std::pair<std::string, std::function<FaqStatus()>>> idle;
  {
    MutexLock lock(&mutex_);
    for (const auto& [key, entry] : entries_) {
      if (!entry.live && !entry.slots.empty() && entry.idle_status) {
        idle.emplace_back(key, entry.idle_status);
      }
    }
  }
  for (const auto& [key, read_status] : idle) {
    const FaqStatus status = read_status();  // a store read: not under the hub's lock
    bool moved = false;
    Publish(
        key,
        [&](Entry& entry) {
          if (entry.live || SameProgress(entry.status, status)) return;
          moved = true;
          entry.status = status;
        },
        {Waiting(status.state) ? FaqEvent::Kind::kStatus : FaqEvent::Kind::kFinished,
         status.question_index, {}, status},
        &moved);
  }
}

std::optional<FaqStatus> FaqLiveHub::LiveStatus(const std::string& key) const {
  MutexLock lock(&mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end() || !found->second.live) return std::nullopt;
  return found->second.status;
}

}  // namespace coolpapers::faq
