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

#include <nlohmann/json_fwd.hpp>

#include <string>

#include "web/pages/venue_page.h"

namespace coolpapers::web {

// One venue paper's object, as /api/venue/<id> gives it: ids, edition, title, authors with
// affiliations, ..., and "url", its page. Also the venue papers of search and related answers.
nlohmann::json VenuePaperJson(const VenuePaper& paper);

// {"editions":[{"edition":"ICLR.2024","venue","year","full_name","sources","official_count",
//  "official_count_source","papers","accepted","coverage":"3 of 2,260 accepted papers (...)",
//  "coverage_differs":bool,"url":"/venue/ICLR.2024"}]}: every stored edition, by venue then year.
std::string RenderVenueIndexJson(const VenueIndexView& view);

// {"edition":"ICLR.2024","venue":"ICLR","year":2024,"full_name":"...","sources":[...],
//  "official_count":N|null,"official_count_source":"...","papers_stored":N,"accepted_stored":N,
//  "coverage":"...","coverage_differs":bool,"editions":["ICLR.2025","ICLR.2024"],
//  "group":"Oral"|null,"groups":[{"group","papers","accepted"}],
//  "total":N,"skip":0,"show":25,"papers":[venue paper...]}
std::string RenderVenueEditionJson(const VenueEditionView& view);

// {"papers":[venue paper...],"missing":["x@OpenReview"]}
std::string RenderVenuePapersJson(const VenuePapersView& view);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_API_VENUE_JSON_H_
