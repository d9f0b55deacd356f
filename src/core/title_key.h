// The normalised form of a title that a venue paper and an arXiv paper are matched on.
#ifndef COOLPAPERS_CORE_TITLE_KEY_H_
#define COOLPAPERS_CORE_TITLE_KEY_H_

#include <string>
#include <string_view>

namespace coolpapers {

// TeX accents decoded, ASCII letters lower-cased, and everything but letters and digits
// dropped (spaces, punctuation, braces, "$", "\"): "Naive Bayes-based Context Extension" and
// "naive bayes based  context {E}xtension" both give "naivebayesbasedcontextextension".
// Non-ASCII characters are kept as they are. Pure; thread-safe.
std::string MakeTitleKey(std::string_view title);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_TITLE_KEY_H_
