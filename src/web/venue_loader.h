// What the venue pages, their JSON and their feeds show, read from the venue store: the index
// of every edition, one edition's slice (by group), and papers by id. Each failure says
// what exists instead (the stored editions, venues or groups), so a 404 page can name them.
#ifndef COOLPAPERS_WEB_VENUE_LOADER_H_
#define COOLPAPERS_WEB_VENUE_LOADER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/venue_store.h"
#include "web/pages/venue_page.h"
#include "web/router.h"

namespace coolpapers::web {

// Which edition page a request asks for, and how.
struct VenueEditionRequest {
  std::string subject;  // "ICLR.2024", or a venue's name alone ("ICLR": its newest edition)
  std::optional<std::string> group;
  int64_t skip = 0;
  int64_t show = kDefaultShow;
};

// Every stored edition, by venue then year (newest first).
[[nodiscard]] Result<VenueIndexView> LoadVenueIndex(store::VenueStore& venues);

// The edition tag `subject` names: itself when it is stored, the newest stored edition of the
// venue when it is a venue's name (matched ignoring case: "iclr" is ICLR). kNotFound naming the
// stored editions (of that venue when it has some) otherwise.
[[nodiscard]] Result<std::string> ResolveEditionTag(store::VenueStore& venues,
                                                    std::string_view subject);

// The edition's slice in source order (the browser sorts the whole edition as it sorts a day:
// frontend/js/sort_cards.js). kNotFound for an unknown edition or group, naming what exists.
[[nodiscard]] Result<VenueEditionView> LoadVenueEditionView(store::VenueStore& venues,
                                                            const VenueEditionRequest& request);

// The papers asked for by id, missing ones named; kNotFound when none is stored.
[[nodiscard]] Result<VenuePapersView> LoadVenuePapersView(store::VenueStore& venues,
                                                          const std::vector<std::string>& ids);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_VENUE_LOADER_H_
