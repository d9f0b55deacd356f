// What the three arXiv XML readers (announcement feed, export API, OAI-PMH) share: loading a
// document with an error that names the source and the byte position, namespace-blind element
// lookup (arXiv's prefixes differ between formats and years), and category lists.
#ifndef COOLPAPERS_INGEST_ARXIV_XML_H_
#define COOLPAPERS_INGEST_ARXIV_XML_H_

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace coolpapers::ingest {

// Parses `xml` into a document whose root element has the local name `root` ("feed",
// "OAI-PMH"). Malformed or truncated input returns kCorrupt:
// `rss.arxiv.org/atom/cs.AI: malformed XML at byte 178723: Start-end tags mismatch`, with
// `source` (a URL or a file name) naming where the text came from; another root element is
// kCorrupt too (`...: root element <html>: expected <feed>`). The document owns a copy.
[[nodiscard]] Result<std::unique_ptr<pugi::xml_document>> LoadArxivXml(std::string_view xml,
                                                                       std::string_view source,
                                                                       std::string_view root);

// The local part of an element name: "opensearch:totalResults" -> "totalResults".
std::string_view LocalName(const pugi::xml_node& node);

// The first child element of `parent` whose local name is `local_name`; an empty node if none.
pugi::xml_node ChildByLocalName(const pugi::xml_node& parent, std::string_view local_name);

// Every child element of `parent` with that local name, in document order.
std::vector<pugi::xml_node> ChildrenByLocalName(const pugi::xml_node& parent,
                                                std::string_view local_name);

// The text of the first such child (CDATA and text concatenated), "" when there is none.
std::string ChildText(const pugi::xml_node& parent, std::string_view local_name);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_ARXIV_XML_H_
