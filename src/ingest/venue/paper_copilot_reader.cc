#include "ingest/venue/paper_copilot_reader.h"

#include <algorithm>
#include <cctype>
#include <string>

#include <nlohmann/json.hpp>

#include "core/quoted_text.h"
#include "core/whitespace.h"
#include "ingest/venue/bibtex_reader.h"
#include "ingest/venue/json_element_stream.h"
#include "ingest/venue/venue_fields.h"
#include "ingest/venue/venue_names.h"

namespace coolpapers::ingest {
namespace {

using nlohmann::json;

// A string field, "" when absent or not a string ("award" is sometimes a bool).
std::string_view Text(const json& record, const char* key) {
  const auto found = record.find(key);
  if (found == record.end() || !found->is_string()) return {};
  return found->get_ref<const std::string&>();
}

// The text between `after` and the next `stop` character (or the end): "" when `after` is not
// in `url`.
std::string_view Between(std::string_view url, std::string_view after, std::string_view stops) {
  const size_t at = url.find(after);
  if (at == std::string_view::npos) return {};
  const std::string_view rest = url.substr(at + after.size());
  return rest.substr(0, rest.find_first_of(stops));
}

// CVF html page: ".../content_ICCV_2019/html/<stem>_ICCV_2019_paper.html" or
// ".../content/CVPR2025/html/<stem>_CVPR_2025_paper.html".
std::optional<VenuePaperId> CvfId(std::string_view url) {
  if (url.find("thecvf.com") == std::string_view::npos) return std::nullopt;
  const size_t html = url.find("/html/");
  if (html == std::string_view::npos || !url.ends_with("_paper.html")) return std::nullopt;
  std::string_view file = url.substr(html + 6);
  file.remove_suffix(std::string_view("_paper.html").size());
  // file = "<stem>_<CONF>_<YEAR>"
  const size_t year_at = file.rfind('_');
  if (year_at == std::string_view::npos) return std::nullopt;
  const size_t conf_at = file.rfind('_', year_at - 1);
  if (conf_at == std::string_view::npos || year_at == 0) return std::nullopt;
  return VenuePaperId{VenueSource::kCvf, std::string(file.substr(0, conf_at)),
                      std::string(file.substr(conf_at + 1, year_at - conf_at - 1)) +
                          std::string(file.substr(year_at + 1))};
}

// papers.nips.cc ".../paper_files/paper/2018/hash/<hash>-Abstract[-Track].html".
std::optional<VenuePaperId> NeurIpsId(std::string_view url) {
  if (url.find("nips.cc") == std::string_view::npos && url.find("neurips.cc") == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view hash = Between(url, "/hash/", "-");
  const std::string_view year = Between(url, "/paper/", "/");
  if (hash.empty() || year.empty()) return std::nullopt;
  return VenuePaperId{VenueSource::kNeurIps, std::string(hash), std::string(year)};
}

// USENIX presentation page "https://www.usenix.org/conference/usenixsecurity24/presentation/
// xu-haichuan": "xu-haichuan@usenixsecurity24@USENIX" (shared/data/venues/URLS.md §2).
std::optional<VenuePaperId> UsenixId(std::string_view url) {
  const std::string_view conference = Between(url, "usenix.org/conference/", "/?#");
  const std::string_view slug = Between(url, "/presentation/", "/?#");
  if (conference.empty() || slug.empty()) return std::nullopt;
  return VenuePaperId{VenueSource::kUsenix, std::string(slug), std::string(conference)};
}

// The record's id, from its links, and the landing page that goes with it.
std::optional<VenuePaperId> IdOfRecord(const json& record, std::string& landing) {
  const std::string_view site = Text(record, "site");
  const std::string_view oa = Text(record, "oa");
  for (const std::string_view page : {oa, site}) {
    if (auto id = CvfId(page)) {
      landing = page;
      return id;
    }
    if (auto id = NeurIpsId(page)) {
      landing = page;
      return id;
    }
    if (auto id = UsenixId(page)) {
      landing = page;
      return id;
    }
  }
  landing = site;
  if (const std::string_view forum = Between(site, "openreview.net/forum?id=", "&#");
      !forum.empty()) {
    return VenuePaperId{VenueSource::kOpenReview, std::string(forum), ""};
  }
  // ICLR 2018's accepted papers link the conference's virtual site, and OpenReview for the PDF.
  if (const std::string_view forum = Between(Text(record, "pdf"), "openreview.net/pdf?id=", "&#");
      !forum.empty()) {
    landing = "https://openreview.net/forum?id=" + std::string(forum);
    return VenuePaperId{VenueSource::kOpenReview, std::string(forum), ""};
  }
  if (const std::string_view volume = Between(site, "proceedings.mlr.press/", "/");
      !volume.empty()) {
    std::string_view slug = Between(site, std::string(volume) + "/", "/?#");
    if (slug.ends_with(".html")) slug.remove_suffix(5);
    if (!slug.empty()) return VenuePaperId{VenueSource::kPmlr, std::string(slug), std::string(volume)};
  }
  if (site.find("aclanthology.org/") != std::string_view::npos) {
    const std::string_view id = Text(record, "id");
    const std::string_view from_site = Between(site, "aclanthology.org/", "/?#");
    const std::string_view anthology_id = id.empty() ? from_site : id;
    if (!anthology_id.empty()) return VenuePaperId{VenueSource::kAcl, std::string(anthology_id), ""};
  }
  return std::nullopt;
}

constexpr std::string_view kNotAccepted[] = {"Reject", "Withdraw", "Desk Reject", "Active",
                                             "Workshop"};

}  // namespace

Result<VenuePaper> ParsePaperCopilotRecord(std::string_view text, const VenueEdition& edition) {
  json record = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!record.is_object()) {
    return Fail(ErrorCode::kInvalidArgument, "not a JSON object");
  }
  VenuePaper paper;
  paper.secondhand = true;
  paper.edition = edition.Tag();
  paper.title = CleanVenueText(Text(record, "title"));
  if (paper.title.empty()) return Fail(ErrorCode::kInvalidArgument, "record has no title");
  std::optional<VenuePaperId> id = IdOfRecord(record, paper.landing_url);
  if (!id) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot tell the source of " + QuoteForMessage(paper.title) +
                    ": expected an OpenReview, PMLR, ACL Anthology, CVF, NeurIPS or USENIX link in "
                    "\"site\" or \"oa\"");
  }
  Result<VenuePaperId> checked = ParseVenuePaperId(id->ToString());
  if (!checked) return std::unexpected(checked.error());
  paper.id = std::move(*checked);

  std::vector<std::string> names = SplitTrimmed(Text(record, "author"), ';');
  if (names.empty()) names = SplitTrimmed(Text(record, "author_site"), ',');
  for (std::string& name : names) paper.authors.push_back({CleanVenueText(name), ""});
  paper.abstract = CleanVenueText(Text(record, "abstract"));
  paper.track = std::string(Text(record, "track"));
  const std::string status = CollapseWhitespace(Text(record, "status"));
  paper.group = status;
  paper.presentation = PresentationOf(status);
  paper.status = std::string(kStatusAccept);
  for (const std::string_view other : kNotAccepted) {
    if (status == other) paper.status = status;
  }
  paper.keywords = SplitTrimmed(Text(record, "keywords"), ';');
  paper.pdf_url = std::string(Text(record, "pdf"));
  if (paper.pdf_url.empty() && paper.id.source == VenueSource::kOpenReview) {
    paper.pdf_url = "https://openreview.net/pdf?id=" + paper.id.local;
  }
  if (const std::string_view bibtex = Text(record, "bibtex");
      bibtex.find("doi") != std::string_view::npos || bibtex.find("pages") != std::string_view::npos) {
    const BibFile bib = ReadBibTex(bibtex);
    if (!bib.entries.empty()) {
      paper.doi = std::string(bib.entries[0].Field("doi"));
      paper.pages = NormalizePages(bib.entries[0].Field("pages"));
    }
  }
  if (paper.arxiv_id = ArxivIdOfLink(Text(record, "arxiv")); !paper.arxiv_id.empty()) {
    paper.arxiv_link = ArxivLink::kSource;
  }
  return paper;
}

Result<VenueEdition> EditionOfPaperCopilotFile(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  size_t letters = 0;
  while (letters < name.size() && std::isalpha(static_cast<unsigned char>(name[letters]))) {
    ++letters;
  }
  const std::string_view year = std::string_view(name).substr(letters, 4);
  const bool has_year = letters > 0 && year.size() == 4 &&
                        std::all_of(year.begin(), year.end(),
                                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (!has_year || (name.size() > letters + 4 && std::isdigit(static_cast<unsigned char>(name[letters + 4])))) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot tell the edition of " + QuoteForMessage(path.string()) +
                    ": name the file like iclr2024.json, or give --edition ICLR.2024");
  }
  VenueEdition edition;
  edition.venue = VenueDisplayName(name.substr(0, letters));
  edition.year = std::stoi(std::string(year));
  return edition;
}

Result<void> ReadPaperCopilotFile(const std::filesystem::path& path,
                                  const VenueFileOptions& options, VenueRecordSink& sink) {
  Result<VenueEdition> edition =
      options.edition ? ParseEditionTag(*options.edition) : EditionOfPaperCopilotFile(path);
  if (!edition) return std::unexpected(edition.error());
  edition->sources = {"Paper Copilot"};
  auto stream = JsonElementStream::Open(path, {});
  if (!stream) return std::unexpected(stream.error());
  if (auto written = sink.OnEdition(*edition); !written) return written;
  int64_t position = 0;
  for (;;) {
    auto element = stream->Next();
    if (!element) return std::unexpected(element.error());
    if (!*element) break;
    ++position;
    Result<VenuePaper> paper = ParsePaperCopilotRecord((*element)->text, *edition);
    if (!paper) {
      sink.OnMalformed((*element)->line, paper.error().message);
      continue;
    }
    paper->position = position;
    if (auto taken = sink.OnPaper(std::move(*paper), stream->bytes_consumed()); !taken) {
      return taken;
    }
  }
  return {};
}

}  // namespace coolpapers::ingest
