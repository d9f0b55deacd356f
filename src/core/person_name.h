// An author's name split the way citations need it (family, given, suffix), from the single
// display string arXiv gives: "Aäron van den Oord" -> van den Oord / Aäron, "Roberto M. Cesar
// Jr." -> Cesar / Roberto M. / Jr., and a group author ("Gemma Team") kept whole.
#ifndef COOLPAPERS_CORE_PERSON_NAME_H_
#define COOLPAPERS_CORE_PERSON_NAME_H_

#include <string>
#include <string_view>

namespace coolpapers {

struct PersonName {
  std::string family;  // "van den Oord", "Cesar"; for a group, the whole name
  std::string given;   // "Aäron", "Roberto M."; empty for a group or a single word
  std::string suffix;  // "Jr.", "III"; usually empty
  bool group = false;  // an organisation ("Gemma Team", "The BABAR Collaboration")

  // "Cesar Jr., Roberto M." ("family suffix, given"): the form Zotero's Highwire and COinS
  // readers split at the comma. A group or a single word is the name alone.
  std::string FamilyFirst() const;
};

// Splits `name` (TeX already decoded). Family-name particles (van, von, de, der, della, di,
// du, le, ...) start the family name when lowercase and not first; a trailing Jr./Sr./II-IV is
// the suffix; a name holding a word like Team, Collaboration, Consortium or Group, or starting
// with "The", is a group.
PersonName SplitPersonName(std::string_view name);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_PERSON_NAME_H_
