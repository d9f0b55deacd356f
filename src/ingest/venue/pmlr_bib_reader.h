// A PMLR volume's source BibTeX (mlresearch/v<NN>/<name>.bib: one @Proceedings entry, then one
// @InProceedings per paper), with the volume's _config.yml when it sits beside the bib.
#ifndef COOLPAPERS_INGEST_VENUE_PMLR_BIB_READER_H_
#define COOLPAPERS_INGEST_VENUE_PMLR_BIB_READER_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"
#include "ingest/venue/venue_record_sink.h"

namespace coolpapers::ingest {

// The slug PMLR publishes an entry under: its build adds "a" to a key that ends in a digit
// ("xie25" -> "xie25a", as the volume's _posts/2025-10-07-xie25a.md shows) and keeps a key
// that already ends in a letter ("huang25d").
std::string PmlrSlugOfKey(std::string_view key);

// Streams the volume at `path` to `sink`. The edition comes from the @Proceedings entry
// (shortname, year, name, start, end, published, address, conference_url, volume), each
// missing setting taken from _config.yml (shortname, year, volume, start, end, published,
// conference.name/location/url); "AISTATS 2012" as a short name is read as AISTATS. Each
// @InProceedings becomes "<slug>@v<volume>@PMLR", with its "openreview" field as a second id
// "<forum>@OpenReview"; "section" is its group, and its presentation when it names one
// (Oral, Poster). An entry BibTeX cannot read, or without a title, is reported with its line
// and skipped. Errors: the file's (kNotFound, kUnavailable), kInvalidArgument when neither
// the bib nor _config.yml names the venue, year and volume, or the sink's. The bib is read
// whole: a volume's is a few MB.
[[nodiscard]] Result<void> ReadPmlrBibFile(const std::filesystem::path& path, VenueRecordSink& sink);

}  // namespace coolpapers::ingest

#endif  // COOLPAPERS_INGEST_VENUE_PMLR_BIB_READER_H_
