// Whitespace clean-up for metadata text: arXiv titles, abstracts and author lists arrive with
// hard line wraps ("\n  ") and runs of spaces.
#ifndef COOLPAPERS_CORE_WHITESPACE_H_
#define COOLPAPERS_CORE_WHITESPACE_H_

#include <string>
#include <string_view>

namespace coolpapers {

// Replaces every run of ASCII whitespace (space, \t, \n, \r, \f, \v) with one space and trims
// both ends: " Deep\n  Learning\t" -> "Deep Learning". Other bytes, UTF-8 included, are kept.
// Pure; safe from any thread.
std::string CollapseWhitespace(std::string_view text);

// `text` without its leading and trailing ASCII whitespace (the same six bytes): "\t a b \r\n"
// -> "a b". A view into `text`. Pure.
std::string_view TrimWhitespace(std::string_view text);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_WHITESPACE_H_
