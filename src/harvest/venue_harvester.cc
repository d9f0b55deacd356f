#include "harvest/venue_harvester.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/quoted_text.h"
#include "harvest/fetch_document.h"
#include "ingest/venue/ojs_oai_reader.h"

namespace coolpapers::harvest {
namespace {

using ::nlohmann::json;

// Progress of a job's import goes nowhere: the job's result says what it did.
class QuietObserver final : public ingest::ImportObserver {
 public:
  void OnProgress(const ingest::ImportCounts&) override {}
  void OnMalformedLine(const ingest::MalformedLine&) override {}
};

// Every byte outside [A-Za-z0-9-_.~] as %XX, for a query value.
std::string QueryValue(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 15];
    }
  }
  return encoded;
}

// `url` with its origin replaced when `origins` maps it.
std::string MapOrigin(std::string_view url, const std::map<std::string, std::string>& origins) {
  for (const auto& [origin, replacement] : origins) {
    if (url.starts_with(origin)) return replacement + std::string(url.substr(origin.size()));
  }
  return std::string(url);
}

std::string BaseName(std::string_view url) {
  const size_t slash = url.rfind('/');
  return std::string(slash == std::string_view::npos ? url : url.substr(slash + 1));
}

// The body of a 200 answer; other statuses as errors naming the URL (never the request's
// headers or body, which may hold the OpenReview password or token).
Result<std::string> Send(net::HttpClient& client, const net::HttpRequest& request) {
  Result<net::HttpResponse> response = client.Send(request);
  if (!response) return std::unexpected(std::move(response.error()));
  const int status = response->status;
  if (status == 200) return std::move(response->body);
  const std::string what = request.url + " answered HTTP " + std::to_string(status);
  if (status == 429 || status >= 500) return Fail(ErrorCode::kUnavailable, what);
  if (status == 404) return Fail(ErrorCode::kNotFound, what);
  if (status == 401 || status == 403) {
    return Fail(ErrorCode::kInvalidArgument,
                what + ": the login was refused (check the OpenReview username and password)");
  }
  return Fail(ErrorCode::kInvalidArgument, what);
}

Result<void> Save(const std::filesystem::path& path, std::string_view body) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(body.data(), static_cast<std::streamsize>(body.size()));
  out.close();
  if (error || !out) {
    return Fail(ErrorCode::kUnavailable, "cannot write " + QuoteForMessage(path.string()),
                error.message());
  }
  return {};
}

Result<void> Stopped(std::stop_token stop) {
  if (stop.stop_requested()) return Fail(ErrorCode::kUnavailable, "the fetch was stopped");
  return {};
}

class EditionFetch {
 public:
  EditionFetch(net::HttpClient& client, const VenueHarvestOptions& options,
               const KnownVenueEdition& edition, std::filesystem::path dir, std::stop_token stop)
      : client_(client), options_(options), edition_(edition), dir_(std::move(dir)), stop_(stop) {}

  // The files to import, downloaded into the edition's folder.
  Result<std::vector<std::filesystem::path>> Run() {
    switch (edition_.source) {
      case VenueHarvestSource::kAclAnthology:
        // The reader finds the venue's yaml in yaml/venues/ beside the collection.
        return TwoFiles(dir_ / BaseName(edition_.url),
                        dir_ / "yaml" / "venues" / BaseName(edition_.detail));
      case VenueHarvestSource::kPmlr:
        return TwoFiles(dir_ / BaseName(edition_.url), dir_ / "_config.yml");
      case VenueHarvestSource::kOpenReview:
        return OpenReviewPages();
      case VenueHarvestSource::kOjsOai:
        return OaiPages();
    }
    return Fail(ErrorCode::kInternal, "unknown venue source");
  }

 private:
  std::string Url(std::string_view url) const { return MapOrigin(url, options_.origins); }

  Result<std::string> Get(const std::string& url,
                          std::vector<std::pair<std::string, std::string>> headers = {}) {
    if (auto running = Stopped(stop_); !running) return std::unexpected(running.error());
    return Send(client_, {url, std::move(headers), std::nullopt});
  }

  // The document at edition_.url into `main`, the one at edition_.detail into `beside`.
  Result<std::vector<std::filesystem::path>> TwoFiles(const std::filesystem::path& main,
                                                      const std::filesystem::path& beside) {
    for (const auto& [url, path] : {std::pair{edition_.url, main}, std::pair{edition_.detail, beside}}) {
      auto body = Get(Url(url));
      if (!body) return std::unexpected(std::move(body.error()));
      if (auto saved = Save(path, *body); !saved) return std::unexpected(saved.error());
    }
    return std::vector<std::filesystem::path>{main};
  }

  Result<std::string> OpenReviewToken() {
    if (!options_.openreview.Complete()) {
      return Fail(ErrorCode::kInvalidArgument, MissingOpenReviewCredentials());
    }
    const std::string url = Url(edition_.url) + "/login";
    const json login = {{"id", options_.openreview.username},
                        {"password", options_.openreview.password}};
    auto body = Send(client_, {url, {{"Content-Type", "application/json"}}, login.dump()});
    if (!body) return std::unexpected(std::move(body.error()));
    const json answer = json::parse(*body, nullptr, /*allow_exceptions=*/false);
    if (!answer.is_object() || !answer.contains("token") || !answer["token"].is_string()) {
      return Fail(ErrorCode::kCorrupt, url + " answered the login without a token");
    }
    return answer["token"].get<std::string>();
  }

  // The accepted papers of the venue id, page by page, each page kept as a recorded exchange
  // (the request's URL tells the reader the listing's official count).
  Result<std::vector<std::filesystem::path>> OpenReviewPages() {
    auto token = OpenReviewToken();
    if (!token) return std::unexpected(std::move(token.error()));
    std::vector<std::filesystem::path> files;
    int64_t offset = 0;
    for (int page = 0; page < options_.max_pages; ++page) {
      const std::string url = Url(edition_.url) + "/notes?content.venueid=" +
                              std::string(edition_.detail) +
                              "&limit=" + std::to_string(options_.openreview_page_size) +
                              "&offset=" + std::to_string(offset) + "&sort=number%3Aasc";
      auto body = Get(url, {{"Authorization", "Bearer " + *token}});
      if (!body) return std::unexpected(std::move(body.error()));
      json answer = json::parse(*body, nullptr, /*allow_exceptions=*/false);
      if (!answer.is_object() || !answer.contains("notes") || !answer["notes"].is_array()) {
        return Fail(ErrorCode::kCorrupt, url + " answered without a \"notes\" array");
      }
      const int64_t notes = static_cast<int64_t>(answer["notes"].size());
      const int64_t count = answer.value("count", int64_t{0});
      const json exchange = {
          {"request", {{"method", "GET"}, {"url", url}, {"authenticated", true}}},
          {"response", {{"status", 200}, {"json", std::move(answer)}}}};
      files.push_back(dir_ / ("notes-" + std::to_string(page) + ".json"));
      if (auto saved = Save(files.back(), exchange.dump(1)); !saved) {
        return std::unexpected(saved.error());
      }
      offset += notes;
      if (notes == 0 || offset >= count) return files;
    }
    return Fail(ErrorCode::kCorrupt, "OpenReview listed more than " +
                                         std::to_string(options_.max_pages) + " pages for " +
                                         std::string(edition_.detail));
  }

  // ListRecords from the edition's first datestamp, following resumption tokens.
  Result<std::vector<std::filesystem::path>> OaiPages() {
    const std::string endpoint = Url(edition_.url);
    std::string url = endpoint + "?verb=ListRecords&metadataPrefix=oai_dc&from=" +
                      std::string(edition_.detail);
    std::vector<std::filesystem::path> files;
    for (int page = 0; page < options_.max_pages; ++page) {
      auto body = Get(url);
      if (!body) return std::unexpected(std::move(body.error()));
      Result<std::optional<std::string>> token = ingest::OaiResumptionToken(*body);
      if (!token) {
        Error error = std::move(token.error());
        error.message = url + ": " + error.message;
        return std::unexpected(std::move(error));
      }
      files.push_back(dir_ / ("records-" + std::to_string(page) + ".xml"));
      if (auto saved = Save(files.back(), *body); !saved) return std::unexpected(saved.error());
      if (!*token) return files;
      url = endpoint + "?verb=ListRecords&resumptionToken=" + QueryValue(**token);
    }
    return Fail(ErrorCode::kCorrupt, endpoint + " listed more than " +
                                         std::to_string(options_.max_pages) + " pages");
  }

  net::HttpClient& client_;
  const VenueHarvestOptions& options_;
  const KnownVenueEdition& edition_;
  const std::filesystem::path dir_;
  std::stop_token stop_;
};

}  // namespace

std::string MissingOpenReviewCredentials() {
  return "OpenReview needs a login since 2026: set username and password under [openreview] in "
         "coolpapers.toml, or the environment variables OPENREVIEW_USERNAME and "
         "OPENREVIEW_PASSWORD";
}

void SetVenueHostRules(net::HostPoliteness& politeness, const VenueHarvestOptions& options) {
  for (const KnownVenueEdition& edition : KnownVenueEditions()) {
    const bool ojs = edition.source == VenueHarvestSource::kOjsOai;
    politeness.SetRule(net::HostOf(MapOrigin(edition.url, options.origins)),
                       {ojs ? kOjsRequestInterval : kVenueRequestInterval,
                        /*single_connection=*/true});
  }
}

VenueHarvester::VenueHarvester(net::HttpClient& client, store::VenueStore& venues,
                               store::JobQueue& queue, VenueHarvestOptions options)
    : client_(client), venues_(venues), queue_(queue), options_(std::move(options)) {}

Result<store::Job> VenueHarvester::Request(std::string_view tag, store::JobTime now) {
  Result<KnownVenueEdition> edition = FindKnownVenueEdition(tag);
  if (!edition) return std::unexpected(std::move(edition.error()));
  if (edition->source == VenueHarvestSource::kOpenReview && !options_.openreview.Complete()) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot fetch " + std::string(tag) + ": " + MissingOpenReviewCredentials());
  }
  const store::JobSpec spec{store::JobKind::kArxiv,
                            std::string(kVenueJobKeyPrefix) + std::string(tag),
                            store::JobPriority::kAdmin, {}};
  return queue_.Enqueue(spec, now, store::EnqueueMode::kRestartFinished);
}

Result<ingest::VenueImportSummary> VenueHarvester::Harvest(std::string_view tag,
                                                           std::stop_token stop) {
  Result<KnownVenueEdition> edition = FindKnownVenueEdition(tag);
  if (!edition) return std::unexpected(std::move(edition.error()));
  const std::filesystem::path dir = options_.work_dir / std::string(tag);
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);  // what a crashed fetch left
  auto files = EditionFetch(client_, options_, *edition, dir, stop).Run();
  if (!files) return std::unexpected(std::move(files.error()));
  QuietObserver quiet;
  ingest::VenueImportOptions import_options;
  // An OAI-PMH page holds every volume's changes since the date: keep this edition's.
  import_options.file.edition = std::string(tag);
  auto imported = ingest::ImportVenueFiles(venues_, *files, quiet, import_options);
  if (imported) std::filesystem::remove_all(dir, ignored);
  return imported;
}

jobs::JobOutcome VenueHarvester::RunJob(const store::Job& job, const jobs::JobContext& context) {
  const std::string tag = job.key.substr(std::min(job.key.size(), kVenueJobKeyPrefix.size()));
  auto imported = Harvest(tag, context.stop);
  if (!imported) return OutcomeOfFetch(imported.error());
  return jobs::JobOutcome::Done(
      tag + ": " + std::to_string(imported->counts.records) + " papers read (" +
      std::to_string(imported->written.papers_new) + " new, " +
      std::to_string(imported->written.papers_updated) + " updated), " +
      std::to_string(imported->counts.skipped_lines) + " skipped, " +
      std::to_string(imported->arxiv_links) + " linked to arXiv");
}

}  // namespace coolpapers::harvest
