#include "ingest/venue/openreview_reader.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/quoted_text.h"
#include "ingest/venue/json_element_stream.h"
#include "ingest/venue/venue_fields.h"
#include "ingest/venue/venue_names.h"

namespace coolpapers::ingest {
namespace {

using nlohmann::json;

// content.<key> of either API version: v2 wraps each value as {"value": ...}.
const json* ContentValue(const json& note, const char* key) {
  const auto content = note.find("content");
  if (content == note.end() || !content->is_object()) return nullptr;
  const auto field = content->find(key);
  if (field == content->end()) return nullptr;
  if (field->is_object()) {
    const auto value = field->find("value");
    return value == field->end() ? nullptr : &*value;
  }
  return &*field;
}

std::string ContentText(const json& note, const char* key) {
  const json* value = ContentValue(note, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

std::vector<std::string> ContentList(const json& note, const char* key) {
  const json* value = ContentValue(note, key);
  std::vector<std::string> items;
  if (value == nullptr) return items;
  if (value->is_string()) return SplitTrimmed(value->get_ref<const std::string&>(), ',');
  if (!value->is_array()) return items;
  for (const json& item : *value) {
    if (item.is_string()) items.push_back(CleanVenueText(item.get_ref<const std::string&>()));
  }
  return items;
}

std::string TopText(const json& note, const char* key) {
  const auto found = note.find(key);
  return found != note.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::vector<std::string_view> SplitPath(std::string_view text) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const size_t slash = text.find('/');
    parts.push_back(text.substr(0, slash));
    if (slash == std::string_view::npos) break;
    text = text.substr(slash + 1);
  }
  return parts;
}

bool IsYear(std::string_view part) {
  return part.size() == 4 &&
         std::all_of(part.begin(), part.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// "content.venueid=ICLR.cc%2F2024%2FConference&limit=..." -> "ICLR.cc/2024/Conference".
std::string VenueIdOfRequest(std::string_view url) {
  const size_t at = url.find("content.venueid=");
  if (at == std::string_view::npos) return {};
  std::string_view value = url.substr(at + std::string_view("content.venueid=").size());
  value = value.substr(0, value.find('&'));
  std::string decoded;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '%' && i + 2 < value.size()) {
      decoded.push_back(static_cast<char>(std::stoi(std::string(value.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      decoded.push_back(value[i]);
    }
  }
  return decoded;
}

// The official count an API answer states, from what is left of the file once the notes are
// streamed: {"request": {"url": ...}, "response": {"json": {"count": N}}}.
std::optional<VenueEdition> OfficialCount(const std::string& skeleton) {
  const json document = json::parse(skeleton, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) return std::nullopt;
  const json* request = document.contains("request") ? &document["request"] : nullptr;
  const json* answer = &document;
  if (document.contains("response") && document["response"].contains("json")) {
    answer = &document["response"]["json"];
  }
  if (request == nullptr || !request->contains("url") || !(*request)["url"].is_string() ||
      !answer->is_object() || !answer->contains("count") || !(*answer)["count"].is_number_integer()) {
    return std::nullopt;
  }
  const std::string venueid = VenueIdOfRequest((*request)["url"].get<std::string>());
  Result<OpenReviewVenueId> parsed = ParseOpenReviewVenueId(venueid);
  if (!parsed || parsed->status != kStatusAccept) return std::nullopt;
  VenueEdition edition = parsed->edition;
  edition.official_count = (*answer)["count"].get<int64_t>();
  edition.official_count_source = "OpenReview API, content.venueid=" + venueid;
  return edition;
}

}  // namespace

Result<OpenReviewVenueId> ParseOpenReviewVenueId(std::string_view venueid) {
  const std::vector<std::string_view> parts = SplitPath(venueid);
  size_t year_at = 1;
  while (year_at < parts.size() && !IsYear(parts[year_at])) ++year_at;
  // The part before the year names the venue: "ICLR.cc/2024", "colmweb.org/COLM/2024".
  const std::string_view named = year_at < parts.size() ? parts[year_at - 1] : std::string_view();
  const std::string_view venue = named.substr(0, named.find('.'));
  if (venue.empty() || year_at >= parts.size()) {
    return Fail(ErrorCode::kInvalidArgument, "invalid OpenReview venue id " +
                                                 QuoteForMessage(venueid) +
                                                 ": expected e.g. ICLR.cc/2024/Conference");
  }
  OpenReviewVenueId id;
  id.edition.venue = VenueDisplayName(venue);
  id.edition.year = std::stoi(std::string(parts[year_at]));
  id.edition.sources = {"OpenReview"};
  id.status = std::string(kStatusAccept);
  std::vector<std::string_view> rest(parts.begin() + static_cast<ptrdiff_t>(year_at) + 1, parts.end());
  if (!rest.empty()) {
    const std::string_view last = rest.back();
    if (last == "Rejected_Submission") id.status = "Reject";
    if (last == "Withdrawn_Submission") id.status = "Withdraw";
    if (last == "Desk_Rejected_Submission") id.status = "Desk Reject";
    if (last == "Submission") id.status = "Active";
    if (id.status != kStatusAccept) rest.pop_back();
  }
  if (!rest.empty() && rest.front() == "Track") rest.erase(rest.begin());
  for (const std::string_view part : rest) {
    if (part == "Conference") continue;
    if (!id.track.empty()) id.track += ' ';
    id.track += part;
  }
  for (char& c : id.track) {
    if (c == '_') c = ' ';
  }
  if (id.track.empty()) id.track = "main";
  return id;
}

Result<VenuePaper> ParseOpenReviewNote(std::string_view text) {
  const json note = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!note.is_object()) return Fail(ErrorCode::kInvalidArgument, "not a JSON object");
  std::string forum = TopText(note, "forum");
  if (forum.empty()) forum = TopText(note, "id");
  Result<VenuePaperId> id = ParseVenuePaperId(forum + "@OpenReview");
  if (!id) return Fail(ErrorCode::kInvalidArgument, "note has no usable id: " + id.error().message);

  std::string venueid = ContentText(note, "venueid");
  if (venueid.empty()) {
    std::string invitation = TopText(note, "invitation");
    if (invitation.empty() && note.contains("invitations") && note["invitations"].is_array() &&
        !note["invitations"].empty() && note["invitations"][0].is_string()) {
      invitation = note["invitations"][0].get<std::string>();
    }
    venueid = invitation.substr(0, invitation.find("/-/"));
  }
  Result<OpenReviewVenueId> venue = ParseOpenReviewVenueId(venueid);
  if (!venue) {
    return Fail(ErrorCode::kInvalidArgument,
                "note " + QuoteForMessage(forum) + ": " + venue.error().message);
  }
  VenuePaper paper;
  paper.id = std::move(*id);
  paper.edition = venue->edition.Tag();
  paper.title = CleanVenueText(ContentText(note, "title"));
  if (paper.title.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "note " + QuoteForMessage(forum) + " has no title");
  }
  for (std::string& name : ContentList(note, "authors")) paper.authors.push_back({std::move(name), ""});
  paper.abstract = CleanVenueText(ContentText(note, "abstract"));
  paper.keywords = ContentList(note, "keywords");
  paper.track = venue->track;
  paper.status = venue->status;
  paper.presentation = PresentationOf(ContentText(note, "venue"));
  paper.group = paper.presentation.empty() ? paper.status : paper.presentation;
  if (const auto number = note.find("number"); number != note.end() && number->is_number_integer()) {
    paper.position = number->get<int64_t>();
  }
  const std::string pdf = ContentText(note, "pdf");
  paper.pdf_url = pdf.starts_with('/') ? "https://openreview.net" + pdf : pdf;
  paper.landing_url = "https://openreview.net/forum?id=" + forum;
  return paper;
}

Result<void> ReadOpenReviewFile(const std::filesystem::path& path, VenueRecordSink& sink) {
  auto stream = JsonElementStream::Open(path, {"notes"});
  if (!stream) return std::unexpected(stream.error());
  std::set<std::string> announced;
  int64_t read = 0;
  for (;;) {
    auto element = stream->Next();
    if (!element) return std::unexpected(element.error());
    if (!*element) break;
    ++read;
    Result<VenuePaper> paper = ParseOpenReviewNote((*element)->text);
    if (!paper) {
      sink.OnMalformed((*element)->line, paper.error().message);
      continue;
    }
    if (paper->position == 0) paper->position = read;
    if (!announced.contains(paper->edition)) {
      Result<VenueEdition> edition = ParseEditionTag(paper->edition);
      if (!edition) return std::unexpected(edition.error());
      edition->sources = {"OpenReview"};
      if (auto written = sink.OnEdition(*edition); !written) return written;
      announced.insert(paper->edition);
    }
    if (auto taken = sink.OnPaper(std::move(*paper), stream->bytes_consumed()); !taken) return taken;
  }
  if (std::optional<VenueEdition> counted = OfficialCount(stream->skeleton())) {
    if (auto written = sink.OnEdition(*counted); !written) return written;
  }
  return {};
}

}  // namespace coolpapers::ingest
