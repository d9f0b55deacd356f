// How a paper becomes a Xapian document: which texts are indexed under which prefix, with which
// weights, and which boolean terms and values it carries (term_prefixes.h lists them). Shared by
// the incremental writer and the parallel rebuild, so both index a paper the same way. Internal
// to src/search: it exposes Xapian types.
#ifndef COOLPAPERS_SEARCH_PAPER_DOCUMENT_H_
#define COOLPAPERS_SEARCH_PAPER_DOCUMENT_H_

#include <xapian.h>

#include "core/paper.h"

namespace coolpapers::search {

// A term generator set up as the index expects (English stems beside the exact words). Not
// thread-safe: one per thread.
Xapian::TermGenerator MakeTermGenerator();

// The paper's document, keyed by its id term (kIdPrefix + id). `generator` comes from
// MakeTermGenerator; its document is replaced.
Xapian::Document MakePaperDocument(const Paper& paper, Xapian::TermGenerator& generator);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_PAPER_DOCUMENT_H_
