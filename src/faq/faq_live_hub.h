// The FAQ generations running in this process, as watchers see them: per job key the current
// status, the text so far of each question, and the listeners. The generating thread publishes;
// listeners hear each event on that thread, so they must not block.
#ifndef COOLPAPERS_FAQ_FAQ_LIVE_HUB_H_
#define COOLPAPERS_FAQ_FAQ_LIVE_HUB_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mutex.h"
#include "faq/faq_service.h"

namespace coolpapers::faq {

// What the hub holds now, for /metrics.
struct FaqLiveCounts {
  int64_t watchers = 0;          // listeners subscribed (a reader's event stream each)
  int64_t watched_keys = 0;      // generations (key: paper, version, language) with a listener
  int64_t live_generations = 0;  // generations running in this process
};

// Thread-safe. Events of one key reach each listener in the order published, one at a time.
class FaqLiveHub {
 public:
  using Listener = std::function<void(const FaqEvent&)>;

  FaqLiveHub();
  ~FaqLiveHub();  // every FaqWatch it returned must be destroyed first
  FaqLiveHub(const FaqLiveHub&) = delete;
  FaqLiveHub& operator=(const FaqLiveHub&) = delete;

  // Adds `listener` to `key`. When a generation of `key` is live it first hears a kStatus event
  // of that generation's status, then the text so far of each question as kDelta events;
  // otherwise one kStatus event of `idle_status()`, called with the hub locked, so no event
  // published meanwhile is missed (it should be quick: a store or queue read); the hub keeps a
  // copy for FollowIdle, so it must not refer to the caller's locals. The listener is
  // called until the returned watch is destroyed; destroying it is safe from any thread, also
  // from inside the listener, and once it returns (on another thread) the listener is not
  // running and will not be called again.
  [[nodiscard]] std::unique_ptr<FaqWatch> Subscribe(const std::string& key, Listener listener,
                                                    const std::function<FaqStatus()>& idle_status);

  // An attempt of `key` starts: the generation becomes live with `status` (kRunning), its text
  // empty; listeners hear kStatus.
  void Begin(const std::string& key, const FaqStatus& status);
  // The live generation's status changed (the next question); listeners hear kStatus.
  void Update(const std::string& key, const FaqStatus& status);
  // `text` is appended to question `question_index`; listeners hear kDelta.
  void Delta(const std::string& key, int question_index, std::string_view text);
  // Question `question_index` is done with `text` (replacing what the deltas said); listeners
  // hear kItemDone.
  void ItemDone(const std::string& key, int question_index, std::string_view text);
  // The attempt failed and will be retried: the text is dropped, the generation is no longer
  // live; listeners hear kRestart carrying `status` (kQueued with the error).
  void Restart(const std::string& key, const FaqStatus& status);
  // The generation ended (answered, or failed for good): listeners hear kFinished carrying
  // `status`; the generation is no longer live.
  void Finish(const std::string& key, const FaqStatus& status);

  // The live generation's status, std::nullopt when `key` has none.
  std::optional<FaqStatus> LiveStatus(const std::string& key) const;

  // Listeners, watched keys and live generations now: one pass over the entries.
  FaqLiveCounts Counts() const;

  // Asks each key that has watchers but no generation live in this process for its status
  // again (the `idle_status` its first watcher subscribed with, called without the hub's lock)
  // and tells the watchers when it moved: kStatus while queued or running (state, place or
  // question changed), kFinished once answered, failed or gone. This is how a reader follows a
  // generation another process runs (nodes sharing one store): its place, then its end. Called
  // every second or so by the service; a key whose generation goes live here meanwhile is left
  // to the live events.
  void FollowIdle();

 private:
  struct Slot;
  struct Entry {
    bool live = false;
    FaqStatus status;
    std::vector<std::string> texts;  // per question index
    std::vector<std::shared_ptr<Slot>> slots;
    // While not live: how to read the status again (FollowIdle), from the first watcher.
    std::function<FaqStatus()> idle_status;
  };
  class Watch;

  // Updates the entry with `change` and delivers `event` to its listeners (only when
  // `*deliver`, which `change` may set, when `deliver` is given).
  void Publish(const std::string& key, const std::function<void(Entry&)>& change,
               const FaqEvent& event, const bool* deliver = nullptr);
  void Unsubscribe(const std::string& key, const std::shared_ptr<Slot>& slot);
  // The attempt is over (Restart, Finish): the entry stops being live and `kind` is heard.
  void End(const std::string& key, const FaqStatus& status, FaqEvent::Kind kind);
  // A question's text moves (Delta, ItemDone): the entry's copy follows and `kind` is heard.
  void PublishText(const std::string& key, int question_index, std::string_view text,
                   FaqEvent::Kind kind);

  mutable Mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_ GUARDED_BY(mutex_);
};

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_FAQ_LIVE_HUB_H_
