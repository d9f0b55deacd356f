// arXiv answers rendered from Papers, in the exact shapes arXiv serves (copied from the recorded
// ../shared/data/raw/rss/*.xml and raw/api-atom/current-format-2026/*), so tests and benchmarks
// can build announcement days of any size from the real records in ../shared/data/metadata.
#ifndef COOLPAPERS_TESTS_SUPPORT_ARXIV_FIXTURES_H_
#define COOLPAPERS_TESTS_SUPPORT_ARXIV_FIXTURES_H_

#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/paper.h"
#include "tests/support/replay_server.h"

namespace coolpapers::testing {

// One entry of an announcement feed.
struct FeedItem {
  Paper paper;                // id, version, title, authors, abstract, categories, license
  std::string announce_type;  // "new", "cross", "replace", "replace-cross"
};

// The rss.arxiv.org/atom/<category> document of `day` listing `items` in order (none: the
// empty feed of a weekend or holiday).
std::string RenderAnnouncementFeed(const std::string& category, Date day,
                                   std::span<const FeedItem> items);

// An export API answer (current format, with opensearch totals) describing `papers` in order:
// v1's date as <published>, the latest version's as <updated>, comment, journal_ref, DOI.
std::string RenderApiFeed(std::span<const Paper> papers);

// A day of arXiv announcements: what each category's feed lists, and what arXiv (its export
// API) knows of every listed paper.
struct ArxivDay {
  Date day;
  std::map<std::string, std::vector<FeedItem>> feeds;  // by category, each in feed order
  std::map<std::string, Paper> papers;                 // by id: arXiv's full metadata
};

// Reads up to `count` real records (daily-arxiv-cs-2025, in file order from `first_month`,
// "2025-08") from the shared data folder and completes what they lack as arXiv would have it:
// a version (every fifth paper is a v2 replacement), version dates, a license, and for some a
// journal-ref and a DOI. Throws std::runtime_error when the files cannot be read.
std::vector<Paper> LoadArxivPapers(const std::filesystem::path& shared_data, std::size_t count,
                                   const std::string& first_month = "2025-08");

// Lays `papers` out as the day's announcements in `categories`: each paper is listed in every
// one of them it belongs to (new in its primary category, cross in the others; a v2 is
// "replace" and "replace-cross"), in the order given. Papers in none of them are left out.
ArxivDay MakeArxivDay(std::span<const Paper> papers, std::span<const std::string> categories,
                      Date day);

// The export API request for `ids`, as a target on the replay server:
// "/api/query?id_list=2508.13167,2508.13171&max_results=2".
std::string IdListTarget(const std::string& api_path, std::span<const std::string> ids);

// Serves the API's answers to `ids` asked `batch_size` at a time, in order: each batch answers
// with the papers of `known` among its ids (an id not in `known` is one the API lags on).
void ServeIdListBatches(ReplayServer& server, const std::string& api_path,
                        std::span<const std::string> ids, const std::map<std::string, Paper>& known,
                        int batch_size);

// The ids a harvester asks the API about for one feed: each listed paper once, in feed order,
// unless `described` already holds it; adds them to `described`.
std::vector<std::string> IdsToDescribe(std::span<const FeedItem> feed,
                                       std::set<std::string>& described);

// Serves `day` as arXiv would: each category's feed at feed_path + category, and the API's
// answers (every paper known) to the batches a harvester asks when it harvests the categories
// one after the other in the map's order.
void ServeArxivDay(ReplayServer& server, const ArxivDay& day, const std::string& feed_path,
                   const std::string& api_path, int batch_size);

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_ARXIV_FIXTURES_H_
