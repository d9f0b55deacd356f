#include "web/faq_route.h"

#include <memory>
#include <string>
#include <utility>

#include "core/mutex.h"
#include "web/api/faq_json.h"
#include "web/http_status.h"

namespace coolpapers::web {
namespace {

using State = faq::FaqStatus::State;

Response Unavailable() {
  return MakeErrorResponse(503, "unavailable", "this instance does not offer the FAQ",
                           ErrorFormat::kJson);
}

int StatusCodeFor(State state) {
  switch (state) {
    case State::kAnswered:
    case State::kFailed:
      return 200;
    case State::kNotAsked:
      return 404;
    case State::kQueued:
    case State::kRunning:
      return 202;
  }
  return 500;
}

bool Settled(State state) { return state != State::kQueued && state != State::kRunning; }

// Keeps a stream's watch alive until the stream ends. The first status event can arrive
// inside Watch(), before the watch is handed over: `ended` remembers that the stream already
// ended so the watch is dropped as soon as it arrives.
class StreamWatch {
 public:
  void Keep(std::unique_ptr<faq::FaqWatch> watch) {
    MutexLock lock(&mutex_);
    if (ended_) {
      lock.Unlock();
      watch.reset();
      return;
    }
    watch_ = std::move(watch);
  }
  void End() {
    std::unique_ptr<faq::FaqWatch> watch;
    {
      MutexLock lock(&mutex_);
      ended_ = true;
      watch = std::move(watch_);
    }
    // Destroyed outside the lock: ending a watch may wait for the service's own lock.
  }

 private:
  Mutex mutex_;
  bool ended_ GUARDED_BY(mutex_) = false;
  std::unique_ptr<faq::FaqWatch> watch_ GUARDED_BY(mutex_);
};

}  // namespace

Result<Response> HandleFaq(const RouteContext& context) {
  faq::FaqService* faq = context.services.faq;
  if (faq == nullptr) return Unavailable();
  const Route& route = context.route;
  const ArxivId& id = route.ids.front();
  Result<faq::FaqStatus> status =
      context.post ? faq->Request(id, route.language, context.admin, route.fresh)
                   : faq->Get(id, route.language);
  if (!status) return MakeErrorResponse(status.error(), ErrorFormat::kJson);
  Response response;
  response.status = StatusCodeFor(status->state);
  response.content_type = kJsonType;
  response.body =
      std::make_shared<const std::string>(RenderFaqStatusJson(id, route.language, *status));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Result<Response> HandleFaqStream(const RouteContext& context) {
  faq::FaqService* faq = context.services.faq;
  if (faq == nullptr) return Unavailable();
  const Route& route = context.route;
  const ArxivId id = route.ids.front();
  const FaqLanguage language = route.language;
  // Checked before the stream starts, so an unknown paper is a plain 404.
  if (Result<faq::FaqStatus> status = faq->Get(id, language); !status) {
    return MakeErrorResponse(status.error(), ErrorFormat::kJson);
  }
  Response response;
  response.content_type = kEventStreamType;
  response.headers.emplace_back("Cache-Control", "no-store");
  response.stream = [faq, id, language](std::shared_ptr<StreamWriter> writer) {
    auto kept = std::make_shared<StreamWatch>();
    Result<std::unique_ptr<faq::FaqWatch>> watch =
        faq->Watch(id, language, [writer, kept, id, language](const faq::FaqEvent& event) {
          const bool written = writer->Write(RenderFaqEvent(id, language, event));
          const bool over = event.kind == faq::FaqEvent::Kind::kFinished ||
                            (event.kind == faq::FaqEvent::Kind::kStatus &&
                             Settled(event.status.state));
          // A reader who left (written false) stops the watch at the next event.
          if (!written || over) {
            writer->Close();
            kept->End();
          }
        });
    if (!watch) {
      faq::FaqEvent failure;
      failure.kind = faq::FaqEvent::Kind::kFinished;
      failure.status.state = State::kFailed;
      failure.status.error = watch.error().message;
      writer->Write(RenderFaqEvent(id, language, failure));
      writer->Close();
      return;
    }
    kept->Keep(*std::move(watch));
  };
  return response;
}

}  // namespace coolpapers::web
