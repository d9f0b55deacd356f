// Author lists from the forms arXiv metadata uses: names kept apart from affiliations.
#ifndef COOLPAPERS_CORE_AUTHOR_LIST_H_
#define COOLPAPERS_CORE_AUTHOR_LIST_H_

#include <string>
#include <string_view>
#include <vector>

namespace coolpapers {

struct Paper;

// Names in byline order and, parallel to them, each author's affiliation ("" for an author
// without one); `affiliations` is empty when no author has one.
struct AuthorList {
  std::vector<std::string> names;
  std::vector<std::string> affiliations;

  // Appends one author; `affiliation` may be empty.
  void Add(std::string name, std::string affiliation);
  // Moves the list into `paper.authors` and `paper.affiliations`.
  void MoveInto(Paper& paper) &&;
};

// Splits "A. One, B. Two and C. Three" (also "A and B", "A, B, and C", with "\n" line wraps and
// runs of spaces) into names, TeX accents decoded and whitespace collapsed. A parenthesised part
// is the author's affiliation, never part of the name, and commas inside it do not split:
// "A (MIT, USA), B (1)" -> names {"A", "B"}, affiliations {"MIT, USA", "1"}. "et al" is no
// author. Empty input gives an empty list.
AuthorList SplitAuthorList(std::string_view text);

// The same for names that already come as a list, one name (and maybe its affiliation) each.
AuthorList NormalizeAuthorNames(const std::vector<std::string>& names);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_AUTHOR_LIST_H_
