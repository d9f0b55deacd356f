#include "harvest/api_enrichment.h"

#include <algorithm>

#include "harvest/fetch_document.h"
#include "ingest/arxiv_atom_parser.h"

namespace coolpapers::harvest {

std::string ApiQueryUrl(const std::string& api_url, std::span<const std::string> ids) {
  std::string url = api_url + "?id_list=";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) url += ',';
    url += ids[i];
  }
  // Without max_results the API pages at 10, and a longer id_list would lose its tail.
  return url + "&max_results=" + std::to_string(ids.size());
}

Result<std::unordered_map<std::string, Paper>> FetchApiPapers(net::HttpClient& client,
                                                              const std::string& api_url,
                                                              std::span<const std::string> ids,
                                                              int batch_size) {
  std::unordered_map<std::string, Paper> papers;
  const size_t step = static_cast<size_t>(std::max(1, batch_size));
  for (size_t start = 0; start < ids.size(); start += step) {
    const auto batch = ids.subspan(start, std::min(step, ids.size() - start));
    const std::string url = ApiQueryUrl(api_url, batch);
    auto body = FetchDocument(client, url);
    if (!body) return std::unexpected(std::move(body.error()));
    auto feed = ingest::ParseApiFeed(*body, url);
    if (!feed) return std::unexpected(std::move(feed.error()));
    for (Paper& paper : feed->papers) {
      const std::string id = paper.id;
      papers.insert_or_assign(id, std::move(paper));
    }
  }
  return papers;
}

}  // namespace coolpapers::harvest
