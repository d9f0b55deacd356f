// The job queue's soak (issue #3, item 5): 1,000 jobs through a worker pool, each fetching its
// own page from a loopback server through the polite client, with faults injected on both
// sides: the server answers 503/429, stalls, resets or truncates; the handler throws or hangs
// past the job timeout. Every job must end done exactly once with its own page; requests must
// start at least the politeness interval apart, one at a time, none reaching the server before
// its start. The figures are printed for the record.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "jobs/worker_pool.h"
#include "net/host_politeness.h"
#include "net/http_client.h"
#include "net/polite_client.h"
#include "store/sqlite_job_queue.h"
#include "tests/support/replay_server.h"
#include "tests/support/temp_dir.h"

namespace coolpapers {
namespace {

using std::chrono::milliseconds;
using Steady = std::chrono::steady_clock;

constexpr int kJobs = 1000;
constexpr uint32_t kSeed = 20261123;
constexpr milliseconds kPoliteInterval{10};

store::JobTime WallNow() {
  return std::chrono::time_point_cast<milliseconds>(std::chrono::system_clock::now());
}

// Counts what reaches the network, to show that at most one request is ever in flight.
class CountingHttpClient final : public net::HttpClient {
 public:
  explicit CountingHttpClient(net::HttpClient& inner) : inner_(inner) {}

  Result<net::HttpResponse> Get(const std::string& url) override {
    const int now_in_flight = ++in_flight_;
    int seen = max_in_flight_.load();
    while (now_in_flight > seen && !max_in_flight_.compare_exchange_weak(seen, now_in_flight)) {
    }
    ++requests_;
    auto response = inner_.Get(url);
    --in_flight_;
    return response;
  }

  int max_in_flight() const { return max_in_flight_; }
  int requests() const { return requests_; }

 private:
  net::HttpClient& inner_;
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
  std::atomic<int> requests_{0};
};

// The politeness layer's clock, recording the start it grants each request: HostPoliteness
// reserves a start under its lock and sleeps until it, once per Acquire.
class GrantRecordingClock final : public Clock {
 public:
  TimePoint Now() override { return RealClock().Now(); }
  std::chrono::system_clock::time_point WallNow() override { return RealClock().WallNow(); }
  void SleepUntil(TimePoint deadline) override {
    {
      std::lock_guard lock(mutex_);
      grants_.push_back(deadline);
    }
    RealClock().SleepUntil(deadline);
  }

  std::vector<TimePoint> grants() {
    std::lock_guard lock(mutex_);
    return grants_;
  }

 private:
  std::mutex mutex_;
  std::vector<TimePoint> grants_;  // Guarded by mutex_.
};

// A queue that counts the Complete calls that took effect, job by job: a job recorded twice
// would show as a count of 2.
class CountingJobQueue final : public store::JobQueue {
 public:
  explicit CountingJobQueue(store::JobQueue& inner) : inner_(inner) {}

  Result<store::Job> Enqueue(const store::JobSpec& spec, store::JobTime now,
                             store::EnqueueMode mode) override {
    return inner_.Enqueue(spec, now, mode);
  }
  Result<std::optional<store::Job>> Claim(store::JobKind kind, std::string_view worker,
                                          store::JobTime now, milliseconds lease) override {
    return inner_.Claim(kind, worker, now, lease);
  }
  Result<void> Renew(int64_t id, std::string_view worker, store::JobTime lease_until) override {
    return inner_.Renew(id, worker, lease_until);
  }
  Result<void> Complete(int64_t id, std::string_view worker, std::string_view result,
                        store::JobTime now) override {
    auto completed = inner_.Complete(id, worker, result, now);
    std::lock_guard lock(mutex_);
    if (completed) ++completions_[id];
    return completed;
  }
  Result<void> Release(int64_t id, std::string_view worker, std::string_view error,
                       std::optional<store::JobTime> not_before, store::JobTime now) override {
    return inner_.Release(id, worker, error, not_before, now);
  }
  Result<std::optional<store::Job>> Get(int64_t id) override { return inner_.Get(id); }
  Result<std::optional<store::Job>> Find(store::JobKind kind, std::string_view key) override {
    return inner_.Find(kind, key);
  }
  Result<std::vector<store::Job>> List(const store::JobFilter& filter) override {
    return inner_.List(filter);
  }
  Result<int64_t> PositionOf(int64_t id) override { return inner_.PositionOf(id); }
  Result<std::vector<store::JobCount>> Counts() override { return inner_.Counts(); }

  std::map<int64_t, int> completions() {
    std::lock_guard lock(mutex_);
    return completions_;
  }

 private:
  store::JobQueue& inner_;
  std::mutex mutex_;
  std::map<int64_t, int> completions_;  // Guarded by mutex_.
};

// What the handler does to one attempt, decided up front from the seed.
enum class Misbehaviour { kNone, kThrow, kHang };

struct SoakPlan {
  std::vector<std::string> bodies;              // the page of job i
  std::vector<std::vector<Misbehaviour>> acts;  // per job, per attempt (1-based, index - 1)
  int faults = 0;                               // queued on the server
};

SoakPlan MakePlan(testing::ReplayServer& server) {
  std::mt19937 random(kSeed);
  std::uniform_int_distribution<int> percent(0, 99);
  SoakPlan plan;
  for (int i = 0; i < kJobs; ++i) {
    const std::string target = "/paper/" + std::to_string(i);
    plan.bodies.push_back("page " + std::to_string(i) + " #" + std::to_string(random()));
    server.SetRoute(target, {200, {{"Content-Type", "text/plain"}}, plan.bodies.back(), false});
    if (percent(random) < 8) {
      // Up to three in a row, so some outlast the client's own retries and reach the pool.
      const int count = 1 + percent(random) % 3;
      for (int f = 0; f < count; ++f) {
        testing::Fault fault;
        switch (percent(random) % 5) {
          case 0: fault = {testing::Fault::Kind::kStatus, 503, "", milliseconds(0)}; break;
          case 1: fault = {testing::Fault::Kind::kStatus, 429, "0", milliseconds(0)}; break;
          case 2: fault = {testing::Fault::Kind::kReset, 0, "", milliseconds(0)}; break;
          case 3: fault = {testing::Fault::Kind::kTruncate, 0, "", milliseconds(0)}; break;
          default: fault = {testing::Fault::Kind::kDelay, 0, "", milliseconds(400)}; break;
        }
        server.AddFault(target, fault);
        ++plan.faults;
      }
    }
    std::vector<Misbehaviour> acts;
    for (int attempt = 0; attempt < 3; ++attempt) {
      const int roll = percent(random);
      acts.push_back(roll < 3 ? Misbehaviour::kThrow
                              : roll < 5 ? Misbehaviour::kHang : Misbehaviour::kNone);
    }
    plan.acts.push_back(std::move(acts));
  }
  return plan;
}

TEST(JobSoak, ThousandJobsWithRandomFaultsEndDoneOnceAndPolitely) {
  const auto soak_started = Steady::now();
  coolpapers::testing::TempDir dir;
  auto opened = store::OpenSqliteJobQueue(dir.path() / "store.sqlite");
  ASSERT_TRUE(opened) << opened.error().message;
  CountingJobQueue queue(**opened);
  testing::ReplayServer server;
  const SoakPlan plan = MakePlan(server);

  net::CurlHttpClientOptions curl_options;
  curl_options.use_environment_proxy = false;
  curl_options.connect_timeout = milliseconds(1'000);
  curl_options.total_timeout = milliseconds(250);  // shorter than the server's 400 ms stalls
  std::unique_ptr<net::HttpClient> curl = net::MakeCurlHttpClient(curl_options);
  CountingHttpClient counting(*curl);
  GrantRecordingClock politeness_clock;
  net::HostPoliteness politeness(politeness_clock);
  politeness.SetRule("127.0.0.1", {kPoliteInterval, true});
  net::RetryOptions retry;
  retry.max_attempts = 2;
  retry.initial_backoff = milliseconds(5);
  retry.max_backoff = milliseconds(20);
  retry.max_retry_after = milliseconds(1'000);
  net::PoliteClient client(counting, politeness, retry);

  std::mt19937 random(kSeed + 1);
  std::uniform_int_distribution<int> priority(0, 2);
  std::map<std::string, int> job_of_key;
  for (int i = 0; i < kJobs; ++i) {
    const std::string key = "paper:" + std::to_string(i);
    auto job = queue.Enqueue({store::JobKind::kArxiv, key,
                              static_cast<store::JobPriority>(priority(random)), ""},
                             WallNow(), store::EnqueueMode::kKeepFinished);
    ASSERT_TRUE(job) << job.error().message;
    job_of_key[key] = i;
  }

  jobs::WorkerPoolOptions options;
  options.kind = store::JobKind::kArxiv;
  options.workers = 6;
  options.job_timeout = milliseconds(1'000);
  options.lease = milliseconds(3'000);
  options.max_attempts = 10;
  options.initial_backoff = milliseconds(20);
  options.max_backoff = milliseconds(200);
  options.idle_poll = milliseconds(20);
  options.name_prefix = "soak";
  std::atomic<int> throws{0};
  std::atomic<int> hangs{0};
  // Attempts abandoned as hung may still be inside the handler when the pool has stopped (a
  // slow fetch taken for a hang does not watch the stop token); the test waits for them before
  // the client and the server go away. The count itself is shared, as it outlives the test.
  auto handlers_running = std::make_shared<std::atomic<int>>(0);
  jobs::WorkerPool pool(queue, [&, handlers_running](const store::Job& job,
                                                     const jobs::JobContext& context) {
    ++*handlers_running;
    struct Running {
      std::atomic<int>& count;
      ~Running() { --count; }
    } running{*handlers_running};
    const int i = job_of_key.at(job.key);
    auto page = client.Get(server.Url("/paper/" + std::to_string(i)));
    if (!page) return jobs::JobOutcome::Retry(page.error().message);
    if (page->status != 200 || page->body != plan.bodies[i]) {
      return jobs::JobOutcome::Retry("unexpected answer, HTTP " + std::to_string(page->status));
    }
    const size_t attempt = static_cast<size_t>(job.attempts) - 1;
    const Misbehaviour act =
        attempt < plan.acts[i].size() ? plan.acts[i][attempt] : Misbehaviour::kNone;
    if (act == Misbehaviour::kThrow) {
      ++throws;
      throw std::runtime_error("injected crash");
    }
    if (act == Misbehaviour::kHang) {
      ++hangs;
      while (!context.stop.stop_requested()) std::this_thread::sleep_for(milliseconds(2));
    }
    return jobs::JobOutcome::Done(page->body);  // refused when it comes from a hung attempt
  }, options);
  pool.Start();

  const auto deadline = Steady::now() + std::chrono::seconds(100);
  while (pool.Status().jobs_done + pool.Status().jobs_failed < kJobs &&
         Steady::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(50));
  }
  pool.Stop();
  const jobs::WorkerPoolStatus status = pool.Status();
  const auto drained = Steady::now() + std::chrono::seconds(10);
  while (*handlers_running > 0 && Steady::now() < drained) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  ASSERT_EQ(*handlers_running, 0) << "abandoned attempts still running";

  // Every job done, with its own page, recorded exactly once.
  auto done = queue.List({store::JobKind::kArxiv, store::JobState::kDone, kJobs + 1});
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->size(), static_cast<size_t>(kJobs));
  for (const store::Job& job : *done) {
    EXPECT_EQ(job.result, plan.bodies[job_of_key.at(job.key)]) << job.key;
  }
  auto counts = queue.Counts();
  ASSERT_TRUE(counts);
  ASSERT_EQ(counts->size(), 1u) << "jobs left in another state than done";
  EXPECT_EQ(counts->front().count, kJobs);
  const std::map<int64_t, int> completions = queue.completions();
  EXPECT_EQ(completions.size(), static_cast<size_t>(kJobs));
  for (const auto& [id, count] : completions) EXPECT_EQ(count, 1) << "job " << id;
  EXPECT_EQ(status.jobs_done, kJobs);
  EXPECT_EQ(status.jobs_failed, 0);
  EXPECT_EQ(status.queue_errors, 0) << status.last_queue_error;
  // Slow attempts may be taken for hung ones too, so injected ones are a lower bound.
  EXPECT_GE(status.workers_replaced, throws + hangs);
  EXPECT_GT(throws, 0);
  EXPECT_GT(hangs, 0);

  // Politeness. Exactly: the client granted starts at least an interval apart, one request at
  // a time, and no request reached the server before its start. On the wire, the gap the server
  // sees can still be shorter than the interval by the spread of the permit-to-arrival trip (a
  // late-scheduled thread, a slow connect); on the shared 2-core build machine that trip took
  // 0.3 ms to 15 ms, so no fixed tolerance is both small and safe. The tolerance is therefore
  // the slowest trip of this run, measured, not assumed.
  const std::vector<Clock::TimePoint> grants = politeness_clock.grants();
  std::vector<testing::LoggedRequest> log = server.RequestLog();
  std::ranges::sort(log, {}, &testing::LoggedRequest::arrived);
  ASSERT_EQ(grants.size(), log.size());
  Steady::duration min_grant_gap = Steady::duration::max();
  Steady::duration min_gap = Steady::duration::max();
  Steady::duration slowest_trip{0};
  int early = 0;
  for (size_t r = 0; r < log.size(); ++r) {
    if (log[r].arrived < grants[r]) ++early;
    slowest_trip = std::max(slowest_trip, log[r].arrived - grants[r]);
    if (r == 0) continue;
    min_grant_gap = std::min(min_grant_gap, grants[r] - grants[r - 1]);
    min_gap = std::min(min_gap, log[r].arrived - log[r - 1].arrived);
  }
  const auto as_ms = [](Steady::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
  };
  EXPECT_GE(min_grant_gap, kPoliteInterval);
  EXPECT_EQ(early, 0) << "requests reached the server before their granted start";
  EXPECT_GE(min_gap, kPoliteInterval - slowest_trip);
  EXPECT_EQ(counting.max_in_flight(), 1);
  EXPECT_EQ(static_cast<int>(log.size()), counting.requests());

  const auto wall_ms =
      std::chrono::duration_cast<milliseconds>(Steady::now() - soak_started).count();
  std::cout << "job soak: " << kJobs << " jobs in " << wall_ms << " ms wall; "
            << log.size() << " requests; " << plan.faults << " server faults injected; "
            << throws << " handler throws and " << hangs << " hangs injected; "
            << status.jobs_retried << " retries; " << status.workers_replaced
            << " workers replaced; min gap between granted starts " << as_ms(min_grant_gap)
            << " ms, between arrivals " << as_ms(min_gap) << " ms (interval "
            << kPoliteInterval.count() << " ms, slowest trip " << as_ms(slowest_trip)
            << " ms); max in flight " << counting.max_in_flight()
            << std::endl;
}

}  // namespace
}  // namespace coolpapers
