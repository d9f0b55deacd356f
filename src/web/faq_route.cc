// /api/faq/<id>: a paper's FAQ, an arXiv paper's or a venue paper's (<id>@<SOURCE>). GET reads
// what exists and never starts work, so crawlers cannot spend the model's budget; POST asks for
// it; /stream follows a generation as server-sent events. Bodies are the JSON of
// web/api/faq_json.h. The entries are in route_table.cc.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/arxiv_id.h"
#include "core/faq_paper.h"
#include "core/error.h"
#include "core/mutex.h"
#include "faq/faq_service.h"
#include "web/api/faq_json.h"
#include "web/http_message.h"
#include "web/http_status.h"
#include "web/route_context.h"
#include "web/router.h"

namespace coolpapers::web {
namespace {

using State = faq::FaqStatus::State;

constexpr std::string_view kFaqPrefix = "/api/faq/";
constexpr std::string_view kStreamSuffix = "/stream";

// The paper of a FAQ path: an arXiv paper in route.ids, its version kept when given, or a
// venue paper ("2024.naacl-long.431@ACL", the '@' plain or as %40) spelled canonically in
// route.params, as /pdf/ keeps it. Errors: FaqPaper::Parse's.
Result<Route> FaqRoute(std::string_view subject, Route route) {
  Result<FaqPaper> paper = FaqPaper::Parse(subject);
  if (!paper) return std::unexpected(paper.error());
  if (paper->is_venue()) {
    route.params.push_back(paper->str());
  } else {
    route.ids.push_back(paper->arxiv());
  }
  return route;
}

// The paper FaqRoute put in the route.
FaqPaper FaqPaperOf(const Route& route) {
  if (!route.params.empty()) return FaqPaper(ParseVenuePaperId(route.params.front()).value());
  return route.ids.front();
}

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

Audience AudienceOf(const RouteContext& context) {
  return context.admin ? Audience::kAdmin : Audience::kPublic;
}

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

// /api/faq/<id>/stream (before /api/faq/<id>, which would read "<id>/stream" as the id).
std::optional<Result<Route>> ParseFaqStream(const RouteTarget& target, Route route) {
  if (!target.path.starts_with(kFaqPrefix) || !target.path.ends_with(kStreamSuffix) ||
      target.path.size() < kFaqPrefix.size() + kStreamSuffix.size()) {
    return std::nullopt;
  }
  std::string_view subject = target.path.substr(kFaqPrefix.size());
  subject.remove_suffix(kStreamSuffix.size());
  return FaqRoute(subject, std::move(route));
}

// /api/faq/<id>.
std::optional<Result<Route>> ParseFaq(const RouteTarget& target, Route route) {
  if (!target.path.starts_with(kFaqPrefix)) return std::nullopt;
  return FaqRoute(target.path.substr(kFaqPrefix.size()), std::move(route));
}

// GET: 200 with the stored answer, 202 with the generation's state while queued or running, 200
// with state "failed" and the error when every attempt failed, 404 with state "not_asked" when
// nobody asked yet. POST: 200 with the stored answer, otherwise 202 with the state of the
// generation it queued or joined (an admin reader jumps the queue). 404 error JSON for a paper
// the store lacks; 503 when services.faq is null (the instance offers no FAQ). Never an Error:
// every failure is answered here, as JSON.
Result<Response> HandleFaq(const RouteContext& context) {
  faq::FaqService* faq = context.services.faq;
  if (faq == nullptr) return Unavailable();
  const Route& route = context.route;
  const FaqPaper id = FaqPaperOf(route);
  Result<faq::FaqStatus> status =
      context.post ? faq->Request(id, route.language, context.admin, route.fresh)
                   : faq->Get(id, route.language);
  if (!status) return MakeErrorResponse(status.error(), ErrorFormat::kJson);
  Response response;
  response.status = StatusCodeFor(status->state);
  response.content_type = kJsonType;
  response.body =
      std::make_shared<const std::string>(RenderFaqStatusJson(id, route.language, *status, AudienceOf(context)));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// text/event-stream of the generation for route.ids[0] in route.language: a "status" event
// first, then "delta", "item", "restart" events while it runs, and "finished" with the stored
// answer or the failure; the stream ends after "finished", or at once after the first status
// when nothing runs (answered, failed, or never asked: POST first). Error JSON (404, 503)
// instead of a stream for an unknown paper or without a FAQ service. services.faq must outlive
// the streams it serves.
Result<Response> HandleFaqStream(const RouteContext& context) {
  faq::FaqService* faq = context.services.faq;
  if (faq == nullptr) return Unavailable();
  const Route& route = context.route;
  const FaqPaper id = FaqPaperOf(route);
  const FaqLanguage language = route.language;
  // Checked before the stream starts, so an unknown paper is a plain 404.
  if (Result<faq::FaqStatus> status = faq->Get(id, language); !status) {
    return MakeErrorResponse(status.error(), ErrorFormat::kJson);
  }
  Response response;
  if (context.faq_watchers != nullptr) {
    Result<std::shared_ptr<void>> place = context.faq_watchers->Acquire(
        context.client, id.str() + "/" + std::string(FaqLanguageCode(language)));
    if (!place) {
      Response refused = MakeErrorResponse(429, "too_many_streams", place.error().message,
                                           ErrorFormat::kJson);
      refused.headers.emplace_back("Retry-After", "60");
      return refused;
    }
    response.stream_hold = *std::move(place);
  }
  response.content_type = kEventStreamType;
  response.headers.emplace_back("Cache-Control", "no-store");
  const Audience audience = AudienceOf(context);
  // Comments are ignored by EventSource; they keep proxies from closing a quiet stream.
  response.stream_heartbeat = ": keep-alive\n\n";
  response.stream = [faq, id, language, audience](std::shared_ptr<StreamWriter> writer) {
    auto kept = std::make_shared<StreamWatch>();
    Result<std::unique_ptr<faq::FaqWatch>> watch =
        faq->Watch(id, language, [writer, kept, id, language, audience](const faq::FaqEvent& event) {
          const bool written = writer->Write(RenderFaqEvent(id, language, event, audience));
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
      writer->Write(RenderFaqEvent(id, language, failure, audience));
      writer->Close();
      return;
    }
    kept->Keep(*std::move(watch));
  };
  return response;
}

}  // namespace coolpapers::web
