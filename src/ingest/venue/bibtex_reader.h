// A BibTeX reader for proceedings bibliographies (PMLR volume sources, the entries embedded in
// Paper Copilot lists): entries with their fields, @string macros expanded, "#" concatenation,
// braced and quoted values, and the line each entry starts on. Then the clean-up of a field's
// TeX into text, and of an author field into names.
#ifndef COOLPAPERS_INGEST_VENUE_BIBTEX_READER_H_
#define COOLPAPERS_INGEST_VENUE_BIBTEX_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coolpapers::ingest {

struct BibEntry {
  std::string type;  // lower-cased: "inproceedings", "proceedings"
  std::string key;   // as written: "xie25"
  // Field names lower-cased, in file order; values with their outer braces or quotes removed,
  // macros expanded and "#" parts joined, inner braces kept: "{B}ayesian $\pi_{0.5}$".
  std::vector<std::pair<std::string, std::string>> fields;
  int64_t line = 0;         // 1-based line of its "@"
  int64_t end_offset = 0;   // byte offset just past the entry

  // The field's value, or "" when absent.
  std::string_view Field(std::string_view name) const;
};

struct BibError {
  int64_t line = 0;
  std::string message;  // "entry \"xie25\": expected \"=\" after field \"title\""
};

struct BibFile {
  std::vector<BibEntry> entries;  // @string, @preamble and @comment are not entries
  std::vector<BibError> errors;   // entries that could not be read; reading resumes at the next "@"
};

// Reads every entry of `text`. Text outside entries is ignored, as BibTeX does. Macros
// defined with @string apply to later entries; the month macros jan..dec are predefined. An
// undefined macro, an unclosed brace or quote, or a missing "=" makes the entry an error.
// Pure; thread-safe.
BibFile ReadBibTex(std::string_view text);

// A field's TeX as plain text: accents decoded (core/tex_accents.h), braces and "\&", "\%",
// "\_", "\#", "\$" unescaped outside math, "~" a space, "``"/"''" quotes, "---"/"--" dashes,
// whitespace collapsed. Math ($...$) is kept as written: "$\pi_{0.5}$: a {VLA}" gives
// "$\pi_{0.5}$: a VLA".
std::string BibTexToText(std::string_view value);

// Splits an author (or editor) field at " and " outside braces and writes each name first
// name first: "Black, Kevin and Lim, Joseph J. and {van der Berg}, A" gives
// {"Kevin Black", "Joseph J. Lim", "A van der Berg"}; "Jr" parts ("Last, Jr, First") follow
// the last name. Names are cleaned with BibTexToText.
std::vector<std::string> SplitBibTexNames(std::string_view field);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_BIBTEX_READER_H_
