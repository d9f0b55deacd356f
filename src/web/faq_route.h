// /api/faq/<id>: a paper's FAQ. GET reads what exists and never starts work, so crawlers cannot
// spend the model's budget; POST asks for it; /stream follows a generation as server-sent
// events. Bodies are the JSON of web/api/faq_json.h.
#ifndef COOLPAPERS_WEB_FAQ_ROUTE_H_
#define COOLPAPERS_WEB_FAQ_ROUTE_H_

#include "faq/faq_service.h"
#include "core/error.h"
#include "web/http_message.h"
#include "web/route_context.h"

namespace coolpapers::web {

// GET: 200 with the stored answer, 202 with the generation's state while queued
// or running, 200 with state "failed" and the error when every attempt failed, 404 with state
// "not_asked" when nobody asked yet. POST: 200 with the stored answer, otherwise 202 with the
// state of the generation it queued or joined (an admin reader jumps the queue).
// 404 error JSON for a paper the store lacks; 503 when services.faq is null (the instance offers
// no FAQ). Never an Error: every failure is answered here, as JSON.
[[nodiscard]] Result<Response> HandleFaq(const RouteContext& context);

// text/event-stream of the generation for route.ids[0] in route.language: a "status" event
// first, then "delta", "item", "restart" events while it runs, and "finished" with the stored
// answer or the failure; the stream ends after "finished", or at once after the first status
// when nothing runs (answered, failed, or never asked: POST first). Error JSON (404, 503)
// instead of a stream for an unknown paper or without a FAQ service. services.faq must outlive
// the streams it serves.
[[nodiscard]] Result<Response> HandleFaqStream(const RouteContext& context);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_FAQ_ROUTE_H_
