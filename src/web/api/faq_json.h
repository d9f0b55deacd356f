// The FAQ's JSON, /api/faq/<id> and the data of its server-sent events.
//
// Status: {"id":"2401.06769","lang":"en","state":"not_asked"|"queued"|"running"|"answered"|
//   "failed","position":3,"question":0,"questions":6,"attempts":1,"error":"",["detail":"",]
//   "latest_version":2,"answer":null|{"id","version":1,"lang","model","extractive":false,
//   "created":"2025-05-14T20:00:00Z","items":[{"id":"problem","question":"...","answer":"...",
//   "pages":[1,3],"prompt_tokens":0,"completion_tokens":0}],"closing":"..."}}
// Answers are Markdown with TeX math, rendered and sanitised by the reader's browser.
// "error" is a reader's sentence ("the answer is unavailable for now; retrying at 14:05 UTC"),
// never the worker's error, which may name the model's address or quote the provider (issue
// #18 finding 9); that goes to the log, and to admins as "detail".
#ifndef COOLPAPERS_WEB_API_FAQ_JSON_H_
#define COOLPAPERS_WEB_API_FAQ_JSON_H_

#include <string>
#include <string_view>

#include "core/faq_paper.h"
#include "faq/faq_service.h"

namespace coolpapers::web {

std::string_view FaqStateName(faq::FaqStatus::State state);  // "queued", ...

// What a reader is told of status.error: "" when there is none; "the answer is unavailable for
// now; retrying at 14:05 UTC" while a retry waits (or "retrying shortly" when its time is
// unknown); "the answer could not be generated; ask again later" once every attempt failed.
std::string PublicFaqError(const faq::FaqStatus& status);

// Who reads a document: admins (the magic token) also get the worker's error as "detail".
enum class Audience { kPublic, kAdmin };

// The status document above for the FAQ of `id` in `language`.
std::string RenderFaqStatusJson(const FaqPaper& id, FaqLanguage language,
                                const faq::FaqStatus& status, Audience audience);

// One event of a generation as a server-sent event (web/sse_event.h): the event name is
// "status", "delta", "item", "restart" or "finished"; its data is the status document (status,
// finished), {"question":i,"text":"..."} (delta, item) or {} (restart).
std::string RenderFaqEvent(const FaqPaper& id, FaqLanguage language, const faq::FaqEvent& event,
                           Audience audience);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_API_FAQ_JSON_H_
