#include "harvest/venue_catalog.h"

#include "core/quoted_text.h"

namespace coolpapers::harvest {
namespace {

#define ACL_XML "https://raw.githubusercontent.com/acl-org/acl-anthology/master/data/xml/"
#define ACL_YAML "https://raw.githubusercontent.com/acl-org/acl-anthology/master/data/yaml/venues/"
#define OPENREVIEW "https://api2.openreview.net"
#define AAAI_OAI "https://ojs.aaai.org/index.php/AAAI/oai"

// COLT 2026's bib was deleted from v336's branch after publication ("retrieve via git history
// if needed"): it is read at the commit that has it.
constexpr KnownVenueEdition kEditions[] = {
    {"AAAI.2024", VenueHarvestSource::kOjsOai, AAAI_OAI, "2024-01-01"},
    {"AAAI.2025", VenueHarvestSource::kOjsOai, AAAI_OAI, "2025-01-01"},
    {"ACL.2024", VenueHarvestSource::kAclAnthology, ACL_XML "2024.acl.xml", ACL_YAML "acl.yaml"},
    {"COLM.2024", VenueHarvestSource::kOpenReview, OPENREVIEW, "colmweb.org/COLM/2024/Conference"},
    {"COLT.2026", VenueHarvestSource::kPmlr,
     "https://raw.githubusercontent.com/mlresearch/v336/a38f8ab26e793cff794c8017a29fb29a7c25c6b3/"
     "colt2026.bib",
     "https://raw.githubusercontent.com/mlresearch/v336/a38f8ab26e793cff794c8017a29fb29a7c25c6b3/"
     "_config.yml"},
    {"CoRL.2025", VenueHarvestSource::kPmlr,
     "https://raw.githubusercontent.com/mlresearch/v305/main/corl25.bib",
     "https://raw.githubusercontent.com/mlresearch/v305/main/_config.yml"},
    {"EMNLP.2024", VenueHarvestSource::kAclAnthology, ACL_XML "2024.emnlp.xml",
     ACL_YAML "emnlp.yaml"},
    {"ICLR.2024", VenueHarvestSource::kOpenReview, OPENREVIEW, "ICLR.cc/2024/Conference"},
    {"ICLR.2025", VenueHarvestSource::kOpenReview, OPENREVIEW, "ICLR.cc/2025/Conference"},
    {"ICML.2025", VenueHarvestSource::kOpenReview, OPENREVIEW, "ICML.cc/2025/Conference"},
    {"NAACL.2024", VenueHarvestSource::kAclAnthology, ACL_XML "2024.naacl.xml",
     ACL_YAML "naacl.yaml"},
    {"NAACL.2025", VenueHarvestSource::kAclAnthology, ACL_XML "2025.naacl.xml",
     ACL_YAML "naacl.yaml"},
    {"NeurIPS.2024", VenueHarvestSource::kOpenReview, OPENREVIEW, "NeurIPS.cc/2024/Conference"},
    {"NeurIPS.2025", VenueHarvestSource::kOpenReview, OPENREVIEW, "NeurIPS.cc/2025/Conference"},
    {"OSACT.2024", VenueHarvestSource::kAclAnthology, ACL_XML "2024.osact.xml",
     ACL_YAML "osact.yaml"},
};

#undef ACL_XML
#undef ACL_YAML
#undef OPENREVIEW
#undef AAAI_OAI

}  // namespace

std::string_view VenueHarvestSourceName(VenueHarvestSource source) {
  switch (source) {
    case VenueHarvestSource::kAclAnthology:
      return "ACL Anthology";
    case VenueHarvestSource::kPmlr:
      return "PMLR";
    case VenueHarvestSource::kOpenReview:
      return "OpenReview";
    case VenueHarvestSource::kOjsOai:
      return "AAAI OJS";
  }
  return "?";
}

std::span<const KnownVenueEdition> KnownVenueEditions() { return kEditions; }

Result<KnownVenueEdition> FindKnownVenueEdition(std::string_view tag) {
  std::string known;
  for (const KnownVenueEdition& edition : kEditions) {
    if (edition.tag == tag) return edition;
    if (!known.empty()) known += ", ";
    known += edition.tag;
  }
  return Fail(ErrorCode::kNotFound, "coolpapers cannot fetch " + QuoteForMessage(tag) +
                                        ": the editions it knows are " + known +
                                        " (docs/venues.md, \"Harvest\")");
}

}  // namespace coolpapers::harvest
