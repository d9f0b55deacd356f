#include "pdf/pdf_fetcher.h"

#include <cstdio>
#include <functional>
#include <span>
#include <string>
#include <vector>
#include <utility>

#include "core/quoted_text.h"

namespace coolpapers::pdf {
namespace {

constexpr std::string_view kKeyPrefix = "pdf:";

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

Result<void> CheckVersioned(const ArxivId& id) {
  if (id.version() > 0) return {};
  return Fail(ErrorCode::kInvalidArgument,
              "no version in arXiv id \"" + id.str() + "\": a PDF is fetched per version, e.g. " +
                  id.str() + "v1");
}

}  // namespace

std::string PdfJobKey(const ArxivId& id) {
  return std::string(kKeyPrefix) + id.WithVersion();
}

std::string VenuePdfJobKey(const VenuePaperId& id) { return std::string(kKeyPrefix) + id.ToString(); }

Result<std::string> MakePdfUrl(std::string_view source, const ArxivId& id) {
  if (Result<void> versioned = CheckVersioned(id); !versioned) {
    return std::unexpected(versioned.error());
  }
  if (!(source.starts_with("https://") || source.starts_with("http://")) ||
      source.find("{id}") == std::string_view::npos) {
    return Fail(ErrorCode::kInvalidArgument,
                "invalid PDF source " + QuoteForMessage(source) +
                    ": expected an http(s) URL with {id} (and usually {version}), like \"" +
                    std::string(kDefaultPdfSource) + "\"");
  }
  std::string url(source);
  ReplaceAll(url, "{id}", id.str());
  ReplaceAll(url, "{version}", std::to_string(id.version()));
  return url;
}

PdfFetcher::PdfFetcher(PdfCache& cache, net::HttpClient& client, store::JobQueue& queue,
                       std::string source)
    : cache_(cache), client_(client), queue_(queue), source_(std::move(source)) {}

Result<std::string> PdfFetcher::Load(const ArxivId& id, std::stop_token stop) {
  if (Result<void> versioned = CheckVersioned(id); !versioned) {
    return std::unexpected(versioned.error());
  }
  Result<std::string> cached = cache_.Read(id);
  if (cached || cached.error().code != ErrorCode::kNotFound) return cached;

  Result<std::string> url = MakePdfUrl(source_, id);
  if (!url) return url;
  const std::string name = "the PDF of " + id.WithVersion();
  Result<std::string> pdf = Download(*url, "PDF of " + id.WithVersion(), "arXiv", stop);
  if (!pdf) return pdf;
  Result<bool> stored = cache_.Put(id, *pdf);
  // The reader still gets the PDF when the cache cannot keep it; the log learns why.
  if (!stored) {
    std::fprintf(stderr, "coolpapers: cannot cache %s: %s (%s)\n", name.c_str(),
                 stored.error().message.c_str(), stored.error().detail.c_str());
  }
  return pdf;
}

Result<std::string> PdfFetcher::Download(const std::string& url, const std::string& what,
                                         std::string_view publisher, std::stop_token stop) {
  if (stop.stop_requested()) {
    return Fail(ErrorCode::kUnavailable,
                "the download of the " + what + " was stopped before it began");
  }
  Result<net::HttpResponse> response = client_.Get(url);
  if (!response) return std::unexpected(std::move(response.error()));
  const int status = response->status;
  if (status == 404 || status == 410) {
    return Fail(ErrorCode::kNotFound,
                std::string(publisher) + " has no " + what + " (HTTP " +
                    std::to_string(status) + " for " + QuoteForMessage(url) + ")");
  }
  if (status != 200) {
    return Fail(ErrorCode::kUnavailable,
                "could not download the " + what + ": HTTP " + std::to_string(status) + " for " +
                    QuoteForMessage(url) + ", expected 200",
                response->body.substr(0, 200));
  }
  // arXiv answers 200 with an HTML page for a withdrawn paper or a version it does not have.
  if (!response->body.starts_with("%PDF")) {
    const std::string_view type = response->Header("content-type");
    return Fail(ErrorCode::kNotFound,
                std::string(publisher) + " has no " + what + ": " +
                    QuoteForMessage(url) + " answered " +
                    (type.empty() ? std::string("something else") : std::string(type)) +
                    " (the paper may be withdrawn), expected a PDF",
                response->body.substr(0, 200));
  }
  return std::move(response->body);
}

void PdfFetcher::EnableVenues(store::VenueStore& venues, VenuePdfAllowList allow) {
  venues_ = &venues;
  venue_allow_ = std::move(allow);
}

Result<std::string> PdfFetcher::VenuePdfUrl(const VenuePaperId& id) {
  const std::string text = id.ToString();
  if (venues_ == nullptr) {
    return Fail(ErrorCode::kNotFound, "this instance does not serve venue papers' PDFs");
  }
  Result<std::vector<VenuePaper>> papers =
      venues_->VenuePapersByIds(std::span<const std::string>(&text, 1));
  if (!papers) return std::unexpected(papers.error());
  if (papers->empty()) return Fail(ErrorCode::kNotFound, "no venue paper " + text + " here");
  const VenuePaper& paper = papers->front();
  if (paper.pdf_url.empty()) {
    return Fail(ErrorCode::kNotFound, "the source of venue paper " + text + " gives no PDF");
  }
  if (Result<void> allowed = CheckVenuePdfUrl(venue_allow_, paper.id.source, paper.pdf_url);
      !allowed) {
    return std::unexpected(allowed.error());
  }
  return paper.pdf_url;
}

Result<std::string> PdfFetcher::LoadVenue(const VenuePaperId& id, std::stop_token stop) {
  Result<std::string> cached = cache_.Read(id);
  if (cached || cached.error().code != ErrorCode::kNotFound) return cached;
  Result<std::string> url = VenuePdfUrl(id);
  if (!url) return url;
  const std::string what = "PDF of " + id.ToString();
  Result<std::string> pdf = Download(*url, what, std::string(VenueSourceName(id.source)), stop);
  if (!pdf) return pdf;
  Result<bool> stored = cache_.Put(id, *pdf);
  if (!stored) {
    std::fprintf(stderr, "coolpapers: cannot cache the %s: %s (%s)\n", what.c_str(),
                 stored.error().message.c_str(), stored.error().detail.c_str());
  }
  return pdf;
}

jobs::JobOutcome PdfFetcher::RunJob(const store::Job& job, const jobs::JobContext& context) {
  if (!job.key.starts_with(kKeyPrefix)) {
    return jobs::JobOutcome::Fail("unknown pdf job key " + QuoteForMessage(job.key) +
                                  ": expected pdf:<id>v<version> or pdf:<venue id>");
  }
  const std::string_view subject = std::string_view(job.key).substr(kKeyPrefix.size());
  Result<std::string> pdf;
  std::function<bool()> cached;
  // arXiv ids never hold '@'; venue ids always do.
  if (subject.find('@') != std::string_view::npos) {
    Result<VenuePaperId> id = ParseVenuePaperId(subject);
    if (!id) return jobs::JobOutcome::Fail(id.error().message);
    pdf = LoadVenue(*id, context.stop);
    cached = [this, id = *id] { return cache_.Find(id).has_value(); };
  } else {
    Result<ArxivId> id = ArxivId::Parse(subject);
    if (!id) return jobs::JobOutcome::Fail(id.error().message);
    pdf = Load(*id, context.stop);
    cached = [this, id = *id] { return cache_.Find(id).has_value(); };
  }
  if (!pdf) {
    if (pdf.error().code == ErrorCode::kNotFound) {
      return jobs::JobOutcome::Done(std::string(kPdfNotFoundResult));
    }
    return jobs::OutcomeOf(pdf.error());
  }
  if (!cached()) return jobs::JobOutcome::Done(std::string(kPdfTooLargeResult));
  return jobs::JobOutcome::Done(std::string(kPdfCachedResult));
}

Result<store::Job> PdfFetcher::RequestPdf(const ArxivId& id, store::JobPriority priority,
                                          store::JobTime now) {
  if (Result<void> versioned = CheckVersioned(id); !versioned) {
    return std::unexpected(versioned.error());
  }
  return Request({store::JobKind::kPdf, PdfJobKey(id), priority, {}}, now,
                 [this, &id] { return cache_.Find(id).has_value(); });
}

Result<store::Job> PdfFetcher::RequestVenuePdf(const VenuePaperId& id,
                                               store::JobPriority priority, store::JobTime now) {
  if (Result<std::string> url = VenuePdfUrl(id); !url) return std::unexpected(url.error());
  return Request({store::JobKind::kPdf, VenuePdfJobKey(id), priority, {}}, now,
                 [this, &id] { return cache_.Find(id).has_value(); });
}

Result<store::Job> PdfFetcher::Request(const store::JobSpec& spec, store::JobTime now,
                                       const std::function<bool()>& cached) {
  Result<store::Job> job = queue_.Enqueue(spec, now);
  if (!job) return job;
  bool again = false;
  if (job->state == store::JobState::kFailed) {
    again = now - job->updated >= kRetryFailedPdfAfter;
  } else if (job->state == store::JobState::kDone) {
    if (job->result == kPdfNotFoundResult) {
      again = now - job->updated >= kRetryMissingPdfAfter;
    } else if (job->result == kPdfCachedResult) {
      again = !cached();  // evicted since
    }
  }
  if (!again) return job;
  return queue_.Enqueue(spec, now, store::EnqueueMode::kRestartFinished);
}

}  // namespace coolpapers::pdf
