// The one way the harvester reads a document from arXiv: GET, then a status check that turns
// an HTTP failure into an Error naming the URL.
#ifndef COOLPAPERS_HARVEST_FETCH_DOCUMENT_H_
#define COOLPAPERS_HARVEST_FETCH_DOCUMENT_H_

#include <string>

#include "core/error.h"
#include "jobs/job_outcome.h"
#include "net/http_client.h"

namespace coolpapers::harvest {

// The body of `url` when arXiv answers 200, or 400 (the export API explains a bad request in
// an Atom error entry, which the parser turns into kInvalidArgument). Errors: the client's
// (kTimeout, kUnavailable), kUnavailable for 429 and 5xx, kNotFound for 404, kInvalidArgument
// for other statuses; each names the URL and the status. Thread-safe when `client` is.
[[nodiscard]] Result<std::string> FetchDocument(net::HttpClient& client, const std::string& url);

// What a job does after a failed fetch: like jobs::OutcomeOf, except that a malformed or
// truncated document (kCorrupt) is retried, since arXiv serves cut-off answers at times and the
// next one is usually whole.
jobs::JobOutcome OutcomeOfFetch(const Error& error);

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_FETCH_DOCUMENT_H_
