// How the list-valued, time-valued and enumerated values are spelled in table columns
// (docs/store.md): authors joined with '\n' (names never contain one), categories joined with
// ' ' (ids never contain one), version times as UTC ISO 8601, click kinds as words. Any store
// implementation that keeps text columns uses these, so stored data reads the same everywhere.
#ifndef COOLPAPERS_STORE_PAPER_COLUMNS_H_
#define COOLPAPERS_STORE_PAPER_COLUMNS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/announcement_calendar.h"
#include "store/store.h"

namespace coolpapers::store {

inline constexpr char kAuthorSeparator = '\n';
inline constexpr char kCategorySeparator = ' ';

// {"A. One", "B. Two"} with '\n' -> "A. One\nB. Two"; an empty list gives "".
std::string JoinColumn(const std::vector<std::string>& items, char separator);

// The inverse of JoinColumn: "A. One\nB. Two" -> {"A. One", "B. Two"}; "" gives {}.
std::vector<std::string> SplitColumn(std::string_view text, char separator);

// A paper's affiliations column: '\n'-joined, parallel to its authors; '' when no author has one.
std::string JoinAffiliations(const Paper& paper);

// Reads the affiliations column back for a paper with `author_count` authors: one entry per
// author, or {} when the column is empty or does not match the authors (a damaged row).
std::vector<std::string> SplitAffiliations(std::string_view text, size_t author_count);

// "pdf" or "faq", as the paper_clicks.kind column spells a click.
std::string_view ClickKindName(ClickKind kind);

}  // namespace coolpapers::store

#endif  // COOLPAPERS_STORE_PAPER_COLUMNS_H_
