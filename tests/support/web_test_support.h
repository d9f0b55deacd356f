// Helpers for the web tests: hand-built papers and records, a sample store, gunzip. They let
// each test state only what matters.
// Test-only: compiled into web_tests, never into the library.
#ifndef COOLPAPERS_TESTS_SUPPORT_WEB_TEST_SUPPORT_H_
#define COOLPAPERS_TESTS_SUPPORT_WEB_TEST_SUPPORT_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/paper.h"
#include "search/searcher.h"
#include "store/store.h"
#include "web/http_message.h"
#include "web/site.h"

namespace coolpapers::web::testing {

inline constexpr std::string_view kScriptPayload = "<script>alert(1)</script>";
inline constexpr std::string_view kImgPayload = "\"><img src=x onerror=alert(1)>";

// "2025-05-14" as a Date; the text must be a valid day.
Date Day(std::string_view iso);

// Paper `id` titled "Paper <id>", by Ada Lovelace and Charles Babbage, in `categories`
// (primary first), version 1 submitted 2025-05-13 17:30:00 UTC, first listed 2025-05-14.
Paper SamplePaper(const std::string& id, std::vector<std::string> categories = {"cs.CL"});

// A paper whose title, authors, abstract and comments carry both payloads above (and & < >
// of TeX), to prove every page shows them as text.
Paper HostilePaper(const std::string& id = "2401.00001");

// `paper` listed on `day` at `position`: new in its primary category, cross in the others.
PaperRecord ListedRecord(Paper paper, Date day, int64_t position);

// Three listing days of cs.CL, the store content the store-backed tests share:
//   2025-05-13  2505.00001 (new)
//   2025-05-14  2505.00002 (new), 2505.00003 (new; also cross in cs.AI), 2505.00005 (new,
//               HostilePaper), then 2505.00004 (primary cs.AI, cross in cs.CL)
//   2025-05-16  2505.00006 (new)
std::vector<PaperRecord> SampleDays();

// A fresh SQLite store at dir/coolpapers.sqlite holding SampleDays(). Fails the running test
// and returns nullptr when the store cannot be opened or written.
std::unique_ptr<store::Store> OpenSampleStore(const std::filesystem::path& dir);

// The same holding `records`.
std::unique_ptr<store::Store> OpenStoreWith(const std::filesystem::path& dir,
                                            const std::vector<PaperRecord>& records);

// OpenSampleStore's store indexed for real under dir/index, and a Site that searches it (for the
// search page and feed tests). Members are null after a failure, which fails the running test.
struct SearchableSampleSite {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<search::Searcher> searcher;
  std::unique_ptr<Site> site;  // last: it uses the two above
};
SearchableSampleSite OpenSearchableSampleSite(const std::filesystem::path& dir);

// The same over `records` instead of SampleDays() (the "like my stars" tests' TopicalDays).
SearchableSampleSite OpenSearchableSite(const std::filesystem::path& dir,
                                        const std::vector<PaperRecord>& records);

// Papers on distinct subjects, for ranking by likeness (web/like_ranking.h), all in cs.CL:
//   2025-06-02  2506.00001 speculative decoding, 2506.00002 image segmentation,
//               2506.00003 protein folding, 2506.00004 speculative decoding again,
//               2506.00005 robot grasping
//   2025-06-01  2506.00010 speculative decoding (the star of the tests)
//   2025-05-30  2505.99990 protein structure
std::vector<PaperRecord> TopicalDays();

// The ids of the paper cards of a page (div.panel.paper), in page order.
std::vector<std::string> CardIds(const std::string& html);

// A GET of `target`, which must outlive the request.
Request GetRequest(std::string_view target);

// The bytes a gzip stream decodes to; fails the running test on a malformed stream.
std::string Gunzip(const std::string& compressed);

}  // namespace coolpapers::web::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_WEB_TEST_SUPPORT_H_
