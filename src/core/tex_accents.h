// Decoding of arXiv's TeX accent escapes in titles and abstracts (arXiv's tex-accents
// convention) to Unicode, so that "Schr{\"o}dinger" reads and searches as "Schrödinger".
#ifndef COOLPAPERS_CORE_TEX_ACCENTS_H_
#define COOLPAPERS_CORE_TEX_ACCENTS_H_

#include <string>
#include <string_view>

namespace coolpapers {

// Replaces accent commands with the accented character: {\"o} \"o \"{o} -> ö, \'e -> é,
// {\c c} \c{c} -> ç, \~n -> ñ, \aa -> å, \AA -> Å, \o -> ø, \ss -> ß, \l -> ł, \ae, \oe, \i ...
// Text inside math ($...$, $$...$$, \(...\), \[...\]) is left untouched, and so is anything
// that is not a known accent. Never fails: unknown sequences pass through unchanged.
std::string DecodeTexAccents(std::string_view text);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_TEX_ACCENTS_H_
