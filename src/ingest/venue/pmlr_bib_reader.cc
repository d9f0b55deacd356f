#include "ingest/venue/pmlr_bib_reader.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/quoted_text.h"
#include "ingest/venue/bibtex_reader.h"
#include "ingest/venue/file_text.h"
#include "ingest/venue/simple_yaml.h"
#include "ingest/venue/venue_fields.h"

namespace coolpapers::ingest {
namespace {

// The bib's setting, else the _config.yml one, cleaned.
std::string Setting(const BibEntry* proceedings, std::string_view bib_field,
                    const std::map<std::string, std::string>& config, const std::string& config_key) {
  if (proceedings != nullptr) {
    if (std::string value = BibTexToText(proceedings->Field(bib_field)); !value.empty()) {
      return value;
    }
  }
  const auto found = config.find(config_key);
  return found == config.end() ? std::string() : CleanVenueText(found->second);
}

// "AISTATS 2012" -> "AISTATS"; "CoRL" stays.
std::string VenueOfShortName(std::string name) {
  const size_t space = name.rfind(' ');
  if (space != std::string::npos && name.size() - space - 1 == 4 &&
      std::isdigit(static_cast<unsigned char>(name[space + 1]))) {
    name.resize(space);
  }
  for (char& c : name) {
    if (c == ' ') c = '-';
  }
  return name;
}

}  // namespace

std::string PmlrSlugOfKey(std::string_view key) {
  std::string slug(key);
  if (!slug.empty() && std::isdigit(static_cast<unsigned char>(slug.back()))) slug += 'a';
  return slug;
}

Result<void> ReadPmlrBibFile(const std::filesystem::path& path, VenueRecordSink& sink) {
  Result<std::string> text = ReadFileText(path);
  if (!text) return std::unexpected(text.error());
  std::map<std::string, std::string> config;
  if (auto yaml = ReadFileText(path.parent_path() / "_config.yml")) config = ReadSimpleYaml(*yaml);

  BibFile bib = ReadBibTex(*text);
  const BibEntry* proceedings = nullptr;
  for (const BibEntry& entry : bib.entries) {
    if (entry.type == "proceedings") proceedings = &entry;
  }
  std::string volume = Setting(proceedings, "volume", config, "volume");
  if (volume.starts_with('v')) volume.erase(0, 1);
  const std::string short_name = VenueOfShortName(Setting(proceedings, "shortname", config, "shortname"));
  Result<VenueEdition> edition =
      ParseEditionTag(short_name + "." + Setting(proceedings, "year", config, "year"));
  if (!edition || volume.empty() ||
      !std::all_of(volume.begin(), volume.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot tell the PMLR volume of " + QuoteForMessage(path.string()) +
                    ": expected an @Proceedings entry, or a _config.yml beside it, with shortname, "
                    "year and volume");
  }
  edition->full_name = Setting(proceedings, "name", config, "conference.name");
  if (edition->full_name.empty()) edition->full_name = Setting(proceedings, "booktitle", config, "booktitle");
  edition->start_date = Setting(proceedings, "start", config, "start");
  edition->end_date = Setting(proceedings, "end", config, "end");
  edition->published = Setting(proceedings, "published", config, "published");
  edition->location = Setting(proceedings, "address", config, "conference.location");
  edition->url = Setting(proceedings, "conference_url", config, "conference.url");
  edition->sources = {"PMLR v" + volume};
  if (auto written = sink.OnEdition(*edition); !written) return written;

  for (const BibError& error : bib.errors) sink.OnMalformed(error.line, error.message);
  const std::string qualifier = "v" + volume;
  int64_t position = 0;
  for (const BibEntry& entry : bib.entries) {
    if (entry.type != "inproceedings") continue;
    ++position;
    VenuePaper paper;
    paper.edition = edition->Tag();
    paper.position = position;
    const std::string slug = PmlrSlugOfKey(entry.key);
    Result<VenuePaperId> id = ParseVenuePaperId(slug + "@" + qualifier + "@PMLR");
    if (!id) {
      sink.OnMalformed(entry.line, "entry " + QuoteForMessage(entry.key) + ": " + id.error().message);
      continue;
    }
    paper.id = std::move(*id);
    paper.title = BibTexToText(entry.Field("title"));
    if (paper.title.empty()) {
      sink.OnMalformed(entry.line, "entry " + QuoteForMessage(entry.key) + " has no title");
      continue;
    }
    if (const std::string_view forum = entry.Field("openreview"); !forum.empty()) {
      if (Result<VenuePaperId> other = ParseVenuePaperId(std::string(forum) + "@OpenReview")) {
        paper.other_ids.push_back(std::move(*other));
      }
    }
    for (std::string& name : SplitBibTexNames(entry.Field("author"))) {
      paper.authors.push_back({std::move(name), ""});
    }
    paper.abstract = BibTexToText(entry.Field("abstract"));
    paper.group = BibTexToText(entry.Field("section"));
    paper.presentation = PresentationOf(paper.group);
    paper.status = std::string(kStatusAccept);
    paper.pages = NormalizePages(entry.Field("pages"));
    paper.doi = std::string(entry.Field("doi"));
    paper.landing_url = "https://proceedings.mlr.press/" + qualifier + "/" + slug + ".html";
    paper.pdf_url = "https://proceedings.mlr.press/" + qualifier + "/" + slug + "/" + slug + ".pdf";
    if (auto taken = sink.OnPaper(std::move(paper), entry.end_offset); !taken) return taken;
  }
  return {};
}

}  // namespace coolpapers::ingest
