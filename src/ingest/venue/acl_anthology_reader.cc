#include "ingest/venue/acl_anthology_reader.h"

#include <array>
#include <cctype>
#include <map>
#include <set>
#include <utility>

#include <pugixml.hpp>

#include "core/quoted_text.h"
#include "ingest/venue/file_text.h"
#include "ingest/venue/simple_yaml.h"
#include "ingest/venue/venue_fields.h"
#include "ingest/venue/venue_names.h"

namespace coolpapers::ingest {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kVolumeGroups = {{
    {"long", "Long"},
    {"short", "Short"},
    {"demo", "Demos"},
    {"demos", "Demos"},
    {"industry", "Industry"},
    {"srw", "SRW"},
    {"tutorials", "Tutorials"},
    {"findings", "Findings"},
}};

// All the text under `node`, markup dropped: "<tex-math>k</tex-math><fixed-case>NN</fixed-case>"
// reads "kNN".
void AppendText(const pugi::xml_node& node, std::string& out) {
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element) {
      AppendText(child, out);
    }
  }
}

std::string TextOf(const pugi::xml_node& node) {
  std::string text;
  AppendText(node, text);
  return CleanVenueText(text);
}

// The venue yaml's settings, from the places the Anthology's layout and ours put it.
std::map<std::string, std::string> VenueYaml(const std::filesystem::path& xml_path,
                                             const std::string& venue) {
  const std::filesystem::path dir = xml_path.parent_path();
  for (const std::filesystem::path& candidate :
       {dir / "yaml" / "venues" / (venue + ".yaml"), dir / ".." / "yaml" / "venues" / (venue + ".yaml")}) {
    if (auto text = ReadFileText(candidate)) return ReadSimpleYaml(*text);
  }
  return {};
}

struct VolumeEdition {
  VenueEdition edition;
  bool announced = false;
};

}  // namespace

std::string AclVolumeGroup(std::string_view volume_id) {
  for (const auto& [id, group] : kVolumeGroups) {
    if (volume_id == id) return std::string(group);
  }
  std::string group(volume_id);
  if (!group.empty()) group[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(group[0])));
  return group;
}

Result<void> ReadAclAnthologyFile(const std::filesystem::path& path, VenueRecordSink& sink) {
  Result<std::string> text = ReadFileText(path);
  if (!text) return std::unexpected(text.error());
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(text->data(), text->size());
  const pugi::xml_node collection = document.child("collection");
  if (!parsed || !collection) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot read " + QuoteForMessage(path.string()) +
                    " as an ACL Anthology collection: expected <collection id=\"2024.naacl\">",
                parsed.description());
  }
  const LineIndex lines(*text);
  const std::string collection_id = collection.attribute("id").value();
  std::map<std::string, VolumeEdition> editions;  // by venue acronym's yaml name
  int64_t position = 0;

  for (const pugi::xml_node& volume : collection.children("volume")) {
    const pugi::xml_node meta = volume.child("meta");
    std::string venue;
    for (const pugi::xml_node& v : meta.children("venue")) {
      if (std::string_view(v.child_value()) != "ws") {
        venue = v.child_value();
        break;
      }
    }
    if (venue.empty()) venue = collection_id.substr(collection_id.find('.') + 1);
    std::string year = meta.child_value("year");
    if (year.empty()) year = collection_id.substr(0, 4);

    VolumeEdition& entry = editions[venue + "." + year];
    if (!entry.announced) {
      const std::map<std::string, std::string> yaml = VenueYaml(path, venue);
      const auto acronym = yaml.find("acronym");
      entry.edition.venue = acronym != yaml.end() ? acronym->second : VenueDisplayName(venue);
      if (const auto name = yaml.find("name"); name != yaml.end()) entry.edition.full_name = name->second;
      Result<VenueEdition> tag = ParseEditionTag(entry.edition.venue + "." + year);
      if (!tag) {
        return Fail(ErrorCode::kInvalidArgument,
                    path.string() + ":" + std::to_string(lines.LineOf(volume.offset_debug())) +
                        ": volume " + QuoteForMessage(volume.attribute("id").value()) +
                        " has no usable venue and year: " + tag.error().message);
      }
      entry.edition.year = tag->year;
      entry.edition.location = CleanVenueText(meta.child_value("address"));
      entry.edition.sources = {"ACL Anthology"};
      if (auto written = sink.OnEdition(entry.edition); !written) return written;
      entry.announced = true;
    }

    const std::string volume_id = volume.attribute("id").value();
    const std::string group = AclVolumeGroup(volume_id);
    for (const pugi::xml_node& node : volume.children("paper")) {
      ++position;
      const int64_t line = lines.LineOf(node.offset_debug());
      VenuePaper paper;
      paper.id = {VenueSource::kAcl,
                  collection_id + "-" + volume_id + "." + node.attribute("id").value(), ""};
      paper.edition = entry.edition.Tag();
      paper.position = position;
      paper.title = TextOf(node.child("title"));
      if (paper.title.empty()) {
        sink.OnMalformed(line, "paper " + QuoteForMessage(paper.id.ToString()) + " has no title");
        continue;
      }
      for (const pugi::xml_node& author : node.children("author")) {
        std::string name = TextOf(author.child("first"));
        const std::string last = TextOf(author.child("last"));
        name += name.empty() || last.empty() ? last : " " + last;
        if (!name.empty()) paper.authors.push_back({name, TextOf(author.child("affiliation"))});
      }
      paper.abstract = TextOf(node.child("abstract"));
      paper.track = volume_id;
      paper.group = group;
      paper.status = std::string(kStatusAccept);
      paper.pages = NormalizePages(node.child_value("pages"));
      paper.doi = node.child_value("doi");
      const std::string anthology_id = node.child_value("url");
      const std::string& id = anthology_id.empty() ? paper.id.local : anthology_id;
      paper.landing_url = "https://aclanthology.org/" + id + "/";
      paper.pdf_url = "https://aclanthology.org/" + id + ".pdf";
      if (auto taken = sink.OnPaper(std::move(paper), node.offset_debug()); !taken) {
        return taken;
      }
    }
  }
  return {};
}

}  // namespace coolpapers::ingest
