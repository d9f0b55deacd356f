#include "core/venue_merge.h"

#include <algorithm>

#include "core/title_key.h"

namespace coolpapers {
namespace {

template <class Field>
void Prefer(Field& merged, const Field& better, const Field& worse) {
  merged = better.empty() ? worse : better;
}

void AddId(VenuePaper& paper, const VenuePaperId& id) {
  if (id == paper.id) return;
  if (std::ranges::find(paper.other_ids, id) != paper.other_ids.end()) return;
  paper.other_ids.push_back(id);
}

}  // namespace

int VenueRecordRank(const VenuePaper& paper) {
  return 2 * VenueSourceRank(paper.id.source) + (paper.secondhand ? 1 : 0);
}

VenuePaper MergeVenuePapers(const VenuePaper& stored, int stored_rank, const VenuePaper& incoming,
                            int incoming_rank) {
  // Ties go to the incoming record, so a source re-imported after a correction wins.
  const bool incoming_better = incoming_rank <= stored_rank;
  const VenuePaper& better = incoming_better ? incoming : stored;
  const VenuePaper& worse = incoming_better ? stored : incoming;

  VenuePaper merged;
  merged.id = VenueSourceRank(incoming.id.source) < VenueSourceRank(stored.id.source)
                  ? incoming.id
                  : stored.id;
  for (const VenuePaper* side : {&stored, &incoming}) {
    AddId(merged, side->id);
    for (const VenuePaperId& id : side->other_ids) AddId(merged, id);
  }
  std::ranges::sort(merged.other_ids, [](const VenuePaperId& a, const VenuePaperId& b) {
    return std::pair(VenueSourceRank(a.source), a.ToString()) <
           std::pair(VenueSourceRank(b.source), b.ToString());
  });
  merged.edition = stored.edition;
  // Positions of different sources do not compare: the better source's order wins.
  merged.position = better.position;
  Prefer(merged.title, better.title, worse.title);
  Prefer(merged.authors, better.authors, worse.authors);
  Prefer(merged.abstract, better.abstract, worse.abstract);
  Prefer(merged.track, better.track, worse.track);
  Prefer(merged.group, better.group, worse.group);
  Prefer(merged.status, better.status, worse.status);
  Prefer(merged.presentation, better.presentation, worse.presentation);
  Prefer(merged.keywords, better.keywords, worse.keywords);
  Prefer(merged.pdf_url, better.pdf_url, worse.pdf_url);
  Prefer(merged.landing_url, better.landing_url, worse.landing_url);
  Prefer(merged.doi, better.doi, worse.doi);
  Prefer(merged.pages, better.pages, worse.pages);

  // Affiliations are known to fewer sources than names: keep them when the better side has
  // the same number of authors but no affiliations.
  if (merged.authors.size() == worse.authors.size()) {
    for (size_t i = 0; i < merged.authors.size(); ++i) {
      if (merged.authors[i].affiliation.empty()) {
        merged.authors[i].affiliation = worse.authors[i].affiliation;
      }
    }
  }

  if (incoming.arxiv_link == ArxivLink::kSource && !incoming.arxiv_id.empty()) {
    merged.arxiv_id = incoming.arxiv_id;
    merged.arxiv_link = ArxivLink::kSource;
  } else {
    merged.arxiv_id = stored.arxiv_id;
    merged.arxiv_link = stored.arxiv_link;
    const bool retitled = MakeTitleKey(merged.title) != MakeTitleKey(stored.title);
    if (merged.arxiv_link == ArxivLink::kTitle && retitled) {
      merged.arxiv_id.clear();
      merged.arxiv_link = ArxivLink::kNone;
    }
  }
  return merged;
}

}  // namespace coolpapers
