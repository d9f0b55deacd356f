#include "ingest/venue/ojs_oai_reader.h"

#include <charconv>
#include <map>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "core/quoted_text.h"
#include "ingest/venue/bibtex_reader.h"
#include "ingest/venue/file_text.h"
#include "ingest/venue/venue_fields.h"

namespace coolpapers::ingest {
namespace {

constexpr std::string_view kArticlePrefix = "article/";
constexpr std::string_view kProceedingsName = "AAAI Conference on Artificial Intelligence";
constexpr int kFirstVolumeYear = 1986;  // volume 33 is 2019

// The number after "Vol. " in a dc:source, or nullopt.
std::optional<int> VolumeOf(std::string_view source) {
  const size_t at = source.find("Vol. ");
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view digits = source.substr(at + 5);
  int volume = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), volume);
  if (error != std::errc() || end == digits.data()) return std::nullopt;
  return volume;
}

// The element children of `parent` named `name` whatever their namespace prefix ("dc:title").
std::vector<pugi::xml_node> Children(const pugi::xml_node& parent, std::string_view name) {
  std::vector<pugi::xml_node> found;
  for (const pugi::xml_node& child : parent.children()) {
    std::string_view child_name = child.name();
    if (const size_t colon = child_name.find(':'); colon != std::string_view::npos) {
      child_name = child_name.substr(colon + 1);
    }
    if (child_name == name) found.push_back(child);
  }
  return found;
}

std::string FirstText(const pugi::xml_node& parent, std::string_view name) {
  const std::vector<pugi::xml_node> nodes = Children(parent, name);
  return nodes.empty() ? std::string() : CleanVenueText(nodes.front().child_value());
}

pugi::xml_node OaiRoot(const pugi::xml_document& document) { return document.child("OAI-PMH"); }

}  // namespace

int AaaiYearOfVolume(int volume) { return kFirstVolumeYear + volume; }

Result<std::optional<std::string>> OaiResumptionToken(std::string_view page) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(page.data(), page.size());
  const pugi::xml_node root = OaiRoot(document);
  if (!parsed || !root) {
    return Fail(ErrorCode::kCorrupt, "the answer is not an OAI-PMH document",
                parsed ? "no <OAI-PMH> element" : parsed.description());
  }
  if (const pugi::xml_node error = root.child("error")) {
    const std::string code = error.attribute("code").value();
    if (code == "noRecordsMatch") return std::nullopt;
    return Fail(ErrorCode::kUnavailable, "the OAI-PMH server answered error " +
                                             QuoteForMessage(code) + ": " + error.child_value());
  }
  const std::string token = root.child("ListRecords").child_value("resumptionToken");
  if (token.empty()) return std::nullopt;
  return token;
}

Result<void> ReadOjsOaiFile(const std::filesystem::path& path, const VenueFileOptions& options,
                            VenueRecordSink& sink) {
  Result<std::string> text = ReadFileText(path);
  if (!text) return std::unexpected(text.error());
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(text->data(), text->size());
  const pugi::xml_node root = OaiRoot(document);
  if (!parsed || !root) {
    return Fail(ErrorCode::kCorrupt,
                "cannot read " + QuoteForMessage(path.string()) +
                    " as an OAI-PMH ListRecords page: expected <OAI-PMH>",
                parsed ? "no <OAI-PMH> element" : parsed.description());
  }
  const LineIndex lines(*text);
  std::map<std::string, bool> announced;  // editions told to the sink
  for (const pugi::xml_node& record : root.child("ListRecords").children("record")) {
    const pugi::xml_node header = record.child("header");
    if (std::string_view(header.attribute("status").value()) == "deleted") continue;
    const int64_t line = lines.LineOf(static_cast<int64_t>(record.offset_debug()));
    const auto malformed = [&](const std::string& why) {
      sink.OnMalformed(line, why);
    };
    const std::string_view identifier = header.child_value("identifier");
    const size_t article_at = identifier.rfind(kArticlePrefix);
    const std::string number =
        article_at == std::string_view::npos
            ? std::string()
            : std::string(identifier.substr(article_at + kArticlePrefix.size()));
    int64_t position = 0;
    if (number.empty() ||
        std::from_chars(number.data(), number.data() + number.size(), position).ptr !=
            number.data() + number.size()) {
      malformed("record " + QuoteForMessage(identifier) +
                " has no article number (oai:ojs.aaai.org:article/<n>)");
      continue;
    }
    const std::vector<pugi::xml_node> dcs = Children(record.child("metadata"), "dc");
    const pugi::xml_node dc = dcs.empty() ? pugi::xml_node() : dcs.front();
    std::optional<int> volume;
    std::string pages;
    for (const pugi::xml_node& source : Children(dc, "source")) {
      const std::string_view value = source.child_value();
      if (value.find(kProceedingsName) == std::string_view::npos) continue;
      volume = VolumeOf(value);
      if (const size_t last = value.rfind(';'); last != std::string_view::npos) {
        pages = NormalizePages(value.substr(last + 1));
      }
    }
    if (!volume) {
      malformed("record " + QuoteForMessage(identifier) +
                " names no volume of the AAAI proceedings in dc:source");
      continue;
    }
    VenueEdition edition;
    edition.venue = "AAAI";
    edition.year = AaaiYearOfVolume(*volume);
    edition.full_name = std::string(kProceedingsName);
    edition.sources = {"AAAI OJS OAI-PMH"};
    const std::string tag = edition.Tag();
    if (options.edition && *options.edition != tag) continue;
    VenuePaper paper;
    paper.id = {VenueSource::kAaai, number, {}};
    paper.edition = tag;
    paper.position = position;
    paper.title = FirstText(dc, "title");
    if (paper.title.empty()) {
      malformed("record " + QuoteForMessage(identifier) + " has no dc:title");
      continue;
    }
    for (const pugi::xml_node& creator : Children(dc, "creator")) {
      for (std::string& name : SplitBibTexNames(creator.child_value())) {
        paper.authors.push_back({std::move(name), ""});
      }
    }
    paper.abstract = FirstText(dc, "description");
    for (const pugi::xml_node& subject : Children(dc, "subject")) {
      for (std::string& keyword : SplitTrimmed(CleanVenueText(subject.child_value()), ';')) {
        paper.keywords.push_back(std::move(keyword));
      }
    }
    for (const pugi::xml_node& id : Children(dc, "identifier")) {
      const std::string_view value = id.child_value();
      if (value.starts_with("10.")) paper.doi = std::string(value);
      if (value.starts_with("http")) paper.landing_url = std::string(value);
    }
    // The galley: .../article/view/<n>/<galley>, the PDF viewer's page.
    paper.pdf_url = FirstText(dc, "relation");
    std::string_view section = header.child_value("setSpec");
    if (const size_t colon = section.find(':'); colon != std::string_view::npos) {
      section = section.substr(colon + 1);
    }
    paper.track = std::string(section);
    paper.group = std::string(section);
    paper.status = std::string(kStatusAccept);
    paper.pages = pages;
    if (!announced[tag]) {
      if (auto told = sink.OnEdition(edition); !told) return told;
      announced[tag] = true;
    }
    if (auto taken = sink.OnPaper(std::move(paper), static_cast<int64_t>(record.offset_debug()));
        !taken) {
      return taken;
    }
  }
  return {};
}

}  // namespace coolpapers::ingest
