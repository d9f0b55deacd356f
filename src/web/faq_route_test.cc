// /api/faq/<id> and its event stream, through the site, with a scripted FAQ service.
#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/mutex.h"
#include "tests/support/temp_dir.h"
#include "web/site.h"
#include "tests/support/web_test_support.h"

namespace coolpapers::web {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using State = faq::FaqStatus::State;
using Kind = faq::FaqEvent::Kind;

faq::FaqStatus Status(State state) {
  faq::FaqStatus status;
  status.state = state;
  return status;
}

faq::FaqEvent Event(Kind kind, int question_index = 0, std::string text = {}) {
  faq::FaqEvent event;
  event.kind = kind;
  event.question_index = question_index;
  event.text = std::move(text);
  return event;
}

// A FAQ service whose states the test sets, and whose live events the test sends.
class ScriptedFaqService final : public faq::FaqService {
 public:
  struct Call {
    std::string id;
    FaqLanguage language;
    bool admin;
    bool fresh;
  };

  std::map<std::string, faq::FaqStatus> states;  // by id; absent: not asked
  std::vector<Call> requests;
  std::string unknown_id = "2401.99999";  // the store lacks it

  Result<faq::FaqStatus> Get(const FaqPaper& id, FaqLanguage) override {
    if (id.str() == unknown_id) return Fail(ErrorCode::kNotFound, "no paper " + id.str());
    auto found = states.find(id.str());
    return found == states.end() ? faq::FaqStatus{} : found->second;
  }

  Result<faq::FaqStatus> Request(const FaqPaper& id, FaqLanguage language, bool admin,
                                 bool fresh) override {
    requests.push_back({id.str(), language, admin, fresh});
    if (id.str() == unknown_id) return Fail(ErrorCode::kNotFound, "no paper " + id.str());
    auto [it, added] = states.try_emplace(id.str());
    if (added) {
      it->second = Status(State::kQueued);
      it->second.position = 2;
      it->second.question_count = 6;
    }
    return it->second;
  }

  class Watch final : public faq::FaqWatch {
   public:
    Watch(ScriptedFaqService& service, int slot) : service_(service), slot_(slot) {}
    ~Watch() override {
      MutexLock lock(&service_.mutex_);
      service_.listeners_[slot_] = nullptr;
    }

   private:
    ScriptedFaqService& service_;
    int slot_;
  };

  Result<std::unique_ptr<faq::FaqWatch>> Watch(
      const FaqPaper& id, FaqLanguage language,
      std::function<void(const faq::FaqEvent&)> listener) override {
    Result<faq::FaqStatus> status = Get(id, language);
    if (!status) return std::unexpected(status.error());
    int slot = 0;
    {
      MutexLock lock(&mutex_);
      slot = static_cast<int>(listeners_.size());
      listeners_.push_back(listener);
    }
    // As the contract says: the current state first, from inside Watch().
    faq::FaqEvent first = Event(Kind::kStatus);
    first.status = *status;
    listener(first);
    return std::make_unique<class Watch>(*this, slot);
  }

  void Send(const faq::FaqEvent& event) {
    std::vector<std::function<void(const faq::FaqEvent&)>> listeners;
    {
      MutexLock lock(&mutex_);
      for (const auto& listener : listeners_) {
        if (listener) listeners.push_back(listener);
      }
    }
    for (const auto& listener : listeners) listener(event);
  }

  int LiveWatches() {
    MutexLock lock(&mutex_);
    return static_cast<int>(std::count_if(listeners_.begin(), listeners_.end(),
                                           [](const auto& listener) { return listener != nullptr; }));
  }

 private:
  Mutex mutex_;
  std::vector<std::function<void(const faq::FaqEvent&)>> listeners_ GUARDED_BY(mutex_);
};

// Collects a streamed body as the server would send it.
class RecordingWriter final : public StreamWriter {
 public:
  bool Write(std::string data) override {
    if (closed || gone) return false;
    body += data;
    return true;
  }
  void Close() override { closed = true; }

  std::string body;
  bool closed = false;
  bool gone = false;  // the reader left
};

class FaqRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenSampleStore(dir_.path());
    ASSERT_NE(store_, nullptr);
    SiteServices services;
    services.faq = &faq_;
    services.admin_token = "magic";
    site_ = std::make_unique<Site>(*store_, SiteOptions{}, services);
  }

  Response Call(std::string_view method, std::string_view target,
                std::string_view cookie = {}) {
    return site_->Handle(Request{method, target, false, cookie});
  }

  static nlohmann::json Json(const Response& response) {
    return nlohmann::json::parse(*response.body);
  }

  coolpapers::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  ScriptedFaqService faq_;
  std::unique_ptr<Site> site_;
};

FaqAnswer SampleAnswer() {
  FaqAnswer answer;
  answer.paper_id = "2401.06769";
  answer.version = 1;
  answer.model = "test-model";
  FaqItem item;
  item.question_id = "problem";
  item.question = "What problem does the paper address?";
  item.answer = "It studies $x^2$ <script>alert(1)</script> [page 2]";
  item.pages = {2};
  item.prompt_tokens = 1200;
  item.completion_tokens = 80;
  answer.items.push_back(item);
  answer.closing = "Machine-generated.";
  return answer;
}

faq::FaqStatus Answered() {
  faq::FaqStatus status = Status(State::kAnswered);
  status.answer = SampleAnswer();
  return status;
}

TEST_F(FaqRouteTest, GetNeverStartsWorkAndSaysNobodyAsked) {
  const Response response = Call("GET", "/api/faq/2401.06769");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, kJsonType);
  EXPECT_EQ(Json(response)["state"], "not_asked");
  EXPECT_TRUE(faq_.requests.empty());
}

TEST_F(FaqRouteTest, PostQueuesWithTheReadersLanguageAndToken) {
  const Response queued = Call("POST", "/api/faq/2401.06769?lang=zh&fresh=1",
                               "coolpapers_token=magic");
  EXPECT_EQ(queued.status, 202);
  EXPECT_EQ(queued.Header("Cache-Control"), "no-store");
  const nlohmann::json json = Json(queued);
  EXPECT_EQ(json["state"], "queued");
  EXPECT_EQ(json["position"], 2);
  EXPECT_EQ(json["lang"], "zh");
  ASSERT_EQ(faq_.requests.size(), 1u);
  EXPECT_EQ(faq_.requests[0].id, "2401.06769");
  EXPECT_EQ(faq_.requests[0].language, FaqLanguage::kChinese);
  EXPECT_TRUE(faq_.requests[0].admin);
  EXPECT_TRUE(faq_.requests[0].fresh);

  Call("POST", "/api/faq/2401.06769", "coolpapers_token=wrong");
  ASSERT_EQ(faq_.requests.size(), 2u);
  EXPECT_FALSE(faq_.requests[1].admin);
  EXPECT_EQ(faq_.requests[1].language, FaqLanguage::kEnglish);
  EXPECT_EQ(Call("GET", "/api/faq/2401.06769").status, 202);  // now queued
}

TEST_F(FaqRouteTest, AStoredAnswerIsServedAsEscapedJson) {
  faq_.states["2401.06769"] = Answered();
  for (std::string_view method : {"GET", "POST"}) {
    const Response response = Call(method, "/api/faq/2401.06769");
    EXPECT_EQ(response.status, 200) << method;
    EXPECT_THAT(*response.body, HasSubstr("\\u003cscript\\u003e"));
    EXPECT_THAT(*response.body, Not(HasSubstr("<script>")));
    const nlohmann::json json = Json(response);
    EXPECT_EQ(json["state"], "answered");
    EXPECT_EQ(json["answer"]["model"], "test-model");
    EXPECT_EQ(json["answer"]["items"][0]["id"], "problem");
    EXPECT_EQ(json["answer"]["items"][0]["pages"], nlohmann::json::array({2}));
    EXPECT_EQ(json["answer"]["items"][0]["prompt_tokens"], 1200);
    EXPECT_EQ(json["answer"]["closing"], "Machine-generated.");
  }
}

TEST_F(FaqRouteTest, FailuresAndBadInputGetClearAnswers) {
  faq_.states["2401.06769"] = Status(State::kFailed);
  faq_.states["2401.06769"].attempts = 8;
  faq_.states["2401.06769"].error = "the PDF of arXiv 2401.06769v1 is encrypted";
  const Response failed = Call("GET", "/api/faq/2401.06769");
  EXPECT_EQ(failed.status, 200);
  EXPECT_EQ(Json(failed)["error"], "the answer could not be generated; ask again later");
  EXPECT_FALSE(Json(failed).contains("detail"));

  const Response unknown = Call("POST", "/api/faq/2401.99999");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(Json(unknown)["error"]["code"], "not_found");

  const Response language = Call("GET", "/api/faq/2401.06769?lang=fr");
  EXPECT_EQ(language.status, 400);
  EXPECT_THAT(Json(language)["error"]["message"].get<std::string>(), HasSubstr("expected en or zh"));

  const Response put = Call("PUT", "/api/faq/2401.06769");
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(put.Header("Allow"), "GET, HEAD, POST");
  const Response post_list = Call("POST", "/arxiv/cs.CL");
  EXPECT_EQ(post_list.status, 405);
  EXPECT_EQ(post_list.Header("Allow"), "GET, HEAD");
  EXPECT_EQ(Call("POST", "/api/faq/2401.06769/stream").status, 405);
}

// Issue #18 finding 9: the model's base URL and the provider's words reached strangers.
constexpr std::string_view kModelError =
    "the model at http://10.1.2.3:8000/v1 answered 401: {\"error\":\"invalid api key sk-live\"}";

TEST_F(FaqRouteTest, StrangersNeverSeeTheModelsAddressOrTheProvidersWords) {
  faq::FaqStatus retrying = Status(State::kQueued);
  retrying.attempts = 2;
  retrying.error = kModelError;
  retrying.retry_at = std::chrono::sys_days(std::chrono::year_month_day(
                          std::chrono::year(2025), std::chrono::month(5), std::chrono::day(14))) +
                      std::chrono::hours(14) + std::chrono::minutes(5) + std::chrono::seconds(30);
  faq_.states["2401.06769"] = retrying;
  faq::FaqStatus failed = Status(State::kFailed);
  failed.error = kModelError;
  faq_.states["1406.2661"] = failed;

  for (std::string_view method : {"GET", "POST"}) {
    const Response waiting = Call(method, "/api/faq/2401.06769");
    EXPECT_THAT(*waiting.body, Not(HasSubstr("10.1.2.3"))) << method;
    EXPECT_THAT(*waiting.body, Not(HasSubstr("api key"))) << method;
    EXPECT_EQ(Json(waiting)["error"], "the answer is unavailable for now; retrying at 14:05 UTC");
    const Response gave_up = Call(method, "/api/faq/1406.2661");
    EXPECT_THAT(*gave_up.body, Not(HasSubstr("10.1.2.3"))) << method;
    EXPECT_EQ(Json(gave_up)["error"], "the answer could not be generated; ask again later");
  }
  const Response stream = Call("GET", "/api/faq/2401.06769/stream");
  ASSERT_TRUE(stream.stream);
  auto writer = std::make_shared<RecordingWriter>();
  stream.stream(writer);
  faq::FaqEvent finished = Event(Kind::kFinished);
  finished.status = failed;
  faq_.Send(finished);
  EXPECT_THAT(writer->body, Not(HasSubstr("10.1.2.3")));
  EXPECT_THAT(writer->body, HasSubstr("retrying at 14:05 UTC"));
  EXPECT_THAT(writer->body, HasSubstr("could not be generated"));

  // Admins (the magic token) read the worker's own words as "detail".
  const nlohmann::json admin = Json(Call("GET", "/api/faq/1406.2661", "coolpapers_token=magic"));
  EXPECT_EQ(admin["detail"].get<std::string>(), kModelError);
  EXPECT_EQ(admin["error"], "the answer could not be generated; ask again later");
}

TEST_F(FaqRouteTest, WithoutAServiceTheFaqIsUnavailable) {
  Site bare(*store_);
  const Response response = bare.Handle(Request{"POST", "/api/faq/2401.06769", false, {}});
  EXPECT_EQ(response.status, 503);
}

// The event names in the order a stream wrote them.
std::vector<std::string> EventNames(const std::string& body) {
  std::vector<std::string> names;
  size_t at = 0;
  while ((at = body.find("event: ", at)) != std::string::npos) {
    at += 7;
    names.push_back(body.substr(at, body.find('\n', at) - at));
  }
  return names;
}

TEST_F(FaqRouteTest, TheStreamFollowsAGenerationToItsEnd) {
  faq_.states["2401.06769"] = Status(State::kRunning);
  faq_.states["2401.06769"].question_count = 6;
  const Response response = Call("GET", "/api/faq/2401.06769/stream?lang=en");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, kEventStreamType);
  ASSERT_TRUE(response.stream);
  auto writer = std::make_shared<RecordingWriter>();
  response.stream(writer);
  EXPECT_EQ(faq_.LiveWatches(), 1);

  faq_.Send(Event(Kind::kDelta, 0, "It studies"));
  faq_.Send(Event(Kind::kRestart));
  faq_.Send(Event(Kind::kDelta, 0, "It studies <b>"));
  faq_.Send(Event(Kind::kItemDone, 0, "It studies x [page 2]"));
  EXPECT_FALSE(writer->closed);
  faq::FaqEvent finished = Event(Kind::kFinished);
  finished.status = Answered();
  faq_.Send(finished);
  EXPECT_TRUE(writer->closed);
  EXPECT_EQ(faq_.LiveWatches(), 0);
  EXPECT_THAT(EventNames(writer->body),
              ElementsAre("status", "delta", "restart", "delta", "item", "finished"));
  EXPECT_THAT(writer->body, HasSubstr("data: {\"question\":0,\"text\":\"It studies \\u003cb\\u003e\"}"));
  EXPECT_THAT(writer->body, HasSubstr("\"state\":\"answered\""));
}

TEST_F(FaqRouteTest, TheStreamEndsAtOnceWhenNothingRuns) {
  faq_.states["2401.06769"] = Answered();
  const Response response = Call("GET", "/api/faq/2401.06769/stream");
  auto writer = std::make_shared<RecordingWriter>();
  response.stream(writer);
  EXPECT_TRUE(writer->closed);
  EXPECT_THAT(EventNames(writer->body), ElementsAre("status"));
  EXPECT_EQ(faq_.LiveWatches(), 0);

  EXPECT_EQ(Call("GET", "/api/faq/2401.99999/stream").status, 404);
}

TEST_F(FaqRouteTest, AVenuePaperTakesTheSamePathUnderItsCanonicalId) {
  for (std::string_view target :
       {"/api/faq/2024.naacl-long.431@ACL", "/api/faq/2024.naacl-long.431%40ACL?lang=zh"}) {
    const Response queued = Call("POST", target);
    EXPECT_EQ(queued.status, 202) << target;
    EXPECT_EQ(Json(queued)["id"], "2024.naacl-long.431@ACL") << target;
  }
  ASSERT_EQ(faq_.requests.size(), 2u);
  EXPECT_EQ(faq_.requests[0].id, "2024.naacl-long.431@ACL");
  EXPECT_EQ(faq_.requests[1].language, FaqLanguage::kChinese);
  EXPECT_EQ(Call("GET", "/api/faq/2024.naacl-long.431@ACL").status, 202);

  // IJCAI's number is read without its zeros, as the venue pages spell it.
  EXPECT_EQ(Call("GET", "/api/faq/0042@2024@IJCAI").status, 404);
  faq_.states["42@2024@IJCAI"] = Answered();
  EXPECT_EQ(Call("GET", "/api/faq/0042@2024@IJCAI").status, 200);

  const Response stream = Call("GET", "/api/faq/42@2024@IJCAI/stream");
  EXPECT_EQ(stream.content_type, kEventStreamType);
  auto writer = std::make_shared<RecordingWriter>();
  stream.stream(writer);
  EXPECT_THAT(EventNames(writer->body), ElementsAre("status"));
  EXPECT_THAT(writer->body, HasSubstr("\"id\":\"42@2024@IJCAI\""));

  const Response malformed = Call("POST", "/api/faq/x@Nowhere");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_THAT(Json(malformed)["error"]["message"].get<std::string>(), HasSubstr("x@Nowhere"));
}

TEST_F(FaqRouteTest, AReaderWhoLeftStopsTheWatch) {
  faq_.states["2401.06769"] = Status(State::kQueued);
  faq_.states["2401.06769"].position = 4;
  const Response response = Call("GET", "/api/faq/2401.06769/stream");
  auto writer = std::make_shared<RecordingWriter>();
  response.stream(writer);
  EXPECT_EQ(faq_.LiveWatches(), 1);
  writer->gone = true;
  faq_.Send(Event(Kind::kDelta, 0, "x"));
  EXPECT_EQ(faq_.LiveWatches(), 0);
}

// Issue #18 finding 2: two clients held 20,000 FAQ streams. A client may hold
// faq_streams_per_client (default 8) at once; a stream's place comes back when it ends (the
// server drops Response::stream_hold), and another client is not held back.
TEST_F(FaqRouteTest, StreamsPerClientAreCapped) {
  faq_.states["2401.06769"] = Status(State::kRunning);
  std::vector<Response> open;
  for (int i = 0; i < 8; ++i) {
    open.push_back(Call("GET", "/api/faq/2401.06769/stream"));
    ASSERT_TRUE(open.back().stream) << i;
  }
  const Response ninth = Call("GET", "/api/faq/2401.06769/stream");
  EXPECT_EQ(ninth.status, 429);
  EXPECT_EQ(ninth.content_type, kJsonType);
  EXPECT_EQ(ninth.Header("Retry-After"), "60");
  EXPECT_THAT(*ninth.body, HasSubstr("too many FAQ streams are open from your address (8)"));
  EXPECT_EQ(site_->faq_watchers().held(), 8);
  Request elsewhere{"GET", "/api/faq/2401.06769/stream"};
  elsewhere.peer = "198.51.100.1";
  EXPECT_TRUE(site_->Handle(elsewhere).stream);
  open.pop_back();  // that stream ended
  EXPECT_TRUE(Call("GET", "/api/faq/2401.06769/stream").stream);
}

}  // namespace
}  // namespace coolpapers::web
