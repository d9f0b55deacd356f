#include "ingest/venue/venue_names.h"

#include <array>
#include <cctype>
#include <utility>

namespace coolpapers::ingest {
namespace {

// The venues of papers.cool's menu (shared/reference/cool-papers.md §2.1.6) and their
// neighbours in Paper Copilot's lists, where the spelling is not simply upper case.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kSpellings = {{
    {"nips", "NeurIPS"},
    {"neurips", "NeurIPS"},
    {"corl", "CoRL"},
    {"mlsys", "MLSYS"},
    {"usenixsecurity", "USENIX-Sec"},
    {"usenix-sec", "USENIX-Sec"},
    {"interspeech", "INTERSPEECH"},
}};

}  // namespace

std::string VenueDisplayName(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [from, to] : kSpellings) {
    if (lower == from) return std::string(to);
  }
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

}  // namespace coolpapers::ingest
