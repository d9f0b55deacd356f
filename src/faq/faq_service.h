// The FAQ as a service for the site and the CLI: asking for a paper's FAQ queues one generation
// (an `llm` job; concurrent asks share it), progress and the answer's text are published live
// while it runs, and the finished answer is stored once and served to everyone after.
#ifndef COOLPAPERS_FAQ_FAQ_SERVICE_H_
#define COOLPAPERS_FAQ_FAQ_SERVICE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <chrono>
#include <optional>
#include <string>

#include "core/faq_paper.h"
#include "core/error.h"
#include "core/faq_answer.h"

namespace coolpapers::faq {

// Where a paper's FAQ in one language stands.
struct FaqStatus {
  enum class State {
    kNotAsked,  // nobody asked yet (GET answers 404)
    kQueued,    // waiting: `position` generations go first
    kRunning,   // `question_index` of `question_count` being answered (0-based)
    kAnswered,  // `answer` is set
    kFailed,    // every attempt failed; `error` says why (for the log and admins)
  };
  State state = State::kNotAsked;
  int64_t position = 0;
  int question_index = 0;
  int question_count = 0;
  bool reading_pdf = false;  // running, and still loading the paper's PDF: no question asked yet
  int attempts = 0;
  // The latest failure as the worker saw it: it may name the model's address or quote the
  // provider, so public answers show a reader's sentence instead (web/api/faq_json.h).
  std::string error;
  // A queued retry of a failed attempt is not claimed before this; nullopt when unknown.
  std::optional<std::chrono::system_clock::time_point> retry_at;
  std::optional<FaqAnswer> answer;
  // A newer arXiv version exists than the stored answer read: a reader may ask for fresh ones.
  int latest_version = 0;
};

// What a watcher hears while a generation runs, in order.
struct FaqEvent {
  enum class Kind {
    kStatus,    // `status` changed (queued position, running question index)
    kDelta,     // `text` was appended to the answer of question `question_index`
    kItemDone,  // question `question_index` finished: `text` is its checked answer (marks kept)
    kRestart,   // the generation restarts (an attempt failed): discard what was shown
    kFinished,  // done: `status` holds the stored answer or the failure
  };
  Kind kind = Kind::kStatus;
  int question_index = 0;
  std::string text;
  FaqStatus status;
};

// Unsubscribes when destroyed.
class FaqWatch {
 public:
  virtual ~FaqWatch() = default;
};

class FaqService {
 public:
  virtual ~FaqService() = default;

  // `id` is an arXiv paper or a venue paper (core/faq_paper.h); both take the same path.
  // The stored answer for `id` (the newest version answered when `id` has none) or the state of
  // its generation; never starts work (GET /api/faq). kNotFound for a paper the store lacks.
  [[nodiscard]] virtual Result<FaqStatus> Get(const FaqPaper& id, FaqLanguage language) = 0;

  // Returns the stored answer, or queues a generation (or joins the one queued or running) and
  // returns its state (POST /api/faq). `admin` goes first; otherwise papers first listed in the
  // last two days go before history (venue papers are history). `fresh` asks again for the paper's latest version when
  // the stored answer read an older one (the old answer is kept). kNotFound for a paper the
  // store lacks.
  [[nodiscard]] virtual Result<FaqStatus> Request(const FaqPaper& id, FaqLanguage language,
                                                  bool admin, bool fresh) = 0;

  // Calls `listener` (from the generating thread; must not block) with every event of the
  // generation for (id, language) from now on, first with a kStatus event of the current state
  // and, when the generation is running, the text produced so far as kDelta events. The watch
  // ends when the returned object is destroyed (safe from any thread, also from the listener).
  [[nodiscard]] virtual Result<std::unique_ptr<FaqWatch>> Watch(
      const FaqPaper& id, FaqLanguage language, std::function<void(const FaqEvent&)> listener) = 0;
};

}  // namespace coolpapers::faq

#endif  // COOLPAPERS_FAQ_FAQ_SERVICE_H_
