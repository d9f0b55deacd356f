// Atom feeds (RFC 4287) of lists and searches, read by feed readers and RSSHub. Entry ids are
// "urn:arxiv:<id>", so an entry keeps its id across regenerations and across lists; links are
// absolute (the request's origin before each site path: not every reader resolves a relative
// link against the feed's URL) plus the PDF on arxiv.org.
//
//   <feed xmlns="http://www.w3.org/2005/Atom"><id>urn:coolpapers:/arxiv/cs.AI/feed</id>
//     <title>...</title><updated>2025-05-14T00:00:00Z</updated><link rel="self" .../>
//     <entry><id>urn:arxiv:2505.00001</id><title>...</title><updated>...</updated>
//       <published>...</published><author><name>...</name></author><summary>...</summary>
//       <link rel="alternate" href="/arxiv/2505.00001"/><link rel="related" type="application/pdf"
//       href="https://arxiv.org/pdf/2505.00001"/><category term="cs.AI"/></entry></feed>
#ifndef COOLPAPERS_WEB_FEED_ATOM_FEED_H_
#define COOLPAPERS_WEB_FEED_ATOM_FEED_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/announcement_calendar.h"
#include "core/paper.h"

namespace coolpapers::web {

inline constexpr std::string_view kAtomType = "application/atom+xml; charset=utf-8";

// One entry: an arXiv paper's (FeedEntryOfPaper), a venue paper's or an edition's.
struct FeedEntry {
  std::string id;                    // "urn:arxiv:2505.00001", "urn:coolpapers:venue:<id>"
  std::string title;
  UtcTime updated;
  std::optional<UtcTime> published;
  std::vector<std::string> authors;
  std::string summary;
  std::string html_path;             // the site's page of the entry: "/arxiv/2505.00001"
  std::string pdf_url;               // absolute; "" for none
  std::vector<std::string> categories;
};

// The entry of an arXiv paper: its id, its page, its PDF on arxiv.org, its categories.
FeedEntry FeedEntryOfPaper(const Paper& paper);

struct FeedView {
  std::string title;          // plain text: "coolpapers: cs.AI"
  std::string self_path;      // the feed's own path and query: "/arxiv/cs.AI/feed"
  std::string html_path;      // the page it follows: "/arxiv/cs.AI"
  // Put before every site path to make it absolute: "https://papers.example.org"
  // (RequestOrigin); "" leaves the links relative.
  std::string origin;
  UtcTime updated;            // when the feed last changed (the newest entry's time, or its day)
  std::vector<Paper> papers;  // the entries, in order
  std::vector<FeedEntry> entries;  // entries of other kinds, after the papers
};

// When a paper last changed, as its entry's <updated>: its latest version's submission, else
// the day it was first listed, else the epoch.
UtcTime PaperUpdated(const Paper& paper);

// The feed document. Text is XML-escaped; characters XML forbids (control characters, invalid
// UTF-8) are dropped or replaced with U+FFFD, so a reader never sees a malformed feed.
// Thread-safe.
std::string RenderAtomFeed(const FeedView& view);

}  // namespace coolpapers::web

#endif  // COOLPAPERS_WEB_FEED_ATOM_FEED_H_
