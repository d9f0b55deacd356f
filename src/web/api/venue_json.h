// The venue branch's JSON, /api/venue/...: the same data as the venue pages (pages/venue_page.h),
// with the keys of openapi.json's VenuePaper and VenueEdition schemas.
//
// A venue paper: {"id":"2024.naacl-long.431@ACL","other_ids":["..."],"edition":"NAACL.2024",
//   "title":"...","authors":[{"name":"...","affiliation":""}],"abstract":"...","track":"long",
//   "group":"Long","status":"Accept","presentation":"","keywords":[...],"pdf_url":"...",
//   "landing_url":"...","doi":"","pages":"","arxiv_id":"2403.17552"|null,
//   "arxiv_link":"none"|"source"|"title","url":"/venue/2024.naacl-long.431%40ACL"}
#ifndef COOLPAPERS_WEB_API_VENUE_JSON_H_
#define COOLPAPERS_WEB_API_VENUE_JSON_H_

#include <string>

#include "web/pages/venue_page.h"

namespace coolpapers::web {

// {"edition":"ICLR.2024","venue":"ICLR","year":2024,"full_name":"...","sources":[...],
//  "official_count":N|null,"group":"Oral"|null,"groups":[{"group","papers","accepted"}],
//  "total":N,"skip":0,"show":25,"papers":[venue paper...]}
std::string RenderVenueEditionJson(const VenueEditionView& view);

// {"papers":[venue paper...],"missing":["x@OpenReview"]}
std::string RenderVenuePapersJson(const VenuePapersView& view);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_API_VENUE_JSON_H_
