#include "web/api/faq_json.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "core/timestamp.h"
#include "web/api/json_dump.h"
#include "web/sse_event.h"

namespace coolpapers::web {
namespace {

using nlohmann::json;

json AnswerJson(const FaqAnswer& answer) {
  json items = json::array();
  for (const FaqItem& item : answer.items) {
    items.push_back({{"id", item.question_id},
                     {"question", item.question},
                     {"answer", item.answer},
                     {"pages", item.pages},
                     {"prompt_tokens", item.prompt_tokens},
                     {"completion_tokens", item.completion_tokens}});
  }
  return {{"id", answer.paper_id},
          {"version", answer.version},
          {"lang", FaqLanguageCode(answer.language)},
          {"model", answer.model},
          {"extractive", answer.extractive},
          {"created", FormatRfc3339(std::chrono::time_point_cast<std::chrono::milliseconds>(
                          answer.created))},
          {"items", std::move(items)},
          {"closing", answer.closing}};
}

json StatusJson(const ArxivId& id, FaqLanguage language, const faq::FaqStatus& status) {
  return {{"id", id.str()},
          {"lang", FaqLanguageCode(language)},
          {"state", FaqStateName(status.state)},
          {"position", status.position},
          {"question", status.question_index},
          {"questions", status.question_count},
          {"reading_pdf", status.reading_pdf},
          {"attempts", status.attempts},
          {"error", status.error},
          {"latest_version", status.latest_version},
          {"answer", status.answer ? AnswerJson(*status.answer) : json(nullptr)}};
}

}  // namespace

std::string_view FaqStateName(faq::FaqStatus::State state) {
  using State = faq::FaqStatus::State;
  switch (state) {
    case State::kNotAsked: return "not_asked";
    case State::kQueued: return "queued";
    case State::kRunning: return "running";
    case State::kAnswered: return "answered";
    case State::kFailed: return "failed";
  }
  return "unknown";
}

std::string RenderFaqStatusJson(const ArxivId& id, FaqLanguage language,
                                const faq::FaqStatus& status) {
  return DumpSafeJson(StatusJson(id, language, status));
}

std::string RenderFaqEvent(const ArxivId& id, FaqLanguage language, const faq::FaqEvent& event) {
  using Kind = faq::FaqEvent::Kind;
  switch (event.kind) {
    case Kind::kStatus:
      return RenderSseEvent("status", DumpSafeJson(StatusJson(id, language, event.status)));
    case Kind::kDelta:
      return RenderSseEvent(
          "delta", DumpSafeJson({{"question", event.question_index}, {"text", event.text}}));
    case Kind::kItemDone:
      return RenderSseEvent(
          "item", DumpSafeJson({{"question", event.question_index}, {"text", event.text}}));
    case Kind::kRestart:
      return RenderSseEvent("restart", "{}");
    case Kind::kFinished:
      return RenderSseEvent("finished", DumpSafeJson(StatusJson(id, language, event.status)));
  }
  return {};
}

}  // namespace coolpapers::web
