#include "faq/faq_live_hub.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace coolpapers::faq {
namespace {

FaqStatus Running(int index, int count = 3) {
  FaqStatus status;
  status.state = FaqStatus::State::kRunning;
  status.question_index = index;
  status.question_count = count;
  return status;
}

FaqStatus Queued(int64_t position) {
  FaqStatus status;
  status.state = FaqStatus::State::kQueued;
  status.position = position;
  return status;
}

// Events written as short lines: "status running 1", "delta 0 abc", "done 0 abc", ...
std::string Line(const FaqEvent& event) {
  switch (event.kind) {
    case FaqEvent::Kind::kStatus:
      return "status " +
             std::string(event.status.state == FaqStatus::State::kRunning  ? "running"
                         : event.status.state == FaqStatus::State::kQueued ? "queued"
                                                                           : "other") +
             " " + std::to_string(event.status.state == FaqStatus::State::kQueued
                                      ? event.status.position
                                      : event.status.question_index);
    case FaqEvent::Kind::kDelta:
      return "delta " + std::to_string(event.question_index) + " " + event.text;
    case FaqEvent::Kind::kItemDone:
      return "done " + std::to_string(event.question_index) + " " + event.text;
    case FaqEvent::Kind::kRestart:
      return "restart";
    case FaqEvent::Kind::kFinished:
      return "finished";
  }
  return "?";
}

struct Lines {
  std::vector<std::string> lines;
  FaqLiveHub::Listener Listener() {
    return [this](const FaqEvent& event) { lines.push_back(Line(event)); };
  }
};

TEST(FaqLiveHub, IdleKeyGivesTheCallersStatusThenLiveEvents) {
  FaqLiveHub hub;
  Lines heard;
  auto watch = hub.Subscribe("faq:1", heard.Listener(), [] { return Queued(4); });
  hub.Begin("faq:1", Running(0));
  hub.Delta("faq:1", 0, "Hel");
  hub.Delta("faq:1", 0, "lo");
  hub.ItemDone("faq:1", 0, "Hello [page 1]");
  hub.Update("faq:1", Running(1));
  hub.Finish("faq:1", FaqStatus{});
  EXPECT_EQ(heard.lines,
            (std::vector<std::string>{"status queued 4", "status running 0", "delta 0 Hel",
                                      "delta 0 lo", "done 0 Hello [page 1]", "status running 1",
                                      "finished"}));
}

TEST(FaqLiveHub, WatcherJoiningMidwayGetsTheTextSoFar) {
  FaqLiveHub hub;
  hub.Begin("faq:1", Running(0));
  hub.Delta("faq:1", 0, "First ");
  hub.ItemDone("faq:1", 0, "First answer.");
  hub.Update("faq:1", Running(1));
  hub.Delta("faq:1", 1, "Sec");
  Lines heard;
  bool idle_called = false;
  auto watch = hub.Subscribe("faq:1", heard.Listener(), [&] {
    idle_called = true;
    return FaqStatus{};
  });
  hub.Delta("faq:1", 1, "ond");
  EXPECT_FALSE(idle_called);
  EXPECT_EQ(heard.lines, (std::vector<std::string>{"status running 1", "delta 0 First answer.",
                                                   "delta 1 Sec", "delta 1 ond"}));
  ASSERT_TRUE(hub.LiveStatus("faq:1"));
  EXPECT_EQ(hub.LiveStatus("faq:1")->question_index, 1);
}

TEST(FaqLiveHub, RestartDropsTheTextAndEndsTheLiveGeneration) {
  FaqLiveHub hub;
  hub.Begin("faq:1", Running(0));
  hub.Delta("faq:1", 0, "lost");
  Lines first;
  auto watch = hub.Subscribe("faq:1", first.Listener(), [] { return FaqStatus{}; });
  hub.Restart("faq:1", Queued(0));
  EXPECT_EQ(first.lines.back(), "restart");
  EXPECT_FALSE(hub.LiveStatus("faq:1"));

  Lines later;
  auto later_watch = hub.Subscribe("faq:1", later.Listener(), [] { return Queued(2); });
  EXPECT_EQ(later.lines, std::vector<std::string>{"status queued 2"});
}

TEST(FaqLiveHub, DestroyedWatchHearsNothingMore) {
  FaqLiveHub hub;
  Lines heard;
  auto watch = hub.Subscribe("faq:1", heard.Listener(), [] { return Queued(0); });
  hub.Begin("faq:1", Running(0));
  watch.reset();
  hub.Delta("faq:1", 0, "unheard");
  EXPECT_EQ(heard.lines, (std::vector<std::string>{"status queued 0", "status running 0"}));
}

TEST(FaqLiveHub, KeysAreSeparate) {
  FaqLiveHub hub;
  Lines heard;
  auto watch = hub.Subscribe("faq:1", heard.Listener(), [] { return Queued(0); });
  hub.Begin("faq:2", Running(0));
  hub.Delta("faq:2", 0, "other paper");
  EXPECT_EQ(heard.lines, std::vector<std::string>{"status queued 0"});
  EXPECT_FALSE(hub.LiveStatus("faq:1"));
}

TEST(FaqLiveHub, ListenerMayEndItsOwnWatch) {
  FaqLiveHub hub;
  std::unique_ptr<FaqWatch> watch;
  int heard = 0;
  watch = hub.Subscribe(
      "faq:1",
      [&](const FaqEvent& event) {
        ++heard;
        if (event.kind == FaqEvent::Kind::kDelta) watch.reset();
      },
      [] { return Queued(0); });
  hub.Begin("faq:1", Running(0));
  hub.Delta("faq:1", 0, "a");
  hub.Delta("faq:1", 0, "b");
  EXPECT_EQ(heard, 3);
  EXPECT_EQ(watch, nullptr);
}

TEST(FaqLiveHub, WatchersJoiningDuringAStreamSeeEveryCharacterOnceInOrder) {
  FaqLiveHub hub;
  hub.Begin("faq:1", Running(0, 1));
  constexpr int kPieces = 2000;
  std::string full;
  for (int i = 0; i < kPieces; ++i) full += std::to_string(i % 10);

  std::string from_start;
  auto first_watch = hub.Subscribe(
      "faq:1",
      [&](const FaqEvent& event) {
        if (event.kind == FaqEvent::Kind::kDelta) from_start += event.text;
      },
      [] { return FaqStatus{}; });
  std::thread generator([&] {
    for (int i = 0; i < kPieces; ++i) hub.Delta("faq:1", 0, std::string(1, full[i]));
    hub.Finish("faq:1", FaqStatus{});
  });
  struct Watcher {
    std::string text;
    bool finished = false;
    std::unique_ptr<FaqWatch> watch;
  };
  std::vector<std::unique_ptr<Watcher>> watchers;
  for (int i = 0; i < 20; ++i) {
    auto watcher = std::make_unique<Watcher>();
    Watcher* raw = watcher.get();
    watcher->watch = hub.Subscribe(
        "faq:1",
        [raw](const FaqEvent& event) {
          if (event.kind == FaqEvent::Kind::kDelta) raw->text += event.text;
          if (event.kind == FaqEvent::Kind::kFinished) raw->finished = true;
        },
        [] { return FaqStatus{}; });
    watchers.push_back(std::move(watcher));
    std::this_thread::yield();
  }
  generator.join();
  EXPECT_EQ(from_start, full);
  for (const auto& watcher : watchers) {
    // A watcher that joined after the end heard nothing; every other heard the whole text.
    if (watcher->finished) EXPECT_EQ(watcher->text, full);
    else EXPECT_EQ(watcher->text, "");
  }
}

// A generation another process runs (a node sharing the store): the watcher hears its place
// change and its end from FollowIdle, each once, and nothing while it stands still.
TEST(FaqLiveHub, FollowIdleTellsWatchersOfAGenerationRunElsewhere) {
  FaqLiveHub hub;
  FaqStatus elsewhere = Queued(2);
  Lines lines;
  auto watch = hub.Subscribe("faq:1", lines.Listener(), [&elsewhere] { return elsewhere; });
  hub.FollowIdle();  // unchanged: nothing
  elsewhere = Queued(0);
  hub.FollowIdle();
  elsewhere = Running(0);
  hub.FollowIdle();
  hub.FollowIdle();
  FaqStatus answered;
  answered.state = FaqStatus::State::kAnswered;
  elsewhere = answered;
  hub.FollowIdle();
  EXPECT_EQ(lines.lines, (std::vector<std::string>{"status queued 2", "status queued 0",
                                                   "status running 0", "finished"}));
}

// A generation live in this process is told by its own events only.
TEST(FaqLiveHub, FollowIdleLeavesALiveGenerationAlone) {
  FaqLiveHub hub;
  Lines lines;
  int reads = 0;
  auto watch = hub.Subscribe("faq:1", lines.Listener(), [&reads] {
    ++reads;
    return Queued(1);
  });
  hub.Begin("faq:1", Running(0));
  hub.FollowIdle();
  EXPECT_EQ(reads, 1);  // only the subscription's
  EXPECT_EQ(lines.lines, (std::vector<std::string>{"status queued 1", "status running 0"}));
  FaqLiveHub unwatched;
  unwatched.FollowIdle();  // no watchers: nothing to ask
}

}  // namespace
}  // namespace coolpapers::faq
