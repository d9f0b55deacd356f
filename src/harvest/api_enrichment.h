// Reads papers by id from arXiv's export API in batches: <api_url>?id_list=a,b,c&max_results=N,
// the metadata an announcement feed lacks (comments, journal-ref, DOI, version dates).
#ifndef COOLPAPERS_HARVEST_API_ENRICHMENT_H_
#define COOLPAPERS_HARVEST_API_ENRICHMENT_H_

#include <span>
#include <string>
#include <unordered_map>

#include "core/error.h"
#include "core/paper.h"
#include "net/http_client.h"

namespace coolpapers::harvest {

// "https://export.arxiv.org/api/query?id_list=2508.13167,2508.13171&max_results=2".
std::string ApiQueryUrl(const std::string& api_url, std::span<const std::string> ids);

// The papers the API describes, by canonical id, asking for `ids` (canonical, without version)
// `batch_size` at a time in the order given. An id the API does not know (or not yet: it lags
// the announcement) is simply absent. Errors: FetchDocument's and the parser's, for the first
// batch that failed; nothing is returned for the others. Thread-safe when `client` is.
[[nodiscard]] Result<std::unordered_map<std::string, Paper>> FetchApiPapers(
    net::HttpClient& client, const std::string& api_url, std::span<const std::string> ids,
    int batch_size);

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_API_ENRICHMENT_H_
