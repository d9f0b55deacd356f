// /pdf/<id> through the whole site, without sockets: the cache's PDFs in full and in part,
// conditional requests, and the download queued for a PDF not cached yet.
#include "web/pdf_route.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pdf/pdf_cache.h"
#include "tests/support/temp_dir.h"
#include "web/site.h"
#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// What the server sends as the body: the file slice's bytes for a cached PDF, else the text.
std::string BodyOf(const Response& response) {
  if (response.file) return response.file->ReadAll().value();
  return *response.body;
}

TEST(ResolveRange, AnswersTheRangesOfRfc9110) {
  using Kind = RangeAnswer::Kind;
  const struct {
    std::string_view header;
    uint64_t size;
    Kind kind;
    uint64_t first;
    uint64_t last;
  } kCases[] = {
      {"", 100, Kind::kWhole, 0, 0},
      {"bytes=0-9", 100, Kind::kPart, 0, 9},
      {"bytes=10-", 100, Kind::kPart, 10, 99},
      {"bytes=90-200", 100, Kind::kPart, 90, 99},   // clipped to the end
      {"bytes=-10", 100, Kind::kPart, 90, 99},      // the last ten
      {"bytes=-500", 100, Kind::kPart, 0, 99},      // more than the whole file
      {"bytes=99-99", 100, Kind::kPart, 99, 99},
      {"bytes=100-", 100, Kind::kUnsatisfiable, 0, 0},
      {"bytes=100-200", 100, Kind::kUnsatisfiable, 0, 0},
      {"bytes=-0", 100, Kind::kUnsatisfiable, 0, 0},
      {"bytes=0-", 0, Kind::kUnsatisfiable, 0, 0},  // an empty file has no bytes to give
      {"bytes=5-1", 100, Kind::kWhole, 0, 0},       // malformed: ignored
      {"bytes=0-1,5-6", 100, Kind::kWhole, 0, 0},   // several ranges: the whole file
      {"items=0-1", 100, Kind::kWhole, 0, 0},
      {"bytes=a-1", 100, Kind::kWhole, 0, 0},
      {"bytes=1", 100, Kind::kWhole, 0, 0},
      {"bytes=99999999999999999999-", 100, Kind::kWhole, 0, 0},  // overflows: ignored
  };
  for (const auto& c : kCases) {
    const RangeAnswer answer = ResolveRange(c.header, c.size);
    EXPECT_EQ(answer.kind, c.kind) << c.header;
    if (c.kind == Kind::kPart) {
      EXPECT_EQ(answer.first, c.first) << c.header;
      EXPECT_EQ(answer.last, c.last) << c.header;
    }
  }
}

// The site as serve builds it, with a real cache folder and a scripted download queue.
class PdfRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    cache_ = std::move(pdf::PdfCache::Open(dir_.path() / "pdf", 1 << 20).value());
    SiteServices services;
    services.pdf_cache = cache_.get();
    services.fetch_pdf = [this](const ArxivId& id, bool admin, std::string_view) -> Result<PaperFetch> {
      requests_.emplace_back(id.WithVersion(), admin);
      auto found = states_.find(id.WithVersion());
      if (found == states_.end()) return PaperFetch{PaperFetch::State::kQueued, 4, 0, "", std::nullopt};
      return found->second;
    };
    services.fetch_paper = [this](const ArxivId& id, bool, std::string_view) -> Result<PaperFetch> {
      paper_requests_.push_back(id.WithVersion());
      return paper_state_;
    };
    services.admin_token = "magic";
    site_ = std::make_unique<Site>(*store_, SiteOptions{}, std::move(services));
  }

  Response Get(std::string_view target, std::string_view range = {},
               std::string_view if_none_match = {}, std::string_view cookie = {}) {
    Request request = testing::GetRequest(target);
    request.range = range;
    request.if_none_match = if_none_match;
    request.cookie = cookie;
    return site_->Handle(request);
  }

  // What the pdf job does once it ran: the PDF is in the cache.
  void CachePdf(std::string_view id, const std::string& bytes) {
    ASSERT_TRUE(cache_->Put(ArxivId::Parse(id).value(), bytes).value());
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<pdf::PdfCache> cache_;
  std::map<std::string, PaperFetch> states_;
  std::vector<std::pair<std::string, bool>> requests_;  // (versioned id, admin)
  PaperFetch paper_state_;                  // of every metadata fetch (fetch_paper)
  std::vector<std::string> paper_requests_;  // the ids fetch_paper was asked for
  std::unique_ptr<Site> site_;
};

const std::string kPdf = "%PDF-1.4\n0123456789abcdefghij\n%%EOF\n";

TEST_F(PdfRouteTest, QueuesTheDownloadThenServesThePdfOnceItRan) {
  const Response pending = Get("/pdf/2505.00001");
  EXPECT_EQ(pending.status, 202);
  EXPECT_EQ(pending.content_type, kJsonType);
  EXPECT_EQ(pending.Header("Retry-After"), "2");
  EXPECT_EQ(pending.Header("Cache-Control"), "no-store");
  const auto json = nlohmann::json::parse(*pending.body);
  EXPECT_EQ(json["id"], "2505.00001v1") << "the newest version the store knows";
  EXPECT_EQ(json["state"], "queued");
  EXPECT_EQ(json["position"], 4);
  ASSERT_EQ(requests_.size(), 1u);
  EXPECT_EQ(requests_[0], std::make_pair(std::string("2505.00001v1"), false));

  CachePdf("2505.00001v1", kPdf);
  const Response done = Get("/pdf/2505.00001");
  EXPECT_EQ(done.status, 200);
  EXPECT_EQ(done.content_type, kPdfType);
  EXPECT_EQ(BodyOf(done), kPdf);
  EXPECT_FALSE(done.gzipped);
  EXPECT_EQ(done.Header("Accept-Ranges"), "bytes");
  EXPECT_EQ(done.Header("Cache-Control"), "public, max-age=86400");
  EXPECT_EQ(done.Header("ETag"), "\"2505.00001v1-" + std::to_string(kPdf.size()) + "\"");
  EXPECT_THAT(std::string(done.Header("Last-Modified")), HasSubstr(" GMT"));
  EXPECT_EQ(requests_.size(), 1u) << "a cached PDF asks for nothing";
  EXPECT_EQ(Get("/pdf/2505.00001v1").status, 200);
}

TEST_F(PdfRouteTest, ServesOneByteRangeAndRefusesOnePastTheEnd) {
  CachePdf("2505.00002v1", kPdf);
  const Response part = Get("/pdf/2505.00002v1", "bytes=9-18");
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(BodyOf(part), "0123456789");
  EXPECT_EQ(part.Header("Content-Range"), "bytes 9-18/" + std::to_string(kPdf.size()));
  EXPECT_EQ(part.content_type, kPdfType);

  const Response tail = Get("/pdf/2505.00002v1", "bytes=-6");
  EXPECT_EQ(tail.status, 206);
  EXPECT_EQ(BodyOf(tail), "%%EOF\n");

  const Response past = Get("/pdf/2505.00002v1", "bytes=5000-");
  EXPECT_EQ(past.status, 416);
  EXPECT_EQ(past.Header("Content-Range"), "bytes */" + std::to_string(kPdf.size()));
}

// Finding 4 of issue #18: 200 slow readers of a 3.3 MB PDF held 652 MB. The route reads
// nothing: the answer is a slice of the open file, which the server sends piece by piece.
TEST_F(PdfRouteTest, TheAnswerIsASliceOfTheFileNotItsBytes) {
  CachePdf("2505.00002v1", kPdf);
  const Response whole = Get("/pdf/2505.00002v1");
  EXPECT_TRUE(whole.body->empty());
  ASSERT_TRUE(whole.file.has_value());
  EXPECT_EQ(whole.file->offset, 0u);
  EXPECT_EQ(whole.file->length, kPdf.size());
  const Response part = Get("/pdf/2505.00002v1", "bytes=9-18");
  EXPECT_TRUE(part.body->empty());
  ASSERT_TRUE(part.file.has_value());
  EXPECT_EQ(part.file->offset, 9u);
  EXPECT_EQ(part.file->length, 10u);
}

TEST_F(PdfRouteTest, AnEvictionAfterTheAnswerDoesNotCutTheDownload) {
  CachePdf("2505.00002v1", kPdf);
  const Response answer = Get("/pdf/2505.00002v1");
  std::filesystem::remove(dir_.path() / "pdf" / "2505.00002v1.pdf");
  EXPECT_EQ(BodyOf(answer), kPdf);
}

TEST_F(PdfRouteTest, AMatchingEtagIsA304WithoutTheBytes) {
  CachePdf("2505.00002v1", kPdf);
  const Response first = Get("/pdf/2505.00002");
  ASSERT_EQ(first.status, 200);
  const std::string etag(first.Header("ETag"));
  const Response again = Get("/pdf/2505.00002", "bytes=0-3", etag);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body->empty());
  EXPECT_FALSE(again.file.has_value());
  EXPECT_EQ(again.Header("ETag"), etag);
  const Response other = Get("/pdf/2505.00002", {}, "\"2505.00002v1-1\"");
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(BodyOf(other), kPdf);
}

TEST_F(PdfRouteTest, APaperTheStoreDoesNotKnowIsA404AndFetchesNothing) {
  const Response unknown = Get("/pdf/2401.99999");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(*unknown.body, HasSubstr("no paper 2401.99999 here"));
  const Response newer = Get("/pdf/2505.00001v7");
  EXPECT_EQ(newer.status, 404);
  EXPECT_THAT(*newer.body, HasSubstr("the newest is v1"));
  EXPECT_TRUE(requests_.empty());
}

TEST_F(PdfRouteTest, APdfArxivDoesNotHaveIsA404SayingSo) {
  states_["2505.00003v1"] = PaperFetch{PaperFetch::State::kNotFound, 0, 1, "", std::nullopt};
  const Response response = Get("/pdf/2505.00003");
  EXPECT_EQ(response.status, 404);
  EXPECT_THAT(*response.body, HasSubstr("arXiv has no PDF of 2505.00003v1"));
}

TEST_F(PdfRouteTest, RunningAndFailedDownloadsReportTheirState) {
  states_["2505.00003v1"] = PaperFetch{PaperFetch::State::kRunning, 0, 2, "", std::nullopt};
  states_["2505.00004v1"] =
      PaperFetch{PaperFetch::State::kFailed, 0, 8, "arXiv answered HTTP 503", std::nullopt};
  const auto running = nlohmann::json::parse(*Get("/pdf/2505.00003").body);
  EXPECT_EQ(running["state"], "running");
  const Response failed = Get("/pdf/2505.00004");
  EXPECT_EQ(failed.status, 202);
  const auto json = nlohmann::json::parse(*failed.body);
  EXPECT_EQ(json["state"], "failed");
  EXPECT_EQ(json["error"], "arXiv answered HTTP 503");
}

TEST_F(PdfRouteTest, AFetchWaitingToRetrySaysWhyAndWhen) {
  const store::JobTime next{std::chrono::milliseconds(1'747'000'000'000)};
  states_["2505.00003v1"] = PaperFetch{PaperFetch::State::kQueued, 0, 1, "couldn't resolve host", next};
  const auto json = nlohmann::json::parse(*Get("/pdf/2505.00003").body);
  EXPECT_EQ(json["state"], "queued");
  EXPECT_EQ(json["attempts"], 1);
  EXPECT_EQ(json["error"], "couldn't resolve host");
  EXPECT_EQ(json["retry_at"], "2025-05-11T21:46:40Z");
  states_["2505.00004v1"] = PaperFetch{PaperFetch::State::kQueued, 2, 0, "", std::nullopt};
  EXPECT_TRUE(nlohmann::json::parse(*Get("/pdf/2505.00004").body)["retry_at"].is_null());
}

TEST_F(PdfRouteTest, TheMagicTokenMakesTheDownloadAnAdminOne) {
  Get("/pdf/2505.00001", {}, {}, "coolpapers_token=magic");
  Get("/pdf/2505.00002", {}, {}, "coolpapers_token=nope");
  ASSERT_EQ(requests_.size(), 2u);
  EXPECT_TRUE(requests_[0].second);
  EXPECT_FALSE(requests_[1].second);
}

TEST_F(PdfRouteTest, ANonCanonicalIdRedirectsAndAMalformedOneIsA400) {
  const Response redirect = Get("/pdf/arXiv:2505.00001v1");
  EXPECT_EQ(redirect.status, 301);
  EXPECT_EQ(redirect.Header("Location"), "/pdf/2505.00001v1");
  EXPECT_EQ(Get("/pdf/not-an-id").status, 400);
}

TEST(PdfRoute, AnInstanceWithoutAPdfCacheAnswers404) {
  coolpapers::testing::TempDir dir;
  auto store = testing::OpenSampleStore(dir.path());
  ASSERT_NE(store, nullptr);
  Site site(*store);
  const Response response = site.Handle(testing::GetRequest("/pdf/2505.00001"));
  EXPECT_EQ(response.status, 404);
  EXPECT_THAT(*response.body, StartsWith("{"));
}

// Issue #18 finding 5: a daily list's record has no version, and /pdf/<id>v9999 was queued as
// a download. Now the paper's versions are learned from arXiv first, and only a PDF that
// exists is fetched; a made-up version is a clear 404.
TEST_F(PdfRouteTest, LearnsThePapersVersionsBeforeFetchingAndRefusesOnesThatDoNotExist) {
  Paper daily = testing::SamplePaper("2505.00009");
  daily.version = 0;
  daily.versions.clear();
  ASSERT_TRUE(store_->WriteRecords(
      std::vector<PaperRecord>{testing::ListedRecord(daily, testing::Day("2025-05-16"), 9)}));

  const Response learning = Get("/pdf/2505.00009v9999");
  EXPECT_EQ(learning.status, 202);
  EXPECT_EQ(paper_requests_, std::vector<std::string>{"2505.00009"});
  EXPECT_TRUE(requests_.empty()) << "no PDF is fetched before the versions are known";

  // The metadata fetch ran: arXiv has v1 and v2.
  Paper described = testing::SamplePaper("2505.00009");
  described.version = 2;
  described.versions.push_back(described.versions.front());
  described.versions.back().number = 2;
  ASSERT_TRUE(store_->WriteRecords(std::vector<PaperRecord>{{described, {}}}));
  paper_state_.state = PaperFetch::State::kStored;

  const Response made_up = Get("/pdf/2505.00009v9999");
  EXPECT_EQ(made_up.status, 404);
  EXPECT_EQ(made_up.content_type, kJsonType);
  EXPECT_THAT(*made_up.body, HasSubstr("no version 9999 of paper 2505.00009 here: the newest is v2"));
  EXPECT_EQ(Get("/pdf/2505.00009").status, 202);
  EXPECT_EQ(Get("/pdf/2505.00009v2").status, 202);
  EXPECT_EQ(requests_, (std::vector<std::pair<std::string, bool>>{{"2505.00009v2", false},
                                                                   {"2505.00009v2", false}}));
}

// The gap left above: without an arXiv metadata fetch (an instance that does not fetch on
// demand), or when the fetch stored the paper without naming its versions, a version past v1
// was still queued as a download. It is refused with a 404 and nothing is fetched.
TEST_F(PdfRouteTest, AVersionPastV1IsRefusedWhileNoVersionIsKnown) {
  Paper daily = testing::SamplePaper("2505.00009");
  daily.version = 0;
  daily.versions.clear();
  ASSERT_TRUE(store_->WriteRecords(
      std::vector<PaperRecord>{testing::ListedRecord(daily, testing::Day("2025-05-16"), 9)}));
  paper_state_.state = PaperFetch::State::kStored;  // stored, yet the record still has none

  const Response unknown = Get("/pdf/2505.00009v3");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.content_type, kJsonType);
  EXPECT_THAT(*unknown.body,
              HasSubstr("no version 3 of paper 2505.00009 here: its versions are not known"));
  EXPECT_EQ(Get("/pdf/2505.00009v1").status, 202);  // v1 exists for every paper
  EXPECT_EQ(requests_, (std::vector<std::pair<std::string, bool>>{{"2505.00009v1", false}}));

  // An instance that cannot learn versions from arXiv refuses them too.
  SiteServices services;
  services.pdf_cache = cache_.get();
  services.fetch_pdf = [this](const ArxivId& id, bool admin, std::string_view) -> Result<PaperFetch> {
    requests_.emplace_back(id.WithVersion(), admin);
    return PaperFetch{PaperFetch::State::kQueued, 1, 0, "", std::nullopt};
  };
  Site offline(*store_, SiteOptions{}, std::move(services));
  const Response refused = offline.Handle(testing::GetRequest("/pdf/2505.00009v9999"));
  EXPECT_EQ(refused.status, 404);
  EXPECT_THAT(*refused.body, HasSubstr("no version 9999 of paper 2505.00009 here"));
  EXPECT_EQ(requests_.size(), 1u);
}

}  // namespace
}  // namespace coolpapers::web
