// Quoting user text inside error messages, so a message names the offending value without
// echoing a megabyte of it or breaking the quotes.
#ifndef COOLPAPERS_CORE_QUOTED_TEXT_H_
#define COOLPAPERS_CORE_QUOTED_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace coolpapers {

inline constexpr size_t kMaxQuotedChars = 80;

// Returns the text in double quotes for an error message: `"1406.0266x"`. Quotes and
// backslashes are escaped (`\"`, `\\`), control characters become `\xNN`, and text longer than
// kMaxQuotedChars bytes is cut (never inside a UTF-8 sequence) and ends with "...".
// Example: QuoteForMessage("cs.XX") == "\"cs.XX\"". Pure; safe from any thread.
std::string QuoteForMessage(std::string_view text);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_QUOTED_TEXT_H_
