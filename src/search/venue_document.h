// How a conference paper (core/venue.h) becomes a Xapian document in the same index as the arXiv
// papers: the same text prefixes, so one query searches both branches, with the branch term
// XBvenue, its venue's term (XVnaacl) and its edition's start day in the day slot. Internal to
// src/search: it exposes Xapian types.
#ifndef COOLPAPERS_SEARCH_VENUE_DOCUMENT_H_
#define COOLPAPERS_SEARCH_VENUE_DOCUMENT_H_

#include <xapian.h>

#include <string>

#include "core/venue.h"

namespace coolpapers::search {

// The day a venue paper is dated by in the index, "YYYYMMDD": its edition's start date when
// known, else the first of January of its year, so date:2024 and date:2023..2025 find an
// edition by its year.
std::string VenueDay(const VenueEdition& edition);

// The paper's document, keyed by its id term (kIdPrefix + "2024.naacl-long.431@ACL"; venue ids
// hold "@", arXiv ids never do, so the two id spaces cannot meet), with its title, abstract,
// keywords (indexed as abstract words) and author names (without affiliations).
// `edition` is the paper's. `generator` comes from MakeTermGenerator; its document is replaced.
Xapian::Document MakeVenueDocument(const VenuePaper& paper, const VenueEdition& edition,
                                   Xapian::TermGenerator& generator);

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_VENUE_DOCUMENT_H_
