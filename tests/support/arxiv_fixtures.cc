#include "tests/support/arxiv_fixtures.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "core/announcement_calendar.h"
#include "ingest/jsonl_reader.h"
#include "ingest/record_parser.h"

namespace coolpapers::testing {
namespace {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Iso(UtcTime time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::hh_mm_ss clock{time - day};
  char text[32];
  std::snprintf(text, sizeof text, "%sT%02d:%02d:%02dZ", Date(day).ToIso().c_str(),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return text;
}

// "2025-08-20T04:00:19.866337+00:00" style times of the feed: `day` at `hour` (UTC).
std::string FeedTime(Date day, long hour, const char* rest) {
  char text[64];
  std::snprintf(text, sizeof text, "%sT%02ld%s", day.ToIso().c_str(), hour, rest);
  return text;
}

std::string Versioned(const Paper& paper) {
  return paper.id + "v" + std::to_string(std::max(1, paper.version));
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// arXiv dates a mailing by midnight US Eastern of its day.
std::chrono::seconds EasternOffsetOn(Date day) {
  return UsEasternOffset(UtcTime(day.days()) + std::chrono::hours(12));
}

std::string RenderFeedEntry(const FeedItem& item, Date day, const std::string& updated) {
  const Paper& paper = item.paper;
  const auto offset_hours = std::chrono::duration_cast<std::chrono::hours>(EasternOffsetOn(day));
  std::string entry;
  entry += "  <entry>\n";
  entry += "    <id>oai:arXiv.org:" + Versioned(paper) + "</id>\n";
  entry += "    <title>" + Escape(paper.title) + "</title>\n";
  entry += "    <updated>" + updated + "</updated>\n";
  entry += "    <link href=\"https://arxiv.org/abs/" + paper.id +
           "\" rel=\"alternate\" type=\"text/html\"/>\n";
  entry += "    <summary>arXiv:" + Versioned(paper) + " Announce Type: " + item.announce_type +
           " \nAbstract: " + Escape(paper.abstract) + "</summary>\n";
  for (const std::string& category : paper.categories) {
    entry += "    <category term=\"" + category + "\"/>\n";
  }
  // <published> is midnight Eastern: "2025-08-20T00:00:00-04:00".
  entry += "    <published>" + FeedTime(day, 0, ":00:00-0") +
           std::to_string(-offset_hours.count()) + ":00</published>\n";
  entry += "    <arxiv:announce_type>" + item.announce_type + "</arxiv:announce_type>\n";
  entry += "    <dc:rights>" + Escape(paper.license) + "</dc:rights>\n";
  entry += "    <dc:creator>" + Escape(Join(paper.authors, ", ")) + "</dc:creator>\n";
  entry += "  </entry>\n";
  return entry;
}

std::string RenderApiEntry(const Paper& paper) {
  const std::string abs = "https://arxiv.org/abs/" + Versioned(paper);
  std::string entry;
  entry += "  <entry>\n";
  entry += "    <id>http://arxiv.org/abs/" + Versioned(paper) + "</id>\n";
  entry += "    <title>" + Escape(paper.title) + "</title>\n";
  entry += "    <updated>" + Iso(paper.versions.back().submitted) + "</updated>\n";
  entry += "    <link href=\"" + abs + "\" rel=\"alternate\" type=\"text/html\"/>\n";
  entry += "    <link href=\"https://arxiv.org/pdf/" + Versioned(paper) +
           "\" rel=\"related\" type=\"application/pdf\" title=\"pdf\"/>\n";
  entry += "    <summary>" + Escape(paper.abstract) + "</summary>\n";
  for (const std::string& category : paper.categories) {
    entry += "    <category term=\"" + category + "\" scheme=\"http://arxiv.org/schemas/atom\"/>\n";
  }
  entry += "    <published>" + Iso(paper.versions.front().submitted) + "</published>\n";
  if (!paper.comments.empty()) {
    entry += "    <arxiv:comment>" + Escape(paper.comments) + "</arxiv:comment>\n";
  }
  entry += "    <arxiv:primary_category term=\"" + paper.primary_category() + "\"/>\n";
  if (!paper.journal_ref.empty()) {
    entry += "    <arxiv:journal_ref>" + Escape(paper.journal_ref) + "</arxiv:journal_ref>\n";
  }
  for (const std::string& author : paper.authors) {
    entry += "    <author>\n      <name>" + Escape(author) + "</name>\n    </author>\n";
  }
  if (!paper.doi.empty()) {
    entry += "    <arxiv:doi>" + Escape(paper.doi) + "</arxiv:doi>\n";
    entry += "    <link rel=\"related\" href=\"https://doi.org/" + Escape(paper.doi) +
             "\" title=\"doi\"/>\n";
  }
  entry += "  </entry>\n";
  return entry;
}

// What the daily records lack, filled as arXiv would have it for a paper listed on `day`.
void CompleteAsArxiv(Paper& paper, Date day, std::size_t index) {
  const UtcTime before_close = UtcTime(day.AddDays(-1).days()) + std::chrono::hours(17);
  if (index % 5 == 4) {
    paper.version = 2;
    paper.versions = {{1, before_close - std::chrono::days(40)}, {2, before_close}};
  } else {
    paper.version = 1;
    paper.versions = {{1, before_close}};
  }
  paper.license = index % 3 == 0 ? "http://creativecommons.org/licenses/by/4.0/"
                                 : "http://arxiv.org/licenses/nonexclusive-distrib/1.0/";
  if (index % 4 == 1) paper.journal_ref = "Proc. Workshop " + std::to_string(index) + ", 2025";
  if (index % 6 == 2) paper.doi = "10.1000/coolpapers." + std::to_string(index);
  paper.first_listed.reset();
}

}  // namespace

std::string RenderAnnouncementFeed(const std::string& category, Date day,
                                   std::span<const FeedItem> items) {
  const auto offset_hours = std::chrono::duration_cast<std::chrono::hours>(EasternOffsetOn(day));
  const std::string updated = FeedTime(day, -offset_hours.count(), ":00:19.866337+00:00");
  const std::string self = "http://rss.arxiv.org/atom/" + category;
  std::string xml =
      "<?xml version='1.0' encoding='UTF-8'?>\n"
      "<feed xmlns:arxiv=\"http://arxiv.org/schemas/atom\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns=\"http://www.w3.org/2005/Atom\" "
      "xml:lang=\"en-us\">\n";
  xml += "  <id>" + self + "</id>\n";
  xml += "  <title>" + category + " updates on arXiv.org</title>\n";
  xml += "  <updated>" + updated + "</updated>\n";
  xml += "  <link href=\"" + self + "\" rel=\"self\" type=\"application/atom+xml\"/>\n";
  xml += "  <subtitle>" + category + " updates on the arXiv.org e-print archive.</subtitle>\n";
  for (const FeedItem& item : items) xml += RenderFeedEntry(item, day, updated);
  return xml + "</feed>\n";
}

std::string RenderApiFeed(std::span<const Paper> papers) {
  std::vector<std::string> ids;
  for (const Paper& paper : papers) ids.push_back(paper.id);
  const std::string id_list = Join(ids, ",");
  const std::string count = std::to_string(papers.size());
  std::string xml =
      "<?xml version='1.0' encoding='UTF-8'?>\n"
      "<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" "
      "xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n";
  xml += "  <id>https://arxiv.org/api/OCk8emqg9bln1sH6hyj0cx9HFT0</id>\n";
  xml += "  <title>arXiv Query: search_query=&amp;id_list=" + id_list +
         "&amp;start=0&amp;max_results=" + count + "</title>\n";
  xml += "  <updated>2026-04-12T22:10:26Z</updated>\n";
  xml += "  <link href=\"https://arxiv.org/api/query?search_query=&amp;start=0&amp;max_results=" +
         count + "&amp;id_list=" + id_list + "\" type=\"application/atom+xml\"/>\n";
  xml += "  <opensearch:itemsPerPage>" + count + "</opensearch:itemsPerPage>\n";
  xml += "  <opensearch:totalResults>" + count + "</opensearch:totalResults>\n";
  xml += "  <opensearch:startIndex>0</opensearch:startIndex>\n";
  for (const Paper& paper : papers) xml += RenderApiEntry(paper);
  return xml + "</feed>\n";
}

std::vector<Paper> LoadArxivPapers(const std::filesystem::path& shared_data, std::size_t count,
                                   const std::string& first_month) {
  const std::filesystem::path folder = shared_data / "metadata" / "daily-arxiv-cs-2025";
  std::vector<std::filesystem::path> files;
  for (const auto& file : std::filesystem::directory_iterator(folder)) {
    if (file.path().stem().string() >= first_month) files.push_back(file.path());
  }
  std::ranges::sort(files);
  std::vector<Paper> papers;
  for (const std::filesystem::path& file : files) {
    auto reader = ingest::JsonlReader::Open(file);
    if (!reader) throw std::runtime_error("cannot read " + file.string());
    int64_t line_number = 0;
    while (papers.size() < count) {
      auto line = reader->NextLine();
      if (!line) throw std::runtime_error(line.error().message);
      if (!*line) break;
      auto record = ingest::ParseRecordLine(**line, ++line_number);
      if (!record) continue;  // the few records without a known category
      Paper paper = std::move(record->paper);
      const Date listed = record->listings.empty() ? Date::FromYmd(2025, 8, 20)
                                                   : record->listings.front().day;
      CompleteAsArxiv(paper, listed, papers.size());
      papers.push_back(std::move(paper));
    }
    if (papers.size() >= count) break;
  }
  return papers;
}

ArxivDay MakeArxivDay(std::span<const Paper> papers, std::span<const std::string> categories,
                      Date day) {
  ArxivDay result{day, {}, {}};
  for (const std::string& category : categories) {
    std::vector<FeedItem>& feed = result.feeds[category];
    for (const Paper& paper : papers) {
      if (std::ranges::find(paper.categories, category) == paper.categories.end()) continue;
      const bool primary = paper.primary_category() == category;
      const bool replaced = paper.version > 1;
      const char* type = replaced ? (primary ? "replace" : "replace-cross")
                                  : (primary ? "new" : "cross");
      feed.push_back({paper, type});
      result.papers.insert_or_assign(paper.id, paper);
    }
  }
  // The feed knows neither comments, journal-ref, DOI nor version dates, and lists new
  // submissions first, then cross-lists, then replacements.
  for (auto& [category, feed] : result.feeds) {
    std::ranges::stable_sort(feed, {}, [](const FeedItem& item) {
      return item.announce_type == "new" ? 0 : item.announce_type == "cross" ? 1 : 2;
    });
    for (FeedItem& item : feed) {
      item.paper.comments.clear();
      item.paper.journal_ref.clear();
      item.paper.doi.clear();
      item.paper.versions.clear();
    }
  }
  return result;
}

std::string IdListTarget(const std::string& api_path, std::span<const std::string> ids) {
  return api_path + "?id_list=" + Join({ids.begin(), ids.end()}, ",") +
         "&max_results=" + std::to_string(ids.size());
}

void ServeIdListBatches(ReplayServer& server, const std::string& api_path,
                        std::span<const std::string> ids, const std::map<std::string, Paper>& known,
                        int batch_size) {
  const std::size_t step = static_cast<std::size_t>(std::max(1, batch_size));
  for (std::size_t start = 0; start < ids.size(); start += step) {
    const auto batch = ids.subspan(start, std::min(step, ids.size() - start));
    std::vector<Paper> answer;
    for (const std::string& id : batch) {
      if (const auto it = known.find(id); it != known.end()) answer.push_back(it->second);
    }
    server.SetRoute(IdListTarget(api_path, batch),
                    CannedResponse{200, {{"Content-Type", "application/atom+xml"}},
                                   RenderApiFeed(answer), false});
  }
}

std::vector<std::string> IdsToDescribe(std::span<const FeedItem> feed,
                                       std::set<std::string>& described) {
  std::vector<std::string> ids;
  for (const FeedItem& item : feed) {
    if (described.insert(item.paper.id).second) ids.push_back(item.paper.id);
  }
  return ids;
}

void ServeArxivDay(ReplayServer& server, const ArxivDay& day, const std::string& feed_path,
                   const std::string& api_path, int batch_size) {
  std::set<std::string> described;
  for (const auto& [category, feed] : day.feeds) {
    server.SetRoute(feed_path + category,
                    CannedResponse{200, {{"Content-Type", "application/atom+xml"}},
                                   RenderAnnouncementFeed(category, day.day, feed), true});
    const std::vector<std::string> ids = IdsToDescribe(feed, described);
    ServeIdListBatches(server, api_path, ids, day.papers, batch_size);
  }
}

}  // namespace coolpapers::testing
