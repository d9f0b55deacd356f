// /api/translations/<ids>: titles and abstracts in Chinese, for the reader's translate setting.
// GET reads what is stored and never starts work; POST also asks for the missing ones. The body:
//   {"translations": {"2401.06769": {"version": 2, "title": "...", "abstract": "...",
//                                    "model": "..."}},
//    "pending": ["2401.00001"], "failed": {"2401.00002": "the model's reply ..."}}
// Papers the store lacks are left out. The entry is in route_table.cc.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "translate/translation_service.h"
#include "web/api/json_dump.h"
#include "web/http_status.h"
#include "web/route_context.h"

namespace coolpapers::web {

// /api/translations/<ids>, 1..200 ids, canonicalised in place (not redirected: a POST must not
// be sent elsewhere). Errors: ParseIds's.
std::optional<Result<Route>> ParseTranslations(const RouteTarget& target, Route route) {
  constexpr std::string_view kTranslations = "/api/translations/";
  if (!target.path.starts_with(kTranslations)) return std::nullopt;
  Result<std::string> ids = ParseIds(target.path.substr(kTranslations.size()), route);
  if (!ids) return std::unexpected(ids.error());
  return route;
}

// 200 with the body above; 404 error JSON saying why when services.translations is null
// (translations are off here: nothing to wait for, unlike a 503; issue #18 finding 10); the
// service's errors as error JSON, never as an Error. Never cached (an
// admin reader's requests go first).
Result<Response> HandleTranslations(const RouteContext& context) {
  translate::TranslationService* translations = context.services.translations;
  if (translations == nullptr) {
    return MakeErrorResponse(404, "not_found",
                             "this instance does not translate papers: translations are off "
                             "(the operator's [translate] enabled setting)",
                             ErrorFormat::kJson);
  }
  std::vector<std::string> ids;
  for (const ArxivId& id : context.route.ids) ids.push_back(id.str());
  Result<translate::TranslationBatch> batch =
      context.post ? translations->Request(ids, context.admin) : translations->Get(ids);
  if (!batch) return MakeErrorResponse(batch.error(), ErrorFormat::kJson);

  nlohmann::json done = nlohmann::json::object();
  for (const PaperTranslation& translation : batch->translations) {
    done[translation.paper_id] = {{"version", translation.version},
                                  {"title", translation.title},
                                  {"abstract", translation.abstract},
                                  {"model", translation.model}};
  }
  nlohmann::json failed = nlohmann::json::object();
  for (const auto& [paper_id, reason] : batch->failed) failed[paper_id] = reason;
  Response response;
  response.content_type = kJsonType;
  response.body = std::make_shared<const std::string>(DumpSafeJson(
      {{"translations", std::move(done)}, {"pending", batch->pending}, {"failed", std::move(failed)}}));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace coolpapers::web
