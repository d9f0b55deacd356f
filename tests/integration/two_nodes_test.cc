// Several nodes (issue #17): two `coolpapers serve` processes on one PostgreSQL database behind
// a real nginx running the site we ship (deploy/nginx-coolpapers.conf), everything on loopback:
// arXiv's API and the PDFs from a replay server, the model from the OpenAI-protocol server.
// Each node's search index and page cache follow what the other (or an import) commits; a PDF
// download and a FAQ generation run once across the nodes; killing the node that generates a
// FAQ (SIGKILL) leaves the other to finish it from the last finished question, storing one
// answer.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <utility>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "store/job_queue.h"
#include "store/store_location.h"
#include "tests/integration/faq_test_paper.h"
#include "tests/support/arxiv_fixtures.h"
#include "tests/support/http_client.h"
#include "tests/support/nginx_process.h"
#include "tests/support/openai_server.h"
#include "tests/support/pg_test_server.h"
#include "tests/support/replay_server.h"
#include "tests/support/server_process.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using json = nlohmann::json;
using std::chrono::seconds;
using testing::HttpClient;
using testing::HttpResponse;

constexpr char kFaqJobKey[] = "faq:2304.02623v1:en";
// About a second per answer: 64 pieces of 4 bytes, 15 ms apart.
constexpr char kAnswer[] =
    "The paper designs AI support for expository writing, which goes beyond summarization of "
    "the sources: reading, synthesis and composition each need their own help [page 1]. ";
// A second paper of the FAQ paper's day, imported while the nodes run.
constexpr char kLateRecord[] =
    R"({"id": "2304.02999", "authors": ["Ada Quokka"], "title": "Quokkas Revisited", )"
    R"("categories": ["cs.CL"], "comment": null, "summary": "A late record of the same day.", )"
    R"("listing_date": "2023-04-06"})";

// Polls `get` until `done` holds or `limit` passes; returns the last response.
HttpResponse WaitFor(const std::function<HttpResponse()>& get,
                     const std::function<bool(const HttpResponse&)>& done, seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  HttpResponse response = get();
  while (!done(response) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    response = get();
  }
  return response;
}

bool Contains(const HttpResponse& response, const std::string& text) {
  return response.status == 200 && response.body.find(text) != std::string::npos;
}

int CountOf(const std::string& text, const std::string& needle) {
  int count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// The paper W that node A fetches from (loopback) arXiv on a reader's demand.
Paper OnDemandPaper() {
  Paper paper;
  paper.id = "2305.01234";
  paper.version = 1;
  paper.title = "Zeppelins for Distributed Consensus";
  paper.authors = {"Bea Zeppelin"};
  paper.abstract = "Fetched from arXiv by one node, seen by the other.";
  paper.categories = {"cs.DC"};
  paper.versions = {{1, UtcTime(seconds(1'683'000'000))}};
  paper.license = "http://creativecommons.org/licenses/by/4.0/";
  return paper;
}

class TwoNodesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto reason = testing::PgTestSkipReason()) GTEST_SKIP() << *reason;
    if (auto reason = testing::NginxSkipReason()) GTEST_SKIP() << *reason;
    store_url_ = testing::PgTestDatabaseUrl(dir_.path());
  }

  // Node `name`'s folder: its own search index and configuration; the store is the shared
  // PostgreSQL database and the PDF cache a shared folder (docs/deploy.md).
  std::filesystem::path WriteNode(const std::string& name, const std::string& model_url) {
    const std::filesystem::path data = dir_.path() / name;
    std::filesystem::create_directories(data);
    // Harvesting off whatever the default, and every arXiv address on loopback anyway.
    std::ofstream(data / "coolpapers.toml")
        << "[store]\nurl = \"" << store_url_ << "\"\n"
        << "[harvest]\nenabled = false\n"
        << "[arxiv]\nmin_interval = \"10ms\"\n"
        << "feed_base_url = \"" << arxiv_.Url("/atom/") << "\"\n"
        << "api_url = \"" << arxiv_.Url("/api/query") << "\"\n"
        << "oai_url = \"" << arxiv_.Url("/oai") << "\"\n"
        << "[pdf]\nsource = \"" << arxiv_.Url("/pdf/{id}v{version}") << "\"\n"
        << "cache_dir = \"" << (dir_.path() / "pdf").string() << "\"\n"
        << "[llm]\nbase_url = \"" << model_url << "\"\nmodel = \"loopback-model\"\n"
        << "[faq]\nlease = \"2s\"\n";
    return data;
  }

  std::unique_ptr<store::JobQueue> OpenQueue() {
    auto location = store::ParseStoreLocation(store_url_);
    EXPECT_TRUE(location) << location.error().message;
    auto queue = store::OpenJobQueueAt(*location);
    EXPECT_TRUE(queue) << queue.error().message;
    return queue ? std::move(*queue) : nullptr;
  }

  testing::TempDir dir_;
  std::string store_url_;
  testing::ReplayServer arxiv_;
};

TEST_F(TwoNodesTest, ShareOneStoreBehindNginx) {
  COOLPAPERS_REQUIRE_SHARED_DATA(shared);
  testing::OpenAiServerOptions model_options;
  model_options.piece_bytes = 4;
  model_options.piece_delay = std::chrono::milliseconds(15);
  testing::OpenAiServer model(model_options);
  model.SetAnswerer([](const json&) { return std::string(kAnswer); });
  const std::filesystem::path a_data = WriteNode("node-a", model.BaseUrl());
  const std::filesystem::path b_data = WriteNode("node-b", model.BaseUrl());
  // The FAQ paper, imported through node A's configuration into the shared store. Its PDF is
  // served by the loopback source only (the copy the helper puts in A's folder is not read).
  ASSERT_NO_FATAL_FAILURE(testing::PrepareFaqTestPaper(a_data, shared));
  arxiv_.SetRouteFromFile("/pdf/2304.02623v1", shared / "pdfs" / "2304.02623v1.pdf",
                          "application/pdf");
  const Paper wanted = OnDemandPaper();
  arxiv_.SetRoute(testing::IdListTarget("/api/query", std::vector<std::string>{wanted.id}),
                  {200, {{"Content-Type", "application/atom+xml"}},
                   testing::RenderApiFeed(std::span(&wanted, 1)), false});

  auto a = std::make_unique<testing::ServerProcess>(a_data);
  auto b = std::make_unique<testing::ServerProcess>(b_data);
  testing::NginxProcess nginx(std::filesystem::path(COOLPAPERS_SOURCE_DIR) / "deploy" /
                                  "nginx-coolpapers.conf",
                              {a->port(), b->port()}, dir_.path() / "nginx");
  HttpClient via_nginx("127.0.0.1", nginx.port(), seconds(30));
  HttpClient direct_a("127.0.0.1", a->port());
  HttpClient direct_b("127.0.0.1", b->port());

  // nginx spreads requests over both nodes.
  for (int i = 0; i < 10; ++i) ASSERT_EQ(via_nginx.Get("/healthz").status, 200) << nginx.ErrorLog();
  EXPECT_GE(CountOf(a->Output(), "/healthz"), 3) << a->Output();
  EXPECT_GE(CountOf(b->Output(), "/healthz"), 3) << b->Output();

  // Both nodes index the paper imported before they started, each into its own index.
  const std::string search = "/api/search?query=expository";
  for (HttpClient* node : {&direct_a, &direct_b}) {
    EXPECT_TRUE(Contains(WaitFor([&] { return node->Get(search); },
                                 [](const HttpResponse& r) { return Contains(r, "2304.02623"); },
                                 seconds(30)),
                         "2304.02623"));
  }

  // Page caches follow the shared change stamp: node B's cached day page goes stale when an
  // import writes into the store, and both indexes take the new paper up from the change log.
  const std::string day = "/arxiv/cs.CL?date=2023-04-06";
  const HttpResponse before = direct_b.Get(day);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_THAT(before.body, Not(HasSubstr("Quokkas Revisited")));
  ASSERT_EQ(direct_b.Get(day).body, before.body);  // cached, and the same
  const std::filesystem::path late = dir_.path() / "late.jsonl";
  std::ofstream(late) << kLateRecord << "\n";
  const testing::CommandResult imported =
      testing::RunCoolpapers({"import", "--data", a_data.string(), late.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_TRUE(Contains(WaitFor([&] { return direct_b.Get(day); },
                               [](const HttpResponse& r) { return Contains(r, "Quokkas"); },
                               seconds(10)),
                       "Quokkas Revisited"));
  for (HttpClient* node : {&direct_a, &direct_b}) {
    EXPECT_TRUE(Contains(WaitFor([&] { return node->Get("/api/search?query=quokkas"); },
                                 [](const HttpResponse& r) { return Contains(r, "2304.02999"); },
                                 seconds(10)),
                         "2304.02999"));
  }

  // A write through node A: a reader's demand makes A fetch paper W from arXiv; node B then
  // shows it from the store and finds it in its own index, without asking arXiv again.
  const HttpResponse fetched =
      WaitFor([&] { return direct_a.Get("/arxiv/" + wanted.id); },
              [](const HttpResponse& r) { return r.status == 200; }, seconds(30));
  ASSERT_EQ(fetched.status, 200) << a->Output();
  const HttpResponse on_b = direct_b.Get("/arxiv/" + wanted.id);
  EXPECT_EQ(on_b.status, 200);
  EXPECT_THAT(on_b.body, HasSubstr(wanted.title));
  EXPECT_TRUE(Contains(WaitFor([&] { return direct_b.Get("/api/search?query=zeppelins"); },
                               [&](const HttpResponse& r) { return Contains(r, wanted.id); },
                               seconds(10)),
                       wanted.id));
  int api_requests = 0;
  for (const testing::LoggedRequest& request : arxiv_.RequestLog()) {
    if (request.target.starts_with("/api/query")) ++api_requests;
  }
  EXPECT_EQ(api_requests, 1);

  // A PDF asked of both nodes at once is downloaded once: one pdf job, whoever runs it.
  auto ask_pdf = [](unsigned short port) {
    HttpClient client("127.0.0.1", port);
    return WaitFor([&] { return client.Get("/pdf/2304.02623v1"); },
                   [](const HttpResponse& r) { return r.status == 200; }, seconds(30));
  };
  auto pdf_a = std::async(std::launch::async, ask_pdf, a->port());
  auto pdf_b = std::async(std::launch::async, ask_pdf, b->port());
  EXPECT_EQ(pdf_a.get().status, 200);
  EXPECT_EQ(pdf_b.get().status, 200);
  int pdf_downloads = 0;
  for (const testing::LoggedRequest& request : arxiv_.RequestLog()) {
    if (request.target.starts_with("/pdf/")) ++pdf_downloads;
  }
  EXPECT_EQ(pdf_downloads, 1);

  // The FAQ through nginx: one generation; kill -9 the node running it while it answers the
  // third question; the other node takes the job up when its lease (2 s) passes.
  const HttpResponse asked = via_nginx.Request("POST", "/api/faq/2304.02623?lang=en");
  ASSERT_EQ(asked.status, 202) << asked.body;
  const auto deadline = std::chrono::steady_clock::now() + seconds(60);
  while (model.Requests().size() < 3 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(model.Requests().size(), 3u);
  std::unique_ptr<store::JobQueue> queue = OpenQueue();
  ASSERT_NE(queue, nullptr);
  auto running = queue->Find(store::JobKind::kLlm, kFaqJobKey);
  ASSERT_TRUE(running && *running) << (running ? "no job" : running.error().message);
  EXPECT_EQ((*running)->state, store::JobState::kRunning);
  EXPECT_EQ((*running)->attempts, 1);
  const auto holds = [](const store::Job& job, pid_t pid) {
    return job.worker.find(":" + std::to_string(pid) + ".") != std::string::npos;
  };
  const bool a_generates = holds(**running, a->pid());
  ASSERT_TRUE(a_generates || holds(**running, b->pid())) << (*running)->worker;
  std::unique_ptr<testing::ServerProcess>& generator = a_generates ? a : b;
  std::unique_ptr<testing::ServerProcess>& survivor = a_generates ? b : a;
  const pid_t survivor_pid = survivor->pid();
  generator->Kill();

  const HttpResponse answered = WaitFor(
      [&] { return via_nginx.Get("/api/faq/2304.02623?lang=en"); },
      [](const HttpResponse& r) {
        return r.status == 200 && json::parse(r.body, nullptr, false).value("state", "") ==
                                      std::string("answered");
      },
      seconds(90));
  ASSERT_EQ(answered.status, 200) << answered.body << survivor->Output();
  const json status = json::parse(answered.body);
  ASSERT_EQ(status["state"], "answered") << status.dump();
  EXPECT_EQ(status["answer"]["items"].size(), 6u);
  // Questions 1 and 2 were stored before the kill; the third is asked again (unless it was
  // stored in the moment before the kill), then the rest: never from the beginning (12).
  EXPECT_GE(model.Requests().size(), 6u);
  EXPECT_LE(model.Requests().size(), 7u);
  auto done = queue->Find(store::JobKind::kLlm, kFaqJobKey);
  ASSERT_TRUE(done && *done);
  EXPECT_EQ((*done)->state, store::JobState::kDone);
  EXPECT_EQ((*done)->attempts, 2);
  EXPECT_TRUE(holds(**done, survivor_pid)) << (*done)->worker;
  pqxx::connection connection(store_url_);
  pqxx::work read(connection);
  EXPECT_EQ(read.exec1("SELECT count(*) FROM faq_answers WHERE paper_id = '2304.02623'")[0]
                .as<int>(),
            1);
  EXPECT_EQ(read.exec1("SELECT count(*) FROM jobs WHERE kind = 2")[0].as<int>(), 1);
  read.commit();

  // The killed node comes back. A second generation (in Chinese) runs on one node while one
  // reader follows it on the other node and another through nginx: both hear it end, the one
  // on the other node from the store (FaqLiveHub::FollowIdle), and nginx passes the events on
  // as they are written.
  generator = std::make_unique<testing::ServerProcess>(a_generates ? a_data : b_data);
  ASSERT_EQ(via_nginx.Request("POST", "/api/faq/2304.02623?lang=zh").status, 202);
  std::optional<store::Job> zh;
  for (auto until = std::chrono::steady_clock::now() + seconds(30);
       std::chrono::steady_clock::now() < until;
       std::this_thread::sleep_for(std::chrono::milliseconds(50))) {
    auto found = queue->Find(store::JobKind::kLlm, "faq:2304.02623v1:zh");
    ASSERT_TRUE(found);
    if (*found && (*found)->state == store::JobState::kRunning) {
      zh = **found;
      break;
    }
  }
  ASSERT_TRUE(zh.has_value()) << "the Chinese generation did not start";
  const unsigned short elsewhere = holds(*zh, a->pid()) ? b->port() : a->port();
  const auto follow = [](unsigned short port) {
    HttpClient reader("127.0.0.1", port, seconds(60));
    const HttpResponse head = reader.StartRequest("GET", "/api/faq/2304.02623/stream?lang=zh");
    if (head.status != 200) return std::pair(false, head.body);
    // The first piece (the generation's state) comes at once, before the end.
    std::string piece = reader.ReadBodySome();
    const bool first_before_the_end =
        !piece.empty() && piece.find("event: finished") == std::string::npos;
    std::string events;
    for (; !piece.empty(); piece = reader.ReadBodySome()) events += piece;
    return std::pair(first_before_the_end, events);
  };
  auto on_the_other_node = std::async(std::launch::async, follow, elsewhere);
  auto through_nginx = std::async(std::launch::async, follow, nginx.port());
  const auto [other_first_early, other_events] = on_the_other_node.get();
  const auto [nginx_first_early, nginx_events] = through_nginx.get();
  EXPECT_THAT(other_events, HasSubstr("event: status"));
  EXPECT_THAT(other_events, HasSubstr("event: finished"));
  // Where the generation stands, from the questions the generating node saved.
  EXPECT_THAT(other_events, HasSubstr("\"questions\":6"));
  EXPECT_THAT(other_events, ::testing::ContainsRegex("\"question\":[1-5]"));
  EXPECT_THAT(other_events, HasSubstr("\"answered\""));
  EXPECT_TRUE(nginx_first_early) << nginx_events;
  EXPECT_THAT(nginx_events, HasSubstr("event: finished"));
  EXPECT_THAT(nginx_events, HasSubstr("\"answered\""));
}

}  // namespace
}  // namespace coolpapers
