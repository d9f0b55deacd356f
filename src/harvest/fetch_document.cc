#include "harvest/fetch_document.h"

#include "core/quoted_text.h"

namespace coolpapers::harvest {

Result<std::string> FetchDocument(net::HttpClient& client, const std::string& url) {
  auto response = client.Get(url);
  if (!response) return std::unexpected(std::move(response.error()));
  const int status = response->status;
  if (status == 200 || status == 400) return std::move(response->body);
  const ErrorCode code = status == 429 || status >= 500 ? ErrorCode::kUnavailable
                         : status == 404                ? ErrorCode::kNotFound
                                                        : ErrorCode::kInvalidArgument;
  return Fail(code,
              "arXiv answered HTTP " + std::to_string(status) + " for " + QuoteForMessage(url) +
                  ": expected 200",
              response->body.substr(0, 200));
}

jobs::JobOutcome OutcomeOfFetch(const Error& error) {
  if (error.code == ErrorCode::kCorrupt) return jobs::JobOutcome::Retry(error.message);
  return jobs::OutcomeOf(error);
}

}  // namespace coolpapers::harvest
