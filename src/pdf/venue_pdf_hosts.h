// Where this instance fetches venue papers' PDFs from: for each source, the URL prefixes of its
// own proceedings site (docs/venues.md, "PDFs"). A stored PDF URL elsewhere is never fetched, so
// the PDF cache cannot be turned into a proxy for arbitrary URLs by an imported record.
#ifndef COOLPAPERS_PDF_VENUE_PDF_HOSTS_H_
#define COOLPAPERS_PDF_VENUE_PDF_HOSTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/venue.h"

namespace coolpapers::pdf {

// One allowed place: URLs of `source`'s papers starting with `prefix`, which ends in "/" after
// the host (or in a path), so "https://aclanthology.org.example/" never matches.
struct VenuePdfOrigin {
  VenueSource source = VenueSource::kAcl;
  std::string prefix;  // "https://aclanthology.org/"
};
using VenuePdfAllowList = std::vector<VenuePdfOrigin>;

// The sources' sites as URLS.md §3 lists them: aclanthology.org; proceedings.mlr.press and
// raw.githubusercontent.com/mlresearch/ (PMLR); openaccess.thecvf.com; papers.nips.cc and
// proceedings.neurips.cc; ijcai.org; ojs.aaai.org; openreview.net.
const VenuePdfAllowList& DefaultVenuePdfAllowList();

// Ok when `url` starts with one of `source`'s prefixes in `allow` and holds no whitespace,
// control character or backslash. kNotFound otherwise, quoting the URL and naming the allowed
// prefixes (the reader can still follow the source's link). Pure.
[[nodiscard]] Result<void> CheckVenuePdfUrl(const VenuePdfAllowList& allow, VenueSource source,
                                            std::string_view url);

}  // namespace coolpapers::pdf

#endif  // COOLPAPERS_PDF_VENUE_PDF_HOSTS_H_
