#include "core/venue.h"

#include <array>
#include <cctype>
#include <utility>

#include "core/quoted_text.h"

namespace coolpapers {
namespace {

struct SourceSpelling {
  VenueSource source;
  std::string_view name;
  bool has_qualifier;  // the three-part forms
};

constexpr std::array<SourceSpelling, 8> kSources = {{
    {VenueSource::kAcl, "ACL", false},
    {VenueSource::kPmlr, "PMLR", true},
    {VenueSource::kCvf, "CVF", true},
    {VenueSource::kNeurIps, "NeurIPS", true},
    {VenueSource::kIjcai, "IJCAI", true},
    {VenueSource::kAaai, "AAAI", false},
    {VenueSource::kOpenReview, "OpenReview", false},
    {VenueSource::kUsenix, "USENIX", true},
}};

constexpr std::string_view kExpectedForms =
    "expected <id>@OpenReview, <id>@ACL, <n>@AAAI, <n>@<year>@IJCAI, <slug>@v<NN>@PMLR, "
    "<stem>@<CONF><YEAR>@CVF, <hash>@<year>@NeurIPS or <slug>@<conference><yy>@USENIX";

bool AllOf(std::string_view text, int (*predicate)(int)) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!predicate(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsYear(std::string_view text) { return text.size() == 4 && AllOf(text, isdigit); }

// CVF's "<CONF><YEAR>": "ICCV2019", "CVPR2025", "WACV2024".
bool IsConferenceYear(std::string_view text) {
  if (text.size() < 5 || !IsYear(text.substr(text.size() - 4))) return false;
  return AllOf(text.substr(0, text.size() - 4), isupper);
}

// USENIX's conference and two-digit year, as in its URLs: "usenixsecurity24", "osdi25", "atc24".
bool IsUsenixConference(std::string_view text) {
  return text.size() > 2 && AllOf(text.substr(text.size() - 2), isdigit) &&
         AllOf(text.substr(0, text.size() - 2), islower);
}

bool IsLowerHex32(std::string_view text) {
  if (text.size() != 32) return false;
  for (const char c : text) {
    if (!isdigit(static_cast<unsigned char>(c)) && (c < 'a' || c > 'f')) return false;
  }
  return true;
}

bool IsValidLocal(std::string_view local) {
  if (local.empty()) return false;
  for (const char c : local) {
    if (c == '@' || c == ',' || isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Result<VenuePaperId> InvalidId(std::string_view text) {
  return Fail(ErrorCode::kInvalidArgument,
              "invalid venue paper id " + QuoteForMessage(text) + ": " + std::string(kExpectedForms));
}

// Checks and normalises the parts each source requires.
bool NormaliseParts(VenuePaperId& id) {
  switch (id.source) {
    case VenueSource::kIjcai:
    case VenueSource::kAaai: {
      if (!AllOf(id.local, isdigit)) return false;
      const size_t first = id.local.find_first_not_of('0');
      id.local = first == std::string::npos ? "0" : id.local.substr(first);
      return id.source == VenueSource::kAaai || IsYear(id.qualifier);
    }
    case VenueSource::kPmlr:
      return id.qualifier.size() > 1 && id.qualifier[0] == 'v' &&
             AllOf(std::string_view(id.qualifier).substr(1), isdigit);
    case VenueSource::kCvf:
      return IsConferenceYear(id.qualifier);
    case VenueSource::kNeurIps:
      for (char& c : id.local) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
      return IsYear(id.qualifier) && IsLowerHex32(id.local);
    case VenueSource::kUsenix:
      return IsUsenixConference(id.qualifier);
    case VenueSource::kAcl:
    case VenueSource::kOpenReview:
      return true;
  }
  return false;
}

}  // namespace

std::string_view VenueSourceName(VenueSource source) {
  for (const SourceSpelling& spelling : kSources) {
    if (spelling.source == source) return spelling.name;
  }
  return "?";
}

int VenueSourceRank(VenueSource source) {
  return source == VenueSource::kUsenix ? VenueSourceRank(VenueSource::kAaai)
                                        : static_cast<int>(source);
}

std::string VenuePaperId::ToString() const {
  std::string text = local;
  if (!qualifier.empty()) text += "@" + qualifier;
  text += "@";
  text += VenueSourceName(source);
  return text;
}

Result<VenuePaperId> ParseVenuePaperId(std::string_view text) {
  const size_t last_at = text.rfind('@');
  if (last_at == std::string_view::npos) return InvalidId(text);
  const std::string_view source_name = text.substr(last_at + 1);
  const SourceSpelling* spelling = nullptr;
  for (const SourceSpelling& candidate : kSources) {
    if (candidate.name == source_name) spelling = &candidate;
  }
  if (spelling == nullptr) return InvalidId(text);

  VenuePaperId id;
  id.source = spelling->source;
  std::string_view rest = text.substr(0, last_at);
  if (spelling->has_qualifier) {
    const size_t middle_at = rest.rfind('@');
    if (middle_at == std::string_view::npos) return InvalidId(text);
    id.qualifier = std::string(rest.substr(middle_at + 1));
    rest = rest.substr(0, middle_at);
  }
  if (!IsValidLocal(rest)) return InvalidId(text);
  id.local = std::string(rest);
  if (!NormaliseParts(id)) return InvalidId(text);
  return id;
}

std::string VenueEdition::Tag() const { return venue + "." + std::to_string(year); }

Result<VenueEdition> ParseEditionTag(std::string_view tag) {
  const size_t dot = tag.rfind('.');
  const auto invalid = [&] {
    return Fail(ErrorCode::kInvalidArgument, "invalid venue edition " + QuoteForMessage(tag) +
                                                 ": expected NAME.YEAR, e.g. ICLR.2024");
  };
  if (dot == std::string_view::npos || dot == 0) return invalid();
  const std::string_view name = tag.substr(0, dot);
  const std::string_view year = tag.substr(dot + 1);
  if (!IsYear(year)) return invalid();
  for (const char c : name) {
    if (!isalnum(static_cast<unsigned char>(c)) && c != '-') return invalid();
  }
  VenueEdition edition;
  edition.venue = std::string(name);
  edition.year = std::stoi(std::string(year));
  return edition;
}

std::string_view ArxivLinkName(ArxivLink link) {
  switch (link) {
    case ArxivLink::kNone:
      return "none";
    case ArxivLink::kSource:
      return "source";
    case ArxivLink::kTitle:
      return "title";
  }
  return "none";
}

}  // namespace coolpapers
