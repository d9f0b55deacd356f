// How papers.cool spells venue names ("NeurIPS", "CoRL", "USENIX-Sec"), from the lower-case
// names data sources use in file names and ids ("nips", "corl", "usenixsecurity").
#ifndef COOLPAPERS_INGEST_VENUE_VENUE_NAMES_H_
#define COOLPAPERS_INGEST_VENUE_VENUE_NAMES_H_

#include <string>
#include <string_view>

namespace coolpapers::ingest {

// "nips" and "neurips" -> "NeurIPS", "corl" -> "CoRL", "iclr" -> "ICLR" (any case in); a name
// it does not know comes back upper-cased: "foo" -> "FOO". Pure; thread-safe.
std::string VenueDisplayName(std::string_view name);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_VENUE_NAMES_H_
