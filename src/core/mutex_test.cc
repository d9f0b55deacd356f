#include "core/mutex.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <stop_token>
#include <thread>
#include <vector>

namespace coolpapers {
namespace {

// A counter as the product writes one: the rule is an attribute, checked by clang.
class Counter {
 public:
  void Add() {
    MutexLock lock(&mutex_);
    AddLocked();
  }
  int value() {
    MutexLock lock(&mutex_);
    return value_;
  }

 private:
  void AddLocked() REQUIRES(mutex_) { ++value_; }

  Mutex mutex_;
  int value_ GUARDED_BY(mutex_) = 0;
};

TEST(MutexLock, KeepsConcurrentIncrementsApart) {
  Counter counter;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&counter] {
      for (int j = 0; j < 10000; ++j) counter.Add();
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(counter.value(), 40000);
}

TEST(MutexLock, UnlockAndLockAgainWithinTheScope) {
  Mutex mutex;
  {
    MutexLock lock(&mutex);
    lock.Unlock();
    std::thread other([&mutex] { MutexLock held(&mutex); });  // would deadlock if still held
    other.join();
    lock.Lock();
  }
  std::thread after([&mutex] { MutexLock held(&mutex); });  // released at the scope's end
  after.join();
}

TEST(MutexLock, ReleasesNothingWhenUnlockedAtTheEnd) {
  Mutex mutex;
  {
    MutexLock lock(&mutex);
    lock.Unlock();
  }  // the destructor must not unlock a second time
  MutexLock again(&mutex);
}

class Mailbox {
 public:
  void Put(int value) {
    {
      MutexLock lock(&mutex_);
      value_ = value;
      full_ = true;
    }
    changed_.notify_all();
  }
  int Take() {
    MutexLock lock(&mutex_);
    changed_.wait(mutex_, [this] {
      mutex_.AssertHeld();
      return full_;
    });
    full_ = false;
    return value_;
  }
  // False when `stop` came first.
  bool WaitFull(std::stop_token stop) {
    MutexLock lock(&mutex_);
    return changed_.wait(mutex_, stop, [this] {
      mutex_.AssertHeld();
      return full_;
    });
  }

 private:
  Mutex mutex_;
  std::condition_variable_any changed_;
  int value_ GUARDED_BY(mutex_) = 0;
  bool full_ GUARDED_BY(mutex_) = false;
};

TEST(Mutex, ConditionVariableAnyWaitsOnIt) {
  Mailbox mailbox;
  std::thread producer([&mailbox] {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    mailbox.Put(42);
  });
  EXPECT_EQ(mailbox.Take(), 42);
  producer.join();
}

TEST(Mutex, ConditionVariableAnyWaitEndsOnStop) {
  Mailbox mailbox;
  std::stop_source stop;
  std::thread stopper([&stop] {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    stop.request_stop();
  });
  EXPECT_FALSE(mailbox.WaitFull(stop.get_token()));
  stopper.join();
}

TEST(RecursiveMutexLock, MayBeTakenAgainByItsHolder) {
  RecursiveMutex mutex;
  RecursiveMutexLock outer(&mutex);
  const auto nested = [&mutex] { RecursiveMutexLock inner(&mutex); };
  nested();  // would deadlock on a Mutex
}

struct SharedValue {
  SharedMutex mutex;
  int value GUARDED_BY(mutex) = 0;
};

TEST(ReaderMutexLock, ReadersShareWritersExclude) {
  SharedValue shared;
  {
    WriterMutexLock lock(&shared.mutex);
    shared.value = 7;
  }
  ReaderMutexLock first(&shared.mutex);
  int seen = 0;
  std::thread second_reader([&] {
    ReaderMutexLock second(&shared.mutex);  // would block forever were readers exclusive
    seen = shared.value;
  });
  second_reader.join();
  EXPECT_EQ(seen, 7);
}

}  // namespace
}  // namespace coolpapers
