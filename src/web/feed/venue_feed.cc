#include "web/feed/venue_feed.h"

#include <algorithm>
#include <chrono>

#include "core/date.h"
#include "core/venue_coverage.h"
#include "web/feed/atom_feed.h"
#include "web/pages/venue_card.h"

namespace coolpapers::web {
namespace {

UtcTime EditionTime(const VenueEdition& edition) {
  for (const std::string* date : {&edition.published, &edition.end_date, &edition.start_date}) {
    if (Result<Date> parsed = Date::Parse(*date); parsed) return UtcTime(parsed->days());
  }
  using namespace std::chrono;
  return UtcTime(sys_days(year(edition.year) / January / 1));
}

FeedEntry VenuePaperEntry(const VenuePaper& paper, UtcTime updated) {
  FeedEntry entry;
  entry.id = "urn:coolpapers:venue:" + paper.id.ToString();
  entry.title = paper.title;
  entry.updated = updated;
  for (const VenueAuthor& author : paper.authors) entry.authors.push_back(author.name);
  entry.summary = paper.abstract;
  entry.html_path = VenuePaperPath(paper.id);
  entry.pdf_url = paper.pdf_url;
  entry.categories.push_back(paper.group.empty() ? paper.edition
                                                 : paper.edition + " - " + paper.group);
  return entry;
}

}  // namespace

std::string RenderVenueEditionFeed(const VenueEditionView& view, const std::string& self_path,
                                   const std::string& origin) {
  FeedView feed;
  const std::string tag = view.edition.Tag();
  feed.title = "coolpapers: " + tag;
  if (!view.edition.full_name.empty()) feed.title += " (" + view.edition.full_name + ")";
  feed.self_path = self_path;
  feed.html_path = "/venue/" + tag;
  feed.origin = origin;
  feed.updated = EditionTime(view.edition);
  feed.entries.reserve(view.papers.size());
  for (const VenuePaper& paper : view.papers) {
    feed.entries.push_back(VenuePaperEntry(paper, feed.updated));
  }
  return RenderAtomFeed(feed);
}

std::string RenderLatestVenuesFeed(const VenueIndexView& index, const std::string& origin) {
  std::vector<const store::VenueEditionSummary*> editions;
  for (const store::VenueEditionSummary& summary : index.editions) editions.push_back(&summary);
  std::ranges::stable_sort(editions, [](const auto* a, const auto* b) {
    const UtcTime at = EditionTime(a->edition), bt = EditionTime(b->edition);
    if (at != bt) return at > bt;
    return a->edition.Tag() < b->edition.Tag();
  });
  if (editions.size() > kLatestEditionsInFeed) editions.resize(kLatestEditionsInFeed);
  FeedView feed;
  feed.title = "coolpapers: venue editions";
  feed.self_path = "/venue/latest/feed";
  feed.html_path = "/venue/";
  feed.origin = origin;
  feed.updated = editions.empty() ? UtcTime{} : EditionTime(editions.front()->edition);
  for (const store::VenueEditionSummary* summary : editions) {
    const VenueEdition& edition = summary->edition;
    FeedEntry entry;
    entry.id = "urn:coolpapers:venue:" + edition.Tag();
    entry.title = edition.Tag();
    if (!edition.full_name.empty()) entry.title += ": " + edition.full_name;
    entry.updated = EditionTime(edition);
    entry.summary = RenderVenueCoverage(edition, summary->papers, summary->accepted);
    entry.html_path = "/venue/" + edition.Tag();
    entry.categories.push_back(edition.venue);
    feed.entries.push_back(std::move(entry));
  }
  return RenderAtomFeed(feed);
}

}  // namespace coolpapers::web
