#include "web/pdf_route.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <span>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/timestamp.h"
#include "core/venue.h"
#include "pdf/pdf_cache.h"
#include "web/conditional_get.h"
#include "web/file_slice.h"
#include "web/http_status.h"
#include "web/route_context.h"

namespace coolpapers::web {
namespace {

// A version's PDF never changes, so browsers and proxies may keep it for a day.
constexpr std::string_view kPdfCacheControl = "public, max-age=86400";

std::optional<uint64_t> ParseOffset(std::string_view text) {
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "Wed, 14 May 2025 00:00:00 GMT" (RFC 9110's IMF-fixdate).
std::string HttpDate(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  // The C locale's names are the ones HTTP wants; the program never changes LC_TIME.
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return text;
}

Response JsonError(int status, std::string_view code, const std::string& message) {
  return MakeErrorResponse(status, code, message, ErrorFormat::kJson);
}

Response StoreError(const Error& error) { return MakeErrorResponse(error, ErrorFormat::kJson); }

// The newest version the store knows of `asked`'s paper; 0 when it never learned it (the daily
// lists' records carry no version). kNotFound for a paper the store lacks.
Result<int> NewestKnownVersion(store::Store& store, const ArxivId& asked) {
  const std::string id = asked.str();
  Result<std::vector<Paper>> papers = store.PapersByIds(std::span<const std::string>(&id, 1));
  if (!papers) return std::unexpected(papers.error());
  if (papers->empty()) {
    return Fail(ErrorCode::kNotFound, "no paper " + id + " here: open /arxiv/" + id + " first");
  }
  const Paper& paper = papers->front();
  int newest = paper.version;
  if (newest <= 0 && !paper.versions.empty()) newest = paper.versions.back().number;
  return std::max(0, newest);
}

// The version /pdf/<id> means: the one asked for, else `newest`. kNotFound for a version past
// `newest`, or past v1 while no version is known (newest 0: an instance that cannot learn
// them from arXiv, or a metadata fetch that named none), so a made-up version never reaches
// the download queue.
Result<ArxivId> ResolveVersion(const ArxivId& asked, int newest) {
  const std::string id = asked.str();
  if (asked.version() > 0) {
    if (asked.version() > std::max(newest, 1)) {
      return Fail(ErrorCode::kNotFound,
                  "no version " + std::to_string(asked.version()) + " of paper " + id +
                      " here: " +
                      (newest > 0 ? "the newest is v" + std::to_string(newest)
                                  : "its versions are not known, only v1 is certain"));
    }
    return asked;
  }
  // A source that never said which version it listed: v1 exists for every paper.
  const int version = newest > 0 ? newest : 1;
  Result<ArxivId> versioned = ArxivId::Parse(id + "v" + std::to_string(version));
  if (!versioned) return std::unexpected(versioned.error());
  return versioned;
}

// The cached PDF answered in full, in part, or not at all (304, 416); nullopt when it left the
// cache between the lookup and the read.
// The bytes are a slice of the open file, which the server streams: nothing is read here, so
// a HEAD reads nothing at all, and an eviction after the open does not cut a download.
// `tag` names the PDF in its ETag: "2401.06769v2", "2024.naacl-long.431@ACL".
std::optional<Response> CachedPdfResponse(const std::string& tag, const pdf::CachedPdf& cached,
                                          const Request& request) {
  Result<std::shared_ptr<const OpenFile>> file = OpenFile::Open(cached.path);
  if (!file) {
    if (file.error().code == ErrorCode::kNotFound) return std::nullopt;
    return StoreError(file.error());
  }
  // The open file's size is the truth should the cache have replaced it since the lookup.
  const pdf::CachedPdf pdf{cached.path, (*file)->size(), cached.modified};
  Response response;
  response.content_type = kPdfType;
  // The size tells a re-download apart should arXiv's bytes for a version ever differ.
  response.headers.emplace_back("ETag",
                                "\"" + tag + "-" + std::to_string(pdf.size) + "\"");
  response.headers.emplace_back("Last-Modified", HttpDate(pdf.modified));
  response.headers.emplace_back("Cache-Control", std::string(kPdfCacheControl));
  response.headers.emplace_back("Accept-Ranges", "bytes");
  // If-None-Match comes before Range (RFC 9110 section 13.2.2).
  if (IsNotModified(request.if_none_match, request.if_modified_since, response)) {
    MakeNotModified(response);
    return response;
  }
  const RangeAnswer range = ResolveRange(request.range, pdf.size);
  if (range.kind == RangeAnswer::Kind::kUnsatisfiable) {
    response.status = 416;
    response.content_type = kTextType;
    response.body = std::make_shared<const std::string>(
        "The range " + std::string(request.range) + " is outside the PDF (" +
        std::to_string(pdf.size) + " bytes)\n");
    response.headers.emplace_back("Content-Range", "bytes */" + std::to_string(pdf.size));
    return response;
  }
  FileSlice slice{*std::move(file), 0, pdf.size};
  if (range.kind == RangeAnswer::Kind::kPart) {
    slice.offset = range.first;
    slice.length = range.last - range.first + 1;
    response.status = 206;
    response.headers.emplace_back("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                                       std::to_string(range.last) + "/" +
                                                       std::to_string(pdf.size));
  }
  response.file = std::move(slice);
  return response;
}

std::string_view StateName(PaperFetch::State state) {
  switch (state) {
    case PaperFetch::State::kRunning:
      return "running";
    case PaperFetch::State::kFailed:
      return "failed";
    case PaperFetch::State::kQueued:
    case PaperFetch::State::kStored:
    case PaperFetch::State::kNotFound:
      break;
  }
  return "queued";
}

// `id`: "2401.06769v2", "2024.naacl-long.431@ACL".
Response PendingResponse(const std::string& id, const PaperFetch& fetch) {
  // The reader sees why a fetch has not succeeded yet, and when it is tried next.
  const nlohmann::json body = {
      {"id", id},
      {"state", StateName(fetch.state)},
      {"position", fetch.position},
      {"attempts", fetch.attempts},
      {"error", fetch.error},
      {"retry_at", fetch.retry_at ? nlohmann::json(FormatRfc3339(*fetch.retry_at)) : nlohmann::json()}};
  Response response;
  response.status = 202;
  response.content_type = kJsonType;
  response.body = std::make_shared<const std::string>(body.dump());
  response.headers.emplace_back("Retry-After", std::to_string(kPdfRetryAfterSeconds));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// The answer to a download's state, for PDFs of either kind: the cached PDF when stored
// (`cached` looks it up again), 404 when there is none, 202 otherwise.
Response FetchResponse(const std::string& tag, const PaperFetch& fetch,
                       const std::function<std::optional<pdf::CachedPdf>()>& cached,
                       const Request& request, const std::string& missing) {
  switch (fetch.state) {
    case PaperFetch::State::kStored:
      // Downloaded since the lookup above.
      if (std::optional<pdf::CachedPdf> pdf = cached()) {
        if (auto response = CachedPdfResponse(tag, *pdf, request)) return *std::move(response);
      }
      return PendingResponse(tag, PaperFetch{});
    case PaperFetch::State::kNotFound:
      return JsonError(404, "not_found", fetch.error.empty() ? missing : fetch.error);
    case PaperFetch::State::kQueued:
    case PaperFetch::State::kRunning:
    case PaperFetch::State::kFailed:
      break;
  }
  return PendingResponse(tag, fetch);
}

// /pdf/<id>@<SOURCE>: HandlePdf for a venue paper, whose PDF has no versions and comes from
// the URL its source gave (pdf/venue_pdf_hosts.h says which hosts are fetched from).
Result<Response> HandleVenuePdf(const RouteContext& context) {
  const SiteServices& services = context.services;
  const std::string& asked = context.route.params.front();
  if (services.venues == nullptr) {
    return JsonError(404, "not_found", "this instance serves no conference venues");
  }
  Result<std::vector<VenuePaper>> papers =
      services.venues->VenuePapersByIds(std::span<const std::string>(&asked, 1));
  if (!papers) return StoreError(papers.error());
  if (papers->empty()) {
    return JsonError(404, "not_found", "no venue paper " + asked + " here");
  }
  // A paper known through several sources is cached once, under the id it is shown by.
  const VenuePaperId id = papers->front().id;
  const std::string tag = id.ToString();
  const auto cached = [&services, &id] { return services.pdf_cache->Find(id); };
  if (std::optional<pdf::CachedPdf> pdf = cached()) {
    if (auto response = CachedPdfResponse(tag, *pdf, context.request)) {
      return *std::move(response);
    }
  }
  if (!services.fetch_venue_pdf) {
    return JsonError(404, "not_found", "the PDF of " + tag + " is not on this instance");
  }
  Result<PaperFetch> fetch = services.fetch_venue_pdf(id, context.admin, context.client);
  if (!fetch) return StoreError(fetch.error());
  return FetchResponse(tag, *fetch, cached, context.request,
                       std::string(VenueSourceName(id.source)) + " has no PDF of " + tag);
}

}  // namespace

RangeAnswer ResolveRange(std::string_view header, uint64_t size) {
  constexpr std::string_view kUnit = "bytes=";
  if (!header.starts_with(kUnit) || header.find(',') != std::string_view::npos) return {};
  const std::string_view spec = header.substr(kUnit.size());
  const size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return {};
  const std::string_view first_text = spec.substr(0, dash);
  const std::string_view last_text = spec.substr(dash + 1);
  const RangeAnswer unsatisfiable{RangeAnswer::Kind::kUnsatisfiable, 0, 0};
  if (first_text.empty()) {  // a suffix: the last N bytes
    const std::optional<uint64_t> length = ParseOffset(last_text);
    if (!length) return {};
    if (*length == 0 || size == 0) return unsatisfiable;
    return {RangeAnswer::Kind::kPart, size - std::min(*length, size), size - 1};
  }
  const std::optional<uint64_t> first = ParseOffset(first_text);
  if (!first) return {};
  uint64_t last = UINT64_MAX;
  if (!last_text.empty()) {
    const std::optional<uint64_t> parsed = ParseOffset(last_text);
    if (!parsed || *parsed < *first) return {};  // malformed: ignored, as RFC 9110 allows
    last = *parsed;
  }
  if (*first >= size) return unsatisfiable;
  return {RangeAnswer::Kind::kPart, *first, std::min(last, size - 1)};
}

// /pdf/<id> and /pdf/<id>v<n>, or a redirect to the id's canonical spelling, version kept
// ("/pdf/1406.02661v1" to "/pdf/1406.2661v1"); /pdf/<id>@<SOURCE>, a venue paper's, its id
// spelled canonically in route.params. Errors: ArxivId::Parse's, ParseVenuePaperId's.
std::optional<Result<Route>> ParsePdf(const RouteTarget& target, Route route) {
  constexpr std::string_view kPdfPrefix = "/pdf/";
  if (!target.path.starts_with(kPdfPrefix)) return std::nullopt;
  const std::string_view subject = target.path.substr(kPdfPrefix.size());
  // A venue paper's id always holds '@', an arXiv id never.
  if (subject.find('@') != std::string_view::npos) {
    Result<VenuePaperId> venue_id = ParseVenuePaperId(subject);
    if (!venue_id) return std::unexpected(venue_id.error());
    route.params.push_back(venue_id->ToString());
    return route;
  }
  Result<ArxivId> id = ArxivId::Parse(subject);
  if (!id) return std::unexpected(id.error());
  if (id->WithVersion() != subject) {
    return RedirectRoute(kPdfPrefix, id->WithVersion(), target.raw_query, false);
  }
  route.ids.push_back(*std::move(id));
  return route;
}

// Answers GET/HEAD /pdf/<id>[v<n>] (the pdf entry's route; the version defaults to the newest
// the store knows). Cached: 200 application/pdf with ETag, Last-Modified,
// Cache-Control: public, max-age=86400 and Accept-Ranges: bytes; 206 or 416 for a Range; 304
// when If-None-Match (or If-Modified-Since) matches. Not cached: asks `services.fetch_pdf`
// (an admin reader jumps the queue) and answers 202 with Retry-After and
// {"id":"2401.06769v2","state":"queued"|"running"|"failed","position":n,"error":"..."}.
// 404 (JSON) for a paper the store does not know, a version newer than it knows, a PDF arXiv
// does not have, or an instance without a PDF cache; 5xx for store or cache failures.
// Never an Error: every failure is answered here, as JSON. Thread-safe when the store and the
// services are.
Result<Response> HandlePdf(const RouteContext& context) {
  const SiteServices& services = context.services;
  const Request& request = context.request;
  if (services.pdf_cache == nullptr) {
    return JsonError(404, "not_found", "this instance does not serve PDFs");
  }
  if (!context.route.params.empty()) return HandleVenuePdf(context);
  const ArxivId& asked = context.route.ids.front();
  Result<int> newest = NewestKnownVersion(context.store, asked);
  if (!newest) return StoreError(newest.error());
  // Issue #18 finding 5: the daily lists' records have no version, and /pdf/<id>v9999 was
  // queued. Learn the paper's versions from arXiv first (its metadata fetch), then fetch only
  // a PDF that exists; v1 always does.
  if (*newest == 0 && asked.version() != 1 && services.fetch_paper) {
    Result<ArxivId> paper = ArxivId::Parse(asked.str());
    if (!paper) return StoreError(paper.error());
    Result<PaperFetch> learned = services.fetch_paper(*paper, context.admin, context.client);
    if (!learned) return StoreError(learned.error());
    if (learned->state == PaperFetch::State::kNotFound) {
      return JsonError(404, "not_found", "arXiv has no paper " + asked.str());
    }
    if (learned->state != PaperFetch::State::kStored) return PendingResponse(asked.WithVersion(), *learned);
    newest = NewestKnownVersion(context.store, asked);
    if (!newest) return StoreError(newest.error());
  }
  Result<ArxivId> id = ResolveVersion(asked, *newest);
  if (!id) return StoreError(id.error());

  if (std::optional<pdf::CachedPdf> pdf = services.pdf_cache->Find(*id)) {
    if (auto response = CachedPdfResponse(id->WithVersion(), *pdf, request)) {
      return *std::move(response);
    }
  }
  if (!services.fetch_pdf) {
    return JsonError(404, "not_found",
                     "the PDF of " + id->WithVersion() + " is not on this instance");
  }
  Result<PaperFetch> fetch = services.fetch_pdf(*id, context.admin, context.client);
  if (!fetch) return StoreError(fetch.error());
  const ArxivId versioned = *id;
  return FetchResponse(
      versioned.WithVersion(), *fetch,
      [&services, &versioned] { return services.pdf_cache->Find(versioned); }, request,
      "arXiv has no PDF of " + versioned.WithVersion());
}

}  // namespace coolpapers::web
