#include "core/person_name.h"

#include <algorithm>
#include <array>
#include <span>
#include <vector>

#include "core/whitespace.h"

namespace coolpapers {
namespace {

constexpr std::array<std::string_view, 23> kParticles = {
    "van", "von", "der", "den", "de",  "del", "della", "dei", "degli", "di", "da", "das",
    "dos", "du",  "le",  "la",  "ter", "ten", "zu",    "zum", "af",    "av", "d'"};

constexpr std::array<std::string_view, 9> kSuffixes = {"Jr.", "Jr", "Sr.", "Sr", "II",
                                                       "III", "IV", "Jnr.", "Snr."};

// Words that make a byline entry an organisation rather than a person.
constexpr std::array<std::string_view, 14> kGroupWords = {
    "Team",    "Collaboration", "Consortium", "Group",       "Project",  "Initiative", "Lab",
    "Labs",    "Laboratory",    "Committee",  "Association", "Alliance", "Community",  "AI"};

bool In(std::string_view word, auto const& list) {
  return std::ranges::find(list, word) != list.end();
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string Join(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

}  // namespace

std::string PersonName::FamilyFirst() const {
  if (group || given.empty()) return suffix.empty() ? family : family + " " + suffix;
  return family + (suffix.empty() ? "" : " " + suffix) + ", " + given;
}

PersonName SplitPersonName(std::string_view name) {
  const std::string clean = CollapseWhitespace(name);
  std::vector<std::string_view> words = Words(clean);
  PersonName person;
  if (words.empty()) return person;
  if (words.front() == "The" || std::ranges::any_of(words, [](std::string_view w) {
        return In(w, kGroupWords);
      })) {
    person.family = clean;
    person.group = true;
    return person;
  }
  if (words.size() > 2 && In(words.back(), kSuffixes)) {
    person.suffix = std::string(words.back());
    words.pop_back();
  }
  if (words.size() == 1) {
    person.family = std::string(words.front());
    return person;
  }
  // The family name starts at the first lowercase particle after the first word, else it is
  // the last word.
  size_t family_start = words.size() - 1;
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (In(words[i], kParticles)) {
      family_start = i;
      break;
    }
  }
  const std::span<const std::string_view> all(words);
  person.given = Join(all.first(family_start));
  person.family = Join(all.subspan(family_start));
  return person;
}

}  // namespace coolpapers
