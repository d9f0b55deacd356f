// A reader for the few scalar settings coolpapers takes from small YAML metadata files (the ACL
// Anthology's venue yaml, a PMLR volume's _config.yml). Not a YAML parser: it reads block
// mappings of scalars and keeps nothing else.
#ifndef COOLPAPERS_INGEST_VENUE_SIMPLE_YAML_H_
#define COOLPAPERS_INGEST_VENUE_SIMPLE_YAML_H_

#include <map>
#include <string>
#include <string_view>

namespace coolpapers::ingest {

// Reads "key: value" lines into a map; keys of nested mappings are joined with ".":
//   conference:
//     name: Conference on Robot Learning      -> {"conference.name", "Conference on Robot Learning"}
// Values may be plain (an anchor "&1 " is dropped, " # comment" ends them, more-indented lines
// continue them), 'single-' or "double-quoted", or block scalars ("|" keeps newlines, ">" folds
// them). Sequences ("- item") and whatever sits under them are skipped, and so are comment
// lines, "---" and "...". Never fails: lines it cannot read are ignored. Pure; thread-safe.
std::map<std::string, std::string> ReadSimpleYaml(std::string_view text);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_SIMPLE_YAML_H_
