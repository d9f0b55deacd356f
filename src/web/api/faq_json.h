// The FAQ's JSON, /api/faq/<id> and the data of its server-sent events.
//
// Status: {"id":"2401.06769","lang":"en","state":"not_asked"|"queued"|"running"|"answered"|
//   "failed","position":3,"question":0,"questions":6,"attempts":1,"error":"",
//   "latest_version":2,"answer":null|{"id","version":1,"lang","model","extractive":false,
//   "created":"2025-05-14T20:00:00Z","items":[{"id":"problem","question":"...","answer":"...",
//   "pages":[1,3],"prompt_tokens":0,"completion_tokens":0}],"closing":"..."}}
// Answers are Markdown with TeX math, rendered and sanitised by the reader's browser.
#ifndef COOLPAPERS_WEB_API_FAQ_JSON_H_
#define COOLPAPERS_WEB_API_FAQ_JSON_H_

#include <string>
#include <string_view>

#include "core/arxiv_id.h"
#include "faq/faq_service.h"

namespace coolpapers::web {

std::string_view FaqStateName(faq::FaqStatus::State state);  // "queued", ...

// The status document above for the FAQ of `id` in `language`.
std::string RenderFaqStatusJson(const ArxivId& id, FaqLanguage language,
                                const faq::FaqStatus& status);

// One event of a generation as a server-sent event (web/sse_event.h): the event name is
// "status", "delta", "item", "restart" or "finished"; its data is the status document (status,
// finished), {"question":i,"text":"..."} (delta, item) or {} (restart).
std::string RenderFaqEvent(const ArxivId& id, FaqLanguage language, const faq::FaqEvent& event);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_API_FAQ_JSON_H_
