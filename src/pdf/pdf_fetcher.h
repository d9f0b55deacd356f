// Paper PDFs from arXiv (or a configured mirror) through the process's polite HTTP client, kept
// in the PdfCache. Downloads run as jobs of kind pdf in the persistent queue:
//   "pdf:<id>v<version>"  download one version's PDF into the cache (the reader's /pdf/<id>,
//                         and later the FAQ's full text); a version arXiv has no PDF of ends
//                         done with the result "not found".
//   "pdf:<venue id>"      a venue paper's PDF ("pdf:2024.naacl-long.431@ACL"), from the PDF URL
//                         the venue store keeps for it, only from its source's own site
//                         (venue_pdf_hosts.h); once EnableVenues was called.
// Mirrors the harvester's "paper:<id>" jobs (harvest/harvester.h).
#ifndef COOLPAPERS_PDF_PDF_FETCHER_H_
#define COOLPAPERS_PDF_PDF_FETCHER_H_

#include <chrono>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>

#include "core/arxiv_id.h"
#include "core/error.h"
#include "core/venue.h"
#include "pdf/pdf_cache.h"
#include "pdf/venue_pdf_hosts.h"
#include "jobs/worker_pool.h"
#include "net/http_client.h"
#include "store/job_queue.h"
#include "store/venue_store.h"

namespace coolpapers::pdf {

// arXiv's PDF of one version; {id} and {version} are replaced ("hep-th/9901001", "1").
inline constexpr std::string_view kDefaultPdfSource = "https://arxiv.org/pdf/{id}v{version}";

// The results of a finished pdf job.
inline constexpr std::string_view kPdfCachedResult = "cached";
inline constexpr std::string_view kPdfNotFoundResult = "not found";   // arXiv has no PDF of it
inline constexpr std::string_view kPdfTooLargeResult = "too large";   // more than the cache holds

// When a reader asks again for a PDF whose download finished badly, it is tried again after
// this long: a failure (arXiv unreachable after every attempt) after 10 minutes, "not found"
// after a day (arXiv serves a fresh version's PDF a little after announcing it).
inline constexpr std::chrono::minutes kRetryFailedPdfAfter{10};
inline constexpr std::chrono::hours kRetryMissingPdfAfter{24};

// "pdf:2401.06769v2". `id` must carry a version.
std::string PdfJobKey(const ArxivId& id);
// "pdf:2024.naacl-long.431@ACL".
std::string VenuePdfJobKey(const VenuePaperId& id);

// The URL of `id`'s PDF under `source` (see kDefaultPdfSource). Errors: kInvalidArgument when
// `id` has no version, or when `source` lacks "{id}" or is not an http(s) URL. Pure.
[[nodiscard]] Result<std::string> MakePdfUrl(std::string_view source, const ArxivId& id);

class PdfFetcher {
 public:
  // Everything passed must outlive the fetcher. `client` should be the process's polite client
  // (arXiv's per-host politeness is shared by every request of the process).
  PdfFetcher(PdfCache& cache, net::HttpClient& client, store::JobQueue& queue,
             std::string source = std::string(kDefaultPdfSource));

  // The PDF of `id` (versioned: "2401.06769v2") from the cache, or downloaded from the source,
  // checked to be a PDF (it starts with "%PDF") and cached (unless larger than the whole
  // cache: then it is still returned). Errors, each naming the id: kInvalidArgument for an id
  // without version; kNotFound when the source answers 404, or answers something that is not a
  // PDF (arXiv's HTML page for a withdrawn or unknown paper); kUnavailable for 429/5xx and
  // other statuses, kTimeout or kUnavailable from the client; kUnavailable when `stop` is set
  // before the download (nothing is fetched). Thread-safe.
  [[nodiscard]] Result<std::string> Load(const ArxivId& id, std::stop_token stop = {});

  // Serves venue papers' PDFs too: their URLs read from `venues`, fetched only from `allow`.
  // Call before any job runs or request arrives; `venues` must outlive the fetcher.
  void EnableVenues(store::VenueStore& venues,
                    VenuePdfAllowList allow = DefaultVenuePdfAllowList());

  // The PDF of the venue paper `id` (its canonical id, the one the store shows it under) from
  // the cache, or downloaded from its stored PDF URL, checked and cached as Load does. Errors,
  // each naming the paper: kNotFound when venues are not enabled, the store lacks the paper or
  // its PDF URL, the URL is not on the allow-list (nothing is fetched), or the source answers
  // 404 or something that is not a PDF; otherwise as Load. Thread-safe.
  [[nodiscard]] Result<std::string> LoadVenue(const VenuePaperId& id, std::stop_token stop = {});

  // The handler of the pdf worker pool: runs one "pdf:<id>vN" job through Load, or one
  // "pdf:<venue id>" through LoadVenue. Done with
  // kPdfCachedResult, kPdfNotFoundResult or kPdfTooLargeResult; kRetry for what can succeed
  // later (kUnavailable, kTimeout); kFail otherwise (a malformed key). Thread-safe.
  jobs::JobOutcome RunJob(const store::Job& job, const jobs::JobContext& context);

  // Queues the download of `id` (versioned) at `priority`, or finds the job already asked for.
  // A finished job is queued again when its PDF has left the cache since (evicted), when it
  // failed more than kRetryFailedPdfAfter ago, or found nothing more than
  // kRetryMissingPdfAfter ago. Returns the job, for its state and queue position. Errors: the
  // queue's; kInvalidArgument for an id without version. Thread-safe.
  [[nodiscard]] Result<store::Job> RequestPdf(const ArxivId& id, store::JobPriority priority,
                                              store::JobTime now);

  // RequestPdf for a venue paper (canonical id), after checking what LoadVenue checks before
  // downloading: kNotFound, queueing nothing, for a paper it would refuse. Thread-safe.
  [[nodiscard]] Result<store::Job> RequestVenuePdf(const VenuePaperId& id,
                                                   store::JobPriority priority, store::JobTime now);

  PdfCache& cache() { return cache_; }

 private:
  // The body of `url` when it is a PDF. `what` names it in messages ("PDF of 2401.06769v2"),
  // `publisher` says who lacks it ("arXiv"). Errors as Load's.
  Result<std::string> Download(const std::string& url, const std::string& what,
                               std::string_view publisher, std::stop_token stop);
  // The venue paper `id`'s PDF URL, checked against the allow-list (LoadVenue's errors).
  Result<std::string> VenuePdfUrl(const VenuePaperId& id);
  // Queues `spec`, or finds it; a finished job again as RequestPdf says. `cached` tells
  // whether its PDF is (still) in the cache.
  Result<store::Job> Request(const store::JobSpec& spec, store::JobTime now,
                             const std::function<bool()>& cached);

  PdfCache& cache_;
  net::HttpClient& client_;
  store::JobQueue& queue_;
  const std::string source_;
  store::VenueStore* venues_ = nullptr;
  VenuePdfAllowList venue_allow_;
};

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_PDF_FETCHER_H_
