// Author lists from the string forms arXiv metadata uses.
#ifndef COOLPAPERS_CORE_AUTHOR_LIST_H_
#define COOLPAPERS_CORE_AUTHOR_LIST_H_

#include <string>
#include <string_view>
#include <vector>

namespace coolpapers {

// Splits "A. One, B. Two and C. Three" (also "A and B", "A, B, and C", with "\n" line wraps and
// runs of spaces) into names, TeX accents decoded and whitespace collapsed. Parenthesised
// affiliations are kept with their name and commas inside parentheses do not split:
// "A (MIT, USA), B" -> {"A (MIT, USA)", "B"}. Empty input gives an empty list.
std::vector<std::string> SplitAuthorList(std::string_view text);

// Cleans names that already come as a list: whitespace collapsed, TeX accents decoded, empty
// names dropped.
std::vector<std::string> NormalizeAuthorNames(const std::vector<std::string>& names);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_AUTHOR_LIST_H_
