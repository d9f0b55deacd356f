// /api/translations/<ids>: titles and abstracts in Chinese, for the reader's translate setting.
// GET reads what is stored and never starts work; POST also asks for the missing ones. The body:
//   {"translations": {"2401.06769": {"version": 2, "title": "...", "abstract": "...",
//                                    "model": "..."}},
//    "pending": ["2401.00001"], "failed": {"2401.00002": "the model's reply ..."}}
// Papers the store lacks are left out.
#ifndef COOLPAPERS_WEB_TRANSLATION_ROUTE_H_
#define COOLPAPERS_WEB_TRANSLATION_ROUTE_H_

#include "translate/translation_service.h"
#include "web/http_message.h"
#include "web/router.h"

namespace coolpapers::web {

// 200 with the body above; 503 error JSON when `translations` is null (no translation service
// configured); the service's errors as error JSON. Never cached (`admin`: the reader sent the
// magic token, so its requests go first).
Response TranslationsResponse(translate::TranslationService* translations, const Route& route, bool post,
                              bool admin);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_TRANSLATION_ROUTE_H_
