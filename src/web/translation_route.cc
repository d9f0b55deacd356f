#include "web/translation_route.h"

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "web/api/json_dump.h"
#include "web/http_status.h"

namespace coolpapers::web {

Result<Response> HandleTranslations(const RouteContext& context) {
  translate::TranslationService* translations = context.services.translations;
  if (translations == nullptr) {
    return MakeErrorResponse(503, "unavailable", "this instance does not translate papers",
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
