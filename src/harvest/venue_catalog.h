// The editions `coolpapers venue fetch` knows how to harvest, each with its source and where
// the source keeps it (docs/venues.md "Harvest" lists them). A new edition is a row here.
#ifndef COOLPAPERS_HARVEST_VENUE_CATALOG_H_
#define COOLPAPERS_HARVEST_VENUE_CATALOG_H_

#include <span>
#include <string>
#include <string_view>

#include "core/error.h"

namespace coolpapers::harvest {

enum class VenueHarvestSource {
  kAclAnthology,  // the collection XML and its venue yaml, from the Anthology's data repository
  kPmlr,          // the volume's source BibTeX and its _config.yml, from mlresearch/v<NN>
  kOpenReview,    // API v2 notes of the venue id, paged; a login since 2026
  kOjsOai,        // AAAI's OJS over OAI-PMH, oai_dc, resumption tokens
};

std::string_view VenueHarvestSourceName(VenueHarvestSource source);  // "ACL Anthology", ...

struct KnownVenueEdition {
  std::string_view tag;  // "ICLR.2025"
  VenueHarvestSource source;
  // kAclAnthology: the collection XML; kPmlr: the BibTeX; kOpenReview: the API's origin
  // ("https://api2.openreview.net"); kOjsOai: the OAI-PMH endpoint.
  std::string_view url;
  // kAclAnthology: the venue yaml; kPmlr: the _config.yml; kOpenReview: the venue id
  // ("ICLR.cc/2025/Conference"); kOjsOai: the first datestamp asked for ("2024-01-01").
  std::string_view detail;
};

// Every known edition, by venue then year.
std::span<const KnownVenueEdition> KnownVenueEditions();

// The edition "ICLR.2025" (exactly as papers.cool spells it). kNotFound naming every known
// edition otherwise.
[[nodiscard]] Result<KnownVenueEdition> FindKnownVenueEdition(std::string_view tag);

}  // namespace coolpapers::harvest

#endif  // COOLPAPERS_HARVEST_VENUE_CATALOG_H_
