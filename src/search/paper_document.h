// How a paper becomes a Xapian document: which texts are indexed under which prefix, with which
// weights, and which boolean terms and values it carries (term_prefixes.h lists them). Shared by
// the incremental writer and the parallel rebuild, so both index a paper the same way. Internal
// to src/search: it exposes Xapian types.
#ifndef COOLPAPERS_SEARCH_PAPER_DOCUMENT_H_
#define COOLPAPERS_SEARCH_PAPER_DOCUMENT_H_

#include <xapian.h>

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/paper.h"
#include "store/store.h"

namespace coolpapers::search {

// Title words count this many times per occurrence, so a query word in the title outranks
// the same word in the abstract (issue 6: "BM25 ranking with a title boost").
inline constexpr Xapian::termcount kTitleWdfInc = 3;

// Indexes `text` under `prefix`, ASCII-folded, as queries are, with a position gap after it;
// stop words as the field keeps them (KeepsStopWords). Shared with venue_document.cc, so venue
// papers are indexed exactly as arXiv papers are.
void IndexPaperText(Xapian::TermGenerator& generator, const std::string& text,
                    Xapian::termcount wdf_inc, std::string_view prefix);

// A term generator set up as the index expects (English stems beside the exact words). Not
// thread-safe: one per thread.
Xapian::TermGenerator MakeTermGenerator();

// The texts of a batch (Store::SearchTexts) by paper id; points into `texts`, which must outlive
// it.
using SearchTextsById = std::unordered_map<std::string_view, const store::PaperSearchText*>;
SearchTextsById MapSearchTexts(std::span<const store::PaperSearchText> texts);

// The paper's document, keyed by its id term (kIdPrefix + id), with its full text and FAQ
// answers when `texts` has them (nullptr: the metadata alone). `generator` comes from
// MakeTermGenerator; its document is replaced.
Xapian::Document MakePaperDocument(const Paper& paper, const store::PaperSearchText* texts,
                                   Xapian::TermGenerator& generator);

// MakePaperDocument with the paper's texts looked up in `texts` by its id.
Xapian::Document MakePaperDocument(const Paper& paper, const SearchTextsById& texts,
                                   Xapian::TermGenerator& generator);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_PAPER_DOCUMENT_H_
