// /api/translations/<ids>: titles and abstracts in Chinese, for the reader's translate setting.
// GET reads what is stored and never starts work; POST also asks for the missing ones. The body:
//   {"translations": {"2401.06769": {"version": 2, "title": "...", "abstract": "...",
//                                    "model": "..."}},
//    "pending": ["2401.00001"], "failed": {"2401.00002": "the model's reply ..."}}
// Papers the store lacks are left out.
#ifndef COOLPAPERS_WEB_TRANSLATION_ROUTE_H_
#define COOLPAPERS_WEB_TRANSLATION_ROUTE_H_

#include "core/error.h"
#include "translate/translation_service.h"
#include "web/http_message.h"
#include "web/route_context.h"

namespace coolpapers::web {

// 200 with the body above; 503 error JSON when services.translations is null (no translation
// service configured); the service's errors as error JSON, never as an Error. Never cached (an
// admin reader's requests go first).
[[nodiscard]] Result<Response> HandleTranslations(const RouteContext& context);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_TRANSLATION_ROUTE_H_
