#include "pdf/pdf_fetcher.h"

#include <cstdio>
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
  if (stop.stop_requested()) {
    return Fail(ErrorCode::kUnavailable, "the download of the PDF of " + id.WithVersion() +
                                             " was stopped before it began");
  }
  Result<net::HttpResponse> response = client_.Get(*url);
  if (!response) return std::unexpected(std::move(response.error()));
  const std::string name = "the PDF of " + id.WithVersion();
  const int status = response->status;
  if (status == 404 || status == 410) {
    return Fail(ErrorCode::kNotFound,
                "arXiv has no PDF of " + id.WithVersion() + " (HTTP " + std::to_string(status) +
                    " for " + QuoteForMessage(*url) + ")");
  }
  if (status != 200) {
    return Fail(ErrorCode::kUnavailable,
                "could not download " + name + ": HTTP " + std::to_string(status) + " for " +
                    QuoteForMessage(*url) + ", expected 200",
                response->body.substr(0, 200));
  }
  // arXiv answers 200 with an HTML page for a withdrawn paper or a version it does not have.
  if (!response->body.starts_with("%PDF")) {
    const std::string_view type = response->Header("content-type");
    return Fail(ErrorCode::kNotFound,
                "arXiv has no PDF of " + id.WithVersion() + ": " + QuoteForMessage(*url) +
                    " answered " + (type.empty() ? std::string("something else") : std::string(type)) +
                    " (the paper may be withdrawn), expected a PDF",
                response->body.substr(0, 200));
  }
  Result<bool> stored = cache_.Put(id, response->body);
  // The reader still gets the PDF when the cache cannot keep it; the log learns why.
  if (!stored) {
    std::fprintf(stderr, "coolpapers: cannot cache %s: %s (%s)\n", name.c_str(),
                 stored.error().message.c_str(), stored.error().detail.c_str());
  }
  return std::move(response->body);
}

jobs::JobOutcome PdfFetcher::RunJob(const store::Job& job, const jobs::JobContext& context) {
  if (!job.key.starts_with(kKeyPrefix)) {
    return jobs::JobOutcome::Fail("unknown pdf job key " + QuoteForMessage(job.key) +
                                  ": expected pdf:<id>v<version>");
  }
  Result<ArxivId> id = ArxivId::Parse(std::string_view(job.key).substr(kKeyPrefix.size()));
  if (!id) return jobs::JobOutcome::Fail(id.error().message);
  Result<std::string> pdf = Load(*id, context.stop);
  if (!pdf) {
    if (pdf.error().code == ErrorCode::kNotFound) {
      return jobs::JobOutcome::Done(std::string(kPdfNotFoundResult));
    }
    return jobs::OutcomeOf(pdf.error());
  }
  if (!cache_.Find(*id)) return jobs::JobOutcome::Done(std::string(kPdfTooLargeResult));
  return jobs::JobOutcome::Done(std::string(kPdfCachedResult));
}

Result<store::Job> PdfFetcher::RequestPdf(const ArxivId& id, store::JobPriority priority,
                                          store::JobTime now) {
  if (Result<void> versioned = CheckVersioned(id); !versioned) {
    return std::unexpected(versioned.error());
  }
  const store::JobSpec spec{store::JobKind::kPdf, PdfJobKey(id), priority, {}};
  Result<store::Job> job = queue_.Enqueue(spec, now);
  if (!job) return job;
  bool again = false;
  if (job->state == store::JobState::kFailed) {
    again = now - job->updated >= kRetryFailedPdfAfter;
  } else if (job->state == store::JobState::kDone) {
    if (job->result == kPdfNotFoundResult) {
      again = now - job->updated >= kRetryMissingPdfAfter;
    } else if (job->result == kPdfCachedResult) {
      again = !cache_.Find(id);  // evicted since
    }
  }
  if (!again) return job;
  return queue_.Enqueue(spec, now, store::EnqueueMode::kRestartFinished);
}

}  // namespace coolpapers::pdf
