#include "tests/support/web_test_support.h"

#include <zlib.h>

#include <chrono>
#include <regex>
#include <utility>

#include <gtest/gtest.h>

#include "search/index_sync.h"
#include "search/paper_indexer.h"
#include "store/sqlite_store.h"

namespace coolpapers::web::testing {

Date Day(std::string_view iso) { return Date::Parse(iso).value(); }

Paper SamplePaper(const std::string& id, std::vector<std::string> categories) {
  Paper paper;
  paper.id = id;
  paper.version = 1;
  paper.title = "Paper " + id;
  paper.authors = {"Ada Lovelace", "Charles Babbage"};
  paper.abstract = "We study $x^2$ on " + id + ".";
  paper.categories = std::move(categories);
  paper.versions.push_back(
      {1, std::chrono::sys_days{Day("2025-05-13").days()} + std::chrono::hours{17} +
              std::chrono::minutes{30}});
  paper.first_listed = Day("2025-05-14");
  return paper;
}

Paper HostilePaper(const std::string& id) {
  Paper paper = SamplePaper(id);
  const std::string both = std::string(kScriptPayload) + " " + std::string(kImgPayload);
  paper.title = both;
  paper.authors = {std::string(kImgPayload), std::string(kScriptPayload), "O'Brien & Sons"};
  paper.abstract = "If $a<b$ & $c>d$ then " + both;
  paper.comments = both;
  return paper;
}

PaperRecord ListedRecord(Paper paper, Date day, int64_t position) {
  PaperRecord record;
  for (const std::string& category : paper.categories) {
    const AnnounceType type =
        category == paper.categories.front() ? AnnounceType::kNew : AnnounceType::kCross;
    record.listings.push_back({day, category, paper.id, type, position});
  }
  record.paper = std::move(paper);
  return record;
}

std::vector<PaperRecord> SampleDays() {
  std::vector<PaperRecord> records;
  records.push_back(ListedRecord(SamplePaper("2505.00001"), Day("2025-05-13"), 1));
  records.push_back(ListedRecord(SamplePaper("2505.00002"), Day("2025-05-14"), 1));
  records.push_back(ListedRecord(SamplePaper("2505.00003", {"cs.CL", "cs.AI"}), Day("2025-05-14"), 2));
  records.push_back(ListedRecord(SamplePaper("2505.00004", {"cs.AI", "cs.CL"}), Day("2025-05-14"), 3));
  records.push_back(ListedRecord(HostilePaper("2505.00005"), Day("2025-05-14"), 4));
  records.push_back(ListedRecord(SamplePaper("2505.00006"), Day("2025-05-16"), 1));
  return records;
}

SearchableSampleSite OpenSearchableSampleSite(const std::filesystem::path& dir) {
  return OpenSearchableSite(dir, SampleDays());
}

std::vector<PaperRecord> TopicalDays() {
  const auto topical = [](const std::string& id, std::string title, std::string abstract) {
    Paper paper = SamplePaper(id);
    paper.title = std::move(title);
    paper.abstract = std::move(abstract);
    return paper;
  };
  std::vector<PaperRecord> records;
  const Date day = Day("2025-06-02");
  records.push_back(ListedRecord(
      topical("2506.00001", "Faster Speculative Decoding with Adaptive Drafts",
              "Speculative decoding accelerates autoregressive inference: a small draft model "
              "proposes tokens that the target model verifies in parallel."),
      day, 1));
  records.push_back(ListedRecord(
      topical("2506.00002", "Panoptic Image Segmentation with Diffusion Priors",
              "We segment every pixel of an image into things and stuff using a diffusion prior."),
      day, 2));
  records.push_back(ListedRecord(
      topical("2506.00003", "Protein Folding from Sequence Alone",
              "Protein folding predicts the structure of a protein from its amino acid sequence."),
      day, 3));
  records.push_back(ListedRecord(
      topical("2506.00004", "Tree Drafts for Speculative Decoding",
              "Draft tokens arranged in a tree raise the acceptance rate of speculative decoding "
              "and the speed of inference."),
      day, 4));
  records.push_back(ListedRecord(
      topical("2506.00005", "Learning to Grasp Deformable Objects",
              "A robot learns grasping policies for cloth and deformable objects in simulation."),
      day, 5));
  records.push_back(ListedRecord(
      topical("2506.00010", "Speculative Decoding Without a Draft Model",
              "Self-speculative decoding lets the target model draft its own tokens and verify "
              "them, speeding up inference with no draft model."),
      Day("2025-06-01"), 1));
  records.push_back(ListedRecord(
      topical("2505.99990", "Protein Structure Prediction at Scale",
              "Predicting protein structure from amino acid sequence with large models."),
      Day("2025-05-30"), 1));
  return records;
}

SearchableSampleSite OpenSearchableSite(const std::filesystem::path& dir,
                                        const std::vector<PaperRecord>& records) {
  SearchableSampleSite sample;
  std::unique_ptr<store::Store> store = OpenStoreWith(dir, records);
  if (store == nullptr) return sample;
  auto indexer = search::PaperIndexer::Open(dir / "index");
  if (!indexer) {
    ADD_FAILURE() << indexer.error().detail;
    return sample;
  }
  if (auto indexed = search::CatchUpIndex(*store, **indexer); !indexed) {
    ADD_FAILURE() << indexed.error().detail;
    return sample;
  }
  auto searcher = search::Searcher::Open(dir / "index");
  if (!searcher) {
    ADD_FAILURE() << searcher.error().detail;
    return sample;
  }
  sample.store = std::move(store);
  sample.searcher = std::move(*searcher);
  SiteServices services;
  services.searcher = sample.searcher.get();
  sample.site = std::make_unique<Site>(*sample.store, SiteOptions{}, std::move(services));
  return sample;
}

std::vector<std::string> CardIds(const std::string& html) {
  static const std::regex kCard(R"re(<div class="panel paper" id="([^"]+)")re");
  std::vector<std::string> ids;
  for (std::sregex_iterator it(html.begin(), html.end(), kCard), end; it != end; ++it) {
    ids.push_back((*it)[1]);
  }
  return ids;
}

Request GetRequest(std::string_view target) {
  Request request;
  request.method = "GET";
  request.target = target;
  return request;
}

std::unique_ptr<store::Store> OpenSampleStore(const std::filesystem::path& dir) {
  return OpenStoreWith(dir, SampleDays());
}

std::unique_ptr<store::Store> OpenStoreWith(const std::filesystem::path& dir,
                                            const std::vector<PaperRecord>& records) {
  Result<std::unique_ptr<store::Store>> opened = store::OpenSqliteStore(dir / "coolpapers.sqlite");
  if (!opened) {
    ADD_FAILURE() << "cannot open the store: " << opened.error().message << " " << opened.error().detail;
    return nullptr;
  }
  if (Result<store::WriteSummary> written = (*opened)->WriteRecords(records); !written) {
    ADD_FAILURE() << "cannot write the records: " << written.error().message;
    return nullptr;
  }
  return *std::move(opened);
}

std::string Gunzip(const std::string& compressed) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);  // 15 + 16: expect a gzip header
  std::string out;
  char chunk[16384];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
  }
  EXPECT_EQ(status, Z_STREAM_END);
  inflateEnd(&stream);
  return out;
}

}  // namespace coolpapers::web::testing
