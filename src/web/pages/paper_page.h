// /arxiv/<id>[,<id>...]: one or several papers as cards (each with its COinS span). A
// single-paper page also carries the meta tags from which Zotero's Embedded Metadata translator
// saves a preprint (z:itemType, citation_title, one citation_author per author as "Family,
// Given", citation_date, citation_online_date, citation_publisher, citation_technical_report_number,
// citation_doi, citation_public_url, citation_pdf_url, citation_abstract; docs/citations.md says
// which tag gives which field) and a description.
#ifndef COOLPAPERS_WEB_PAGES_PAPER_PAGE_H_
#define COOLPAPERS_WEB_PAGES_PAPER_PAGE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/paper.h"
#include "core/venue.h"
#include "web/pages/layout.h"

namespace coolpapers::web {

struct PapersView {
  std::vector<Paper> papers;         // found, in the order asked; never empty
  std::vector<std::string> missing;  // canonical ids asked for but not in the store
  // One paper's page: the same paper as conferences accepted it (venue_store.h), each linked
  // to its /venue/ page under the info line.
  std::vector<VenuePaper> venue_versions = {};
};

// The page, in the instance's `frame` (layout.h). Thread-safe; all text escaped.
// For one paper, `stored_faq_languages` ("en", "zh") are those its FAQ is stored in, which the
// page opens inline (single_paper.js) without asking for a generation.
std::string RenderPaperPage(const PapersView& view, const PageFrame& frame,
                            const std::vector<std::string>& stored_faq_languages = {});

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_PAGES_PAPER_PAGE_H_
