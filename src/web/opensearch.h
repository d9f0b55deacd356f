// The OpenSearch description (opensearch.org, 1.1) served at /opensearch.xml and linked from
// every page's head, so browsers can add coolpapers as a search engine. Paths are relative to
// the site, which browsers resolve against the page that linked the description.
#ifndef COOLPAPERS_WEB_OPENSEARCH_H_
#define COOLPAPERS_WEB_OPENSEARCH_H_

#include <string_view>

namespace coolpapers::web {

inline constexpr std::string_view kOpenSearchType =
    "application/opensearchdescription+xml; charset=utf-8";

inline constexpr std::string_view kOpenSearchXml =
    R"(<?xml version="1.0" encoding="utf-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
<ShortName>coolpapers</ShortName>
<Description>Search the arXiv papers of this coolpapers instance</Description>
<InputEncoding>UTF-8</InputEncoding>
<Url type="text/html" method="get" template="/arxiv/search?query={searchTerms}&amp;highlight=1"/>
<Url type="application/atom+xml" template="/arxiv/search/feed?query={searchTerms}&amp;sort=time"/>
<Url type="application/json" template="/api/search?query={searchTerms}"/>
</OpenSearchDescription>
)";

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_OPENSEARCH_H_
