#include "ingest/arxiv_xml.h"

namespace coolpapers::ingest {

Result<std::unique_ptr<pugi::xml_document>> LoadArxivXml(std::string_view xml,
                                                         std::string_view source,
                                                         std::string_view root) {
  auto document = std::make_unique<pugi::xml_document>();
  // parse_default keeps entity and character references decoded; no parse_ws_pcdata because
  // whitespace-only text between elements carries nothing in these formats.
  pugi::xml_parse_result parsed =
      document->load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return Fail(ErrorCode::kCorrupt,
                std::string(source) + ": malformed XML at byte " + std::to_string(parsed.offset) +
                    ": " + parsed.description(),
                "input of " + std::to_string(xml.size()) + " bytes");
  }
  const pugi::xml_node element = document->document_element();
  if (LocalName(element) != root) {
    return Fail(ErrorCode::kCorrupt, std::string(source) + ": root element <" + element.name() +
                                         ">: expected <" + std::string(root) + ">");
  }
  return document;
}

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node ChildByLocalName(const pugi::xml_node& parent, std::string_view local_name) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local_name) return child;
  }
  return {};
}

std::vector<pugi::xml_node> ChildrenByLocalName(const pugi::xml_node& parent,
                                                std::string_view local_name) {
  std::vector<pugi::xml_node> found;
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local_name) {
      found.push_back(child);
    }
  }
  return found;
}

std::string ChildText(const pugi::xml_node& parent, std::string_view local_name) {
  pugi::xml_node child = ChildByLocalName(parent, local_name);
  std::string text;
  for (pugi::xml_node part : child.children()) {
    if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata) text += part.value();
  }
  return text;
}

}  // namespace coolpapers::ingest
