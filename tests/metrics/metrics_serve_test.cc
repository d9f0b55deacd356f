// /metrics of a real `coolpapers serve` (issue #17, point 4), read by the Prometheus project's
// own text parser (parse_metrics.py, python3-prometheus-client): the text parses, and the
// counters move with the requests the test makes (requests by route and status, latency,
// page-cache hits, refusals, the server's own 431, jobs, the harvest's failing checks, the
// model's calls and tokens). Only loopback clients without a proxy, or the token, may read it.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/faq_test_paper.h"
#include "tests/support/http_client.h"
#include "tests/support/openai_server.h"
#include "tests/support/python_check.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using Labels = std::map<std::string, std::string>;

// What parse_metrics.py makes of `text`; fails the test when the parser rejects it.
json ParseWithPrometheus(const std::string& text, const std::filesystem::path& dir) {
  return json::parse(testing::RunPythonCheck(COOLPAPERS_PARSE_METRICS, text, dir), nullptr,
                     false);
}

// The value of the sample `name` with exactly `labels`; -1 when there is none.
double Value(const json& parsed, const std::string& name, const Labels& labels = {}) {
  for (const json& sample : parsed["samples"]) {
    if (sample["name"] == name && sample["labels"].get<Labels>() == labels) {
      return sample["value"].is_number() ? sample["value"].get<double>() : -1;
    }
  }
  return -1;
}

class MetricsServeTest : public ::testing::Test {
 protected:
  // arXiv is unreachable (loopback port 9), so the harvest of cs.CL fails and waits 10 min.
  void WriteConfig(const std::string& extra) {
    std::filesystem::create_directories(Data());
    std::ofstream(Data() / "coolpapers.toml", std::ios::app)
        << "[http]\nretry_initial_backoff = \"50ms\"\nretry_attempts = 2\n"
        << "[arxiv]\nmin_interval = \"10ms\"\n"
        << "feed_base_url = \"http://127.0.0.1:9/atom/\"\n"
        << "api_url = \"http://127.0.0.1:9/api/query\"\n"
        << "oai_url = \"http://127.0.0.1:9/oai\"\n"
        << "[harvest]\ncategories = [\"cs.CL\"]\n"
        << "[jobs.arxiv]\ninitial_backoff = \"10m\"\nidle_poll = \"100ms\"\n"
        << "[metrics]\ntoken = \"scrape-secret\"\n"
        << extra;
  }

  json Scrape(testing::HttpClient& client) {
    const testing::HttpResponse response = client.Get("/metrics");
    EXPECT_EQ(response.status, 200) << response.body;
    EXPECT_THAT(response.Header("content-type"), StartsWith("text/plain; version=0.0.4"));
    return ParseWithPrometheus(response.body, dir_.path());
  }

  std::filesystem::path Data() const { return dir_.path() / "var"; }

  testing::TempDir dir_;
};

// Polls until `done` holds for a scrape, at most 40 s; returns the last scrape.
json ScrapeUntil(const std::function<json()>& scrape, const std::function<bool(const json&)>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(40);
  json parsed = scrape();
  while (!done(parsed) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    parsed = scrape();
  }
  return parsed;
}

TEST_F(MetricsServeTest, CountersMoveWithTheRequestsMade) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  testing::PrepareFaqTestPaper(Data(), shared);
  ASSERT_FALSE(HasFatalFailure());
  testing::OpenAiServer model;
  model.SetAnswerer([](const json&) {
    return std::string("The paper studies expository writing [page 1].");
  });
  WriteConfig("[llm]\nbase_url = \"" + model.BaseUrl() + "\"\nmodel = \"loopback-model\"\n");
  testing::ServerProcess server(Data(), testing::ServeHarvest::kAsConfigured);
  testing::HttpClient client("127.0.0.1", server.port());

  // The harvest's first check fails (arXiv unreachable) and waits out its backoff. The category
  // is marked failing before its job's attempt is counted and the job queued again: the scrape
  // waits for all three.
  const json before = ScrapeUntil([&] { return Scrape(client); }, [](const json& m) {
    return Value(m, "coolpapers_harvest_categories", {{"state", "failing"}}) == 1 &&
           Value(m, "coolpapers_job_attempts_total", {{"kind", "arxiv"}, {"outcome", "retried"}}) >= 1 &&
           Value(m, "coolpapers_jobs", {{"kind", "arxiv"}, {"state", "queued"}}) == 1;
  });
  ASSERT_EQ(Value(before, "coolpapers_harvest_categories", {{"state", "failing"}}), 1)
      << server.Output();
  EXPECT_EQ(before["families"]["coolpapers_http_requests"]["type"], "counter");
  EXPECT_EQ(before["families"]["coolpapers_http_request_duration_seconds"]["type"], "histogram");
  EXPECT_EQ(Value(before, "coolpapers_harvest_enabled"), 1);
  EXPECT_EQ(Value(before, "coolpapers_harvest_categories", {{"state", "configured"}}), 1);
  EXPECT_GT(Value(before, "coolpapers_harvest_next_retry_timestamp_seconds"), 1.7e9);
  EXPECT_GE(Value(before, "coolpapers_job_attempts_total", {{"kind", "arxiv"}, {"outcome", "retried"}}), 1);
  EXPECT_EQ(Value(before, "coolpapers_jobs", {{"kind", "arxiv"}, {"state", "queued"}}), 1);
  const auto health = [](const json& m) {
    return Value(m, "coolpapers_http_requests_total", {{"route", "health"}, {"status", "200"}});
  };
  const auto count_of = [](const json& m, const std::string& route) {
    return Value(m, "coolpapers_http_request_duration_seconds_count", {{"route", route}});
  };
  const auto page_hits = [](const json& m) {
    return Value(m, "coolpapers_page_cache_lookups_total", {{"cache", "pages"}, {"result", "hit"}});
  };

  // Requests of several kinds.
  ASSERT_EQ(client.Get("/healthz").status, 200);
  ASSERT_EQ(client.Get("/healthz").status, 200);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(client.Get("/arxiv/cs.CL").status, 200);
  ASSERT_EQ(client.Get("/arxiv/cs.XX").status, 400);  // no such category
  // An answer the server gives itself (the site's refusals: RateLimitAndConnectionRefusals...).
  ASSERT_EQ(client.Request("GET", "/", {{"X-Big", std::string(20 * 1024, 'x')}}).status, 431);
  // A FAQ generation: six model calls.
  ASSERT_EQ(client.Request("POST", "/api/faq/2304.02623?lang=en").status, 202);
  const json after = ScrapeUntil([&] { return Scrape(client); }, [](const json& m) {
    return Value(m, "coolpapers_jobs", {{"kind", "llm"}, {"state", "done"}}) == 1;
  });
  ASSERT_EQ(Value(after, "coolpapers_jobs", {{"kind", "llm"}, {"state", "done"}}), 1)
      << server.Output();

  EXPECT_EQ(health(after) - std::max(health(before), 0.0), 2);
  EXPECT_GE(count_of(after, "health"), 2);
  EXPECT_GE(count_of(after, "list"), 3);
  EXPECT_GT(Value(after, "coolpapers_http_request_duration_seconds_sum", {{"route", "list"}}), 0);
  EXPECT_EQ(Value(after, "coolpapers_http_request_duration_seconds_bucket",
                  {{"route", "list"}, {"le", "+Inf"}}),
            count_of(after, "list"));
  // The same list three times: at least the last two came from the page cache.
  EXPECT_GE(page_hits(after) - std::max(page_hits(before), 0.0), 2);
  EXPECT_GE(Value(after, "coolpapers_page_cache_lookups_total", {{"cache", "pages"}, {"result", "miss"}}), 1);
  EXPECT_EQ(Value(after, "coolpapers_http_requests_total", {{"route", "none"}, {"status", "400"}}), 1);
  EXPECT_EQ(Value(after, "coolpapers_http_server_answers_total", {{"status", "431"}}), 1);
  EXPECT_EQ(Value(after, "coolpapers_model_calls_total", {{"use", "faq"}, {"outcome", "ok"}}), 6);
  EXPECT_EQ(Value(after, "coolpapers_model_calls_total", {{"use", "faq"}, {"outcome", "failed"}}), 0);
  EXPECT_GT(Value(after, "coolpapers_model_tokens_total", {{"use", "faq"}, {"type", "prompt"}}), 0);
  EXPECT_GT(Value(after, "coolpapers_model_tokens_total", {{"use", "faq"}, {"type", "completion"}}), 0);
  EXPECT_EQ(Value(after, "coolpapers_job_attempts_total", {{"kind", "llm"}, {"outcome", "done"}}), 1);
  EXPECT_EQ(Value(after, "coolpapers_workers", {{"kind", "llm"}, {"state", "live"}}), 2);
}

TEST_F(MetricsServeTest, OnlyClientsOnThisMachineOrTheTokenMayReadThem) {
  WriteConfig("");
  testing::ServerProcess server(Data());  // --no-harvest
  testing::HttpClient client("127.0.0.1", server.port());

  const json parsed = Scrape(client);  // loopback, no proxy
  EXPECT_EQ(Value(parsed, "coolpapers_harvest_enabled"), 0);
  // Through a proxy on this machine (nginx), the client is someone else.
  const testing::HttpResponse proxied =
      client.Request("GET", "/metrics", {{"X-Forwarded-For", "203.0.113.7"}});
  EXPECT_EQ(proxied.status, 403);
  EXPECT_THAT(proxied.body, HasSubstr("[metrics] token"));
  EXPECT_EQ(client.Request("GET", "/metrics", {{"X-Real-IP", "203.0.113.7"}}).status, 403);
  EXPECT_EQ(client.Request("GET", "/metrics",
                           {{"X-Forwarded-For", "203.0.113.7"},
                            {"Authorization", "Bearer wrong-secret"}})
                .status,
            403);
  const testing::HttpResponse with_token =
      client.Request("GET", "/metrics", {{"X-Forwarded-For", "203.0.113.7"},
                                         {"Authorization", "Bearer scrape-secret"}});
  EXPECT_EQ(with_token.status, 200);
  EXPECT_THAT(with_token.body, HasSubstr("# TYPE coolpapers_http_requests_total counter"));
  // The refusals are counted too.
  const json later = Scrape(client);
  EXPECT_EQ(Value(later, "coolpapers_http_requests_total", {{"route", "metrics"}, {"status", "403"}}), 3);
}

// The rate limiter's and the server's own counts: a render refused by the per-client bucket,
// a connection refused for the per-client cap, and the connections open now.
TEST_F(MetricsServeTest, RateLimitAndConnectionRefusalsAreExported) {
  WriteConfig("[limits]\nrenders_per_minute = 1\nrenders_burst = 1\n"
              "max_connections_per_client = 1\n");
  testing::ServerProcess server(Data());  // --no-harvest
  testing::HttpClient client("127.0.0.1", server.port());

  const json before = Scrape(client);
  EXPECT_EQ(before["families"]["coolpapers_rate_limit_refusals"]["type"], "counter");
  EXPECT_EQ(before["families"]["coolpapers_http_connections"]["type"], "gauge");
  EXPECT_EQ(Value(before, "coolpapers_rate_limit_refusals_total"), 0);
  EXPECT_EQ(Value(before, "coolpapers_http_connections_refused_total"), 0);
  EXPECT_EQ(Value(before, "coolpapers_http_connections"), 1);  // this client's

  // Two renders in a minute: the second is refused by the bucket.
  EXPECT_NE(client.Get("/arxiv/cs.CL").status, 429);
  EXPECT_EQ(client.Get("/arxiv/cs.LG").status, 429);
  // A second connection from this machine while the first is open: refused at once.
  testing::HttpClient second("127.0.0.1", server.port());
  EXPECT_EQ(second.Get("/healthz").status, 503);

  const json after = Scrape(client);
  EXPECT_EQ(Value(after, "coolpapers_rate_limit_refusals_total"), 1);
  EXPECT_EQ(Value(after, "coolpapers_http_refusals_total", {{"status", "429"}, {"by", "site"}}), 1);
  EXPECT_EQ(Value(after, "coolpapers_http_connections_refused_total"), 1);
  EXPECT_EQ(Value(after, "coolpapers_http_connections"), 1);
}

// The FAQ's event streams and the live hub's watchers (issue #18 finding 2's caps act on
// them): two readers following one paper's FAQ while it is generated (a slow model: a piece
// every half second) are two streams, two watchers, one watched and live generation; once
// they leave, no stream and no watcher.
TEST_F(MetricsServeTest, FaqStreamsAndWatchersAreExported) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  testing::PrepareFaqTestPaper(Data(), shared);
  ASSERT_FALSE(HasFatalFailure());
  testing::OpenAiServerOptions slow;
  slow.piece_delay = std::chrono::milliseconds(500);
  testing::OpenAiServer model(slow);
  model.SetAnswerer([](const json&) { return std::string(400, 'x'); });
  WriteConfig("[llm]\nbase_url = \"" + model.BaseUrl() + "\"\nmodel = \"loopback-model\"\n"
              "[limits]\nstream_heartbeat = \"1s\"\n");
  testing::ServerProcess server(Data());  // --no-harvest
  testing::HttpClient client("127.0.0.1", server.port());

  const json before = Scrape(client);
  EXPECT_EQ(before["families"]["coolpapers_faq_streams"]["type"], "gauge");
  EXPECT_EQ(before["families"]["coolpapers_faq_watchers"]["type"], "gauge");
  EXPECT_EQ(Value(before, "coolpapers_faq_streams"), 0);
  EXPECT_EQ(Value(before, "coolpapers_faq_watchers"), 0);
  EXPECT_EQ(Value(before, "coolpapers_faq_watched_generations"), 0);
  EXPECT_EQ(Value(before, "coolpapers_faq_live_generations"), 0);

  ASSERT_EQ(client.Request("POST", "/api/faq/2304.02623?lang=en").status, 202);
  testing::HttpClient first("127.0.0.1", server.port());
  testing::HttpClient second("127.0.0.1", server.port());
  for (testing::HttpClient* reader : {&first, &second}) {
    const testing::HttpResponse head =
        reader->StartRequest("GET", "/api/faq/2304.02623/stream?lang=en");
    ASSERT_EQ(head.status, 200) << server.Output();
    EXPECT_THAT(head.Header("content-type"), StartsWith("text/event-stream"));
    EXPECT_THAT(reader->ReadBodySome(), HasSubstr("event: status"));  // where things stand
  }
  const json watched = ScrapeUntil([&] { return Scrape(client); }, [](const json& m) {
    return Value(m, "coolpapers_faq_live_generations") == 1;  // the job was claimed
  });
  EXPECT_EQ(Value(watched, "coolpapers_faq_streams"), 2);
  EXPECT_EQ(Value(watched, "coolpapers_faq_watchers"), 2);
  EXPECT_EQ(Value(watched, "coolpapers_faq_watched_generations"), 1);
  EXPECT_EQ(Value(watched, "coolpapers_faq_live_generations"), 1) << server.Output();

  first.Disconnect();
  second.Disconnect();
  const json left = ScrapeUntil([&] { return Scrape(client); }, [](const json& m) {
    return Value(m, "coolpapers_faq_streams") == 0 && Value(m, "coolpapers_faq_watchers") == 0;
  });
  EXPECT_EQ(Value(left, "coolpapers_faq_streams"), 0);
  EXPECT_EQ(Value(left, "coolpapers_faq_watchers"), 0);
  EXPECT_EQ(Value(left, "coolpapers_faq_watched_generations"), 0);
}

}  // namespace
}  // namespace coolpapers
