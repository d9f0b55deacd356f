// ACL Anthology collection XML (data/xml/<collection>.xml of acl-org/acl-anthology), with the
// venue's metadata from data/yaml/venues/<venue>.yaml when it is found beside the XML.
#ifndef COOLPAPERS_INGEST_VENUE_ACL_ANTHOLOGY_READER_H_
#define COOLPAPERS_INGEST_VENUE_ACL_ANTHOLOGY_READER_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"
#include "ingest/venue/venue_record_sink.h"

namespace coolpapers::ingest {

// The group a volume's papers are shown under: "long" -> "Long", "short" -> "Short", "demo"
// and "demos" -> "Demos", "industry" -> "Industry", "srw" -> "SRW", "tutorials" ->
// "Tutorials", "findings" -> "Findings" (as Paper Copilot's statuses spell them); another
// volume id is capitalised ("1" stays "1").
std::string AclVolumeGroup(std::string_view volume_id);

// Streams the collection at `path` to `sink`. Each <volume> belongs to the edition
// "<ACRONYM>.<year>": the acronym from the venue yaml of its first <venue> other than "ws"
// (looked up in yaml/venues/ beside the XML, then in ../yaml/venues/), else that venue
// upper-cased; the year from <meta><year> or the collection id. Each <paper> becomes
// "<collection>-<volume>.<paper>@ACL" with track = the volume id and group = AclVolumeGroup;
// titles and abstracts lose their markup (<fixed-case>, <tex-math>, <i>...). A paper without
// a title is reported with its line and skipped. Errors: the file's (kNotFound, kUnavailable),
// kInvalidArgument when it is not a <collection>, or the sink's. The XML is read whole: a
// collection is a few MB.
[[nodiscard]] Result<void> ReadAclAnthologyFile(const std::filesystem::path& path,
                                                VenueRecordSink& sink);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_ACL_ANTHOLOGY_READER_H_
