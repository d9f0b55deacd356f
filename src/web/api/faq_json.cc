#include "web/api/faq_json.h"

#include <chrono>
#include <cstdio>

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

// "14:05 UTC"
std::string ClockTime(std::chrono::system_clock::time_point time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::hh_mm_ss clock(std::chrono::floor<std::chrono::minutes>(time - day));
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d UTC", static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()));
  return text;
}

json StatusJson(const FaqPaper& id, FaqLanguage language, const faq::FaqStatus& status,
                Audience audience) {
  json document = {{"id", id.str()},
          {"lang", FaqLanguageCode(language)},
          {"state", FaqStateName(status.state)},
          {"position", status.position},
          {"question", status.question_index},
          {"questions", status.question_count},
          {"reading_pdf", status.reading_pdf},
          {"attempts", status.attempts},
          {"error", PublicFaqError(status)},
          {"latest_version", status.latest_version},
          {"answer", status.answer ? AnswerJson(*status.answer) : json(nullptr)}};
  if (audience == Audience::kAdmin) document["detail"] = status.error;
  return document;
}

}  // namespace

std::string PublicFaqError(const faq::FaqStatus& status) {
  if (status.error.empty()) return {};
  if (status.state == faq::FaqStatus::State::kFailed) {
    return "the answer could not be generated; ask again later";
  }
  if (status.retry_at) return "the answer is unavailable for now; retrying at " + ClockTime(*status.retry_at);
  return "the answer is unavailable for now; retrying shortly";
}

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

std::string RenderFaqStatusJson(const FaqPaper& id, FaqLanguage language,
                                const faq::FaqStatus& status, Audience audience) {
  return DumpSafeJson(StatusJson(id, language, status, audience));
}

std::string RenderFaqEvent(const FaqPaper& id, FaqLanguage language, const faq::FaqEvent& event,
                           Audience audience) {
  using Kind = faq::FaqEvent::Kind;
  switch (event.kind) {
    case Kind::kStatus:
      return RenderSseEvent("status", DumpSafeJson(StatusJson(id, language, event.status, audience)));
    case Kind::kDelta:
      return RenderSseEvent(
          "delta", DumpSafeJson({{"question", event.question_index}, {"text", event.text}}));
    case Kind::kItemDone:
      return RenderSseEvent(
          "item", DumpSafeJson({{"question", event.question_index}, {"text", event.text}}));
    case Kind::kRestart:
      return RenderSseEvent("restart", "{}");
    case Kind::kFinished:
      return RenderSseEvent("finished", DumpSafeJson(StatusJson(id, language, event.status, audience)));
  }
  return {};
}

}  // namespace coolpapers::web
