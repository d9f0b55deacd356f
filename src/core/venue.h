// The venue model: conference proceedings editions ("ICLR.2024") and the papers they accepted,
// named by papers.cool's ids "<local id>@<SOURCE>" (VenuePaperId). See docs/venues.md.
#ifndef COOLPAPERS_CORE_VENUE_H_
#define COOLPAPERS_CORE_VENUE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace coolpapers {

// Where a venue paper's id comes from: the proceedings site that publishes it.
enum class VenueSource : int {
  kAcl,         // ACL Anthology:          2024.naacl-long.431@ACL
  kPmlr,        // proceedings.mlr.press:  xie25a@v305@PMLR
  kCvf,         // CVF open access:        <file stem>@ICCV2019@CVF
  kNeurIps,     // papers.nips.cc:         <32-hex hash>@2018@NeurIPS (our form, docs/venues.md)
  kIjcai,       // ijcai.org/proceedings:  123@2024@IJCAI
  kAaai,        // ojs.aaai.org:           38818@AAAI
  kOpenReview,  // openreview.net/forum:   rhgIgTSSxW@OpenReview
  // usenix.org/conference/<conf><yy>/presentation/<slug>: xu-haichuan@usenixsecurity24@USENIX.
  // Last in the enum so that the other sources keep their numbers; ranked as a proceedings
  // site (VenueSourceRank), before OpenReview.
  kUsenix,
};

// "ACL", "PMLR", "CVF", "NeurIPS", "IJCAI", "AAAI", "OpenReview", "USENIX": the id's last part.
std::string_view VenueSourceName(VenueSource source);

// A venue paper's id. `qualifier` is the middle part of the three-part forms: the year (IJCAI,
// NeurIPS), "v<NN>" (PMLR), "<CONF><YEAR>" (CVF) or "<conf><yy>" (USENIX: "usenixsecurity24",
// "osdi25"); empty for the two-part forms.
struct VenuePaperId {
  VenueSource source = VenueSource::kOpenReview;
  std::string local;      // forum id, Anthology id, slug, file stem, hash or number
  std::string qualifier;

  // "xie25a@v305@PMLR". Inverse of ParseVenuePaperId.
  std::string ToString() const;
  bool operator==(const VenuePaperId&) const = default;
};

// Parses every form above: "rhgIgTSSxW@OpenReview", "2024.naacl-long.431@ACL",
// "0042@2024@IJCAI" (read as 42@2024@IJCAI), "xie25a@v305@PMLR", "Park_SplineGS@CVPR2025@CVF",
// "38818@AAAI", "8b16ebc056e613024c057be590b542eb@2018@NeurIPS" (hash lower-cased),
// "xu-haichuan@usenixsecurity24@USENIX". The local
// part may not be empty or hold "@", "," or whitespace. Returns kInvalidArgument quoting the
// text and naming the expected form otherwise. Pure; thread-safe.
[[nodiscard]] Result<VenuePaperId> ParseVenuePaperId(std::string_view text);

// When one paper is known through several sources (CoRL 2025 on PMLR and OpenReview), the id
// it is shown under: the published proceedings before OpenReview. Smaller ranks first. (Stored
// with each id: a source's rank never changes. USENIX shares AAAI's: no paper has both.)
int VenueSourceRank(VenueSource source);

// A conference edition: the unit of /venue/<NAME>.<YEAR>.
struct VenueEdition {
  std::string venue;      // short name as papers.cool spells it: "ICLR", "NeurIPS", "CoRL"
  int year = 0;
  std::string full_name;  // "Conference on Robot Learning"; may be empty
  std::vector<std::string> sources;  // what it was imported from: "PMLR v305", "Paper Copilot"
  std::string start_date;  // "YYYY-MM-DD" or empty, and so the next two
  std::string end_date;
  std::string published;   // when the proceedings appeared
  std::string location;    // "Seoul, Korea"
  std::string url;         // the conference's site
  std::optional<int64_t> official_count;  // accepted papers, as official_count_source states
  std::string official_count_source;      // "OpenReview API (venueid ICLR.cc/2024/Conference)"

  // "ICLR.2024".
  std::string Tag() const;
  bool operator==(const VenueEdition&) const = default;
};

// Splits "ICLR.2024" or "USENIX-Sec.2023" at its last "." into venue and year. Returns
// kInvalidArgument unless the name is non-empty (letters, digits, "-") and the year is four
// digits.
[[nodiscard]] Result<VenueEdition> ParseEditionTag(std::string_view tag);

struct VenueAuthor {
  std::string name;         // "Hongyi Liu"
  std::string affiliation;  // "University of Illinois"; empty when the source has none
  bool operator==(const VenueAuthor&) const = default;
};

// How a venue paper's arXiv id was found.
enum class ArxivLink : int {
  kNone = 0,
  kSource = 1,  // the source gave it (an "arxiv" field)
  kTitle = 2,   // its normalised title equals exactly one stored arXiv paper's (title_key.h)
};

std::string_view ArxivLinkName(ArxivLink link);  // "none", "source", "title"

// Accepted (or, where a source lists them, rejected and withdrawn) papers' status words.
inline constexpr std::string_view kStatusAccept = "Accept";

struct VenuePaper {
  VenuePaperId id;
  std::vector<VenuePaperId> other_ids;  // the same paper elsewhere (a PMLR entry's OpenReview id)
  std::string edition;   // "CoRL.2025"
  int64_t position = 0;  // order within the source, smaller first
  std::string title;     // TeX accents decoded, markup removed, whitespace collapsed
  std::vector<VenueAuthor> authors;  // byline order
  std::string abstract;
  std::string track;         // "main", "long", "Datasets and Benchmarks"; may be empty
  std::string group;         // what /venue/X.2024?group= filters on: "Oral", "Long", "Findings"
  std::string status;        // "Accept", "Reject", "Withdraw", ...
  std::string presentation;  // "Oral", "Spotlight", "Poster"; empty when unknown
  std::vector<std::string> keywords;
  std::string pdf_url;
  std::string landing_url;
  std::string doi;
  std::string pages;         // "1-21"
  std::string arxiv_id;      // canonical, without version; empty when unknown
  ArxivLink arxiv_link = ArxivLink::kNone;
  // The record comes from a list that copies the publisher's (Paper Copilot), not from the
  // publisher itself (the Anthology's XML, a PMLR bib, OpenReview's API). Only the merge rule
  // reads it (core/venue_merge.h); the store does not keep it.
  bool secondhand = false;
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_VENUE_H_
