#include "core/author_list.h"

#include <algorithm>
#include <array>

#include "core/paper.h"
#include "core/tex_accents.h"
#include "core/whitespace.h"

namespace coolpapers {
namespace {

// Name suffixes that follow a comma but belong to the name before it: "John Smith, Jr.".
constexpr std::array<std::string_view, 8> kNameSuffixes = {"Jr.", "Jr",  "Sr.", "Sr",
                                                           "II",  "III", "IV",  "Jnr."};

bool IsNameSuffix(std::string_view piece) {
  return std::ranges::find(kNameSuffixes, piece) != kNameSuffixes.end();
}

// "et al", "et al.", "et. al.": a byline's way of saying "and others", never an author.
bool IsEtAl(std::string_view piece) {
  return piece == "et al" || piece == "et al." || piece == "et. al." || piece == "et.al.";
}

// "B. Aubert et al" -> "B. Aubert".
std::string_view WithoutTrailingEtAl(std::string_view name) {
  for (std::string_view tail : {" et al.", " et al"}) {
    if (name.ends_with(tail)) return name.substr(0, name.size() - tail.size());
  }
  return name;
}

// Splits on commas and on the word "and", except inside parentheses, where affiliations
// list places ("(Physics and Astronomy, MIT)"). `text` has its whitespace collapsed.
std::vector<std::string> SplitTopLevel(std::string_view text) {
  std::vector<std::string> pieces(1);
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0 && c == ',') {
      pieces.emplace_back();
      continue;
    }
    if (depth == 0 && text.substr(i).starts_with(" and ")) {
      pieces.emplace_back();
      i += 4;  // the loop's ++i steps over the space after "and"
      continue;
    }
    pieces.back() += c;
  }
  return pieces;
}

// The contents of the parenthesised groups of `text` (from its first "("), joined with "; ":
// "(1) ((1) Uni A, (2) Uni B)" -> "1; (1) Uni A, (2) Uni B". A group left open (a byline cut
// short) runs to the end.
std::string AffiliationText(std::string_view text) {
  std::string affiliation;
  int depth = 0;
  for (const char c : text) {
    if (c == '(' && depth++ == 0) {
      if (!affiliation.empty()) affiliation += "; ";
      continue;
    }
    if (c == ')' && depth > 0 && --depth == 0) continue;
    if (depth > 0) affiliation += c;
  }
  return CollapseWhitespace(affiliation);
}

// One author from one piece of a byline: the name before any "(", the affiliation inside.
// A piece that names nobody ("et al", an empty piece, a lone affiliation) adds nothing.
void AddAuthor(std::string_view piece, AuthorList& list) {
  std::string text = CollapseWhitespace(piece);
  if (text.starts_with("and ")) text.erase(0, 4);  // the Oxford comma's "A, B, and C"
  const size_t open = text.find('(');
  std::string name = CollapseWhitespace(WithoutTrailingEtAl(
      std::string_view(text).substr(0, open == std::string::npos ? text.size() : open)));
  if (name.empty() || IsEtAl(name)) return;
  std::string affiliation =
      open == std::string::npos ? "" : AffiliationText(std::string_view(text).substr(open));
  if (IsNameSuffix(name) && !list.names.empty()) {
    list.names.back() += " " + name;  // "John Smith, Jr." reads as "John Smith Jr."
    return;
  }
  list.Add(std::move(name), std::move(affiliation));
}

}  // namespace

void AuthorList::Add(std::string name, std::string affiliation) {
  if (!affiliation.empty() && affiliations.size() < names.size()) {
    affiliations.resize(names.size());
  }
  names.push_back(std::move(name));
  if (!affiliation.empty() || !affiliations.empty()) {
    affiliations.resize(names.size());
    affiliations.back() = std::move(affiliation);
  }
}

void AuthorList::MoveInto(Paper& paper) && {
  paper.authors = std::move(names);
  paper.affiliations = std::move(affiliations);
}

AuthorList SplitAuthorList(std::string_view text) {
  AuthorList list;
  for (const std::string& piece : SplitTopLevel(CollapseWhitespace(DecodeTexAccents(text)))) {
    AddAuthor(piece, list);
  }
  return list;
}

AuthorList NormalizeAuthorNames(const std::vector<std::string>& names) {
  AuthorList list;
  for (const std::string& name : names) AddAuthor(DecodeTexAccents(name), list);
  return list;
}

}  // namespace coolpapers
