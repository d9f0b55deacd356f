// Mutexes the thread-safety analysis understands (core/thread_annotations.h): std::mutex,
// std::recursive_mutex and std::shared_mutex wrapped as capabilities, and scoped locks over them.
// Members a mutex guards say so with GUARDED_BY(mutex_); clang-16 checks every access (CTest's
// thread_safety_check).
//
//   Mutex mutex_;
//   std::condition_variable_any changed_;
//   bool ready_ GUARDED_BY(mutex_) = false;
//
//   MutexLock lock(&mutex_);
//   changed_.wait(mutex_, [this] {
//     mutex_.AssertHeld();  // a lambda is analysed on its own; wait calls it with mutex_ held
//     return ready_;
//   });
//
// A condition variable is a std::condition_variable_any waiting on the Mutex itself (Mutex is
// BasicLockable), inside a MutexLock's scope: wait releases and retakes the mutex, so the mutex
// is held again when it returns, as the analysis assumes.
//
// None of these classes can be copied or moved. Mutex and SharedMutex are as thread-safe as
// the std types they wrap; a lock object belongs to the thread that made it.
#ifndef COOLPAPERS_CORE_MUTEX_H_
#define COOLPAPERS_CORE_MUTEX_H_

#include <mutex>
#include <shared_mutex>

#include "core/thread_annotations.h"

namespace coolpapers {

// An exclusive mutex (std::mutex), not recursive.
class CAPABILITY("mutex") Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ACQUIRE() { mutex_.lock(); }
  void Unlock() RELEASE() { mutex_.unlock(); }
  // Tells the analysis the calling thread holds the mutex; checks nothing at run time. For
  // code the analysis cannot follow, such as a condition variable's predicate.
  void AssertHeld() const ASSERT_CAPABILITY(this) {}

  // BasicLockable, for std::condition_variable_any. Prefer MutexLock.
  void lock() ACQUIRE() { mutex_.lock(); }
  void unlock() RELEASE() { mutex_.unlock(); }

 private:
  std::mutex mutex_;
};

// A mutex its holder may take again (std::recursive_mutex). The analysis does not model taking
// it twice, so only code it does not follow (a callback run with the mutex held) may do so.
class CAPABILITY("mutex") RecursiveMutex {
 public:
  RecursiveMutex() = default;
  RecursiveMutex(const RecursiveMutex&) = delete;
  RecursiveMutex& operator=(const RecursiveMutex&) = delete;

  void Lock() ACQUIRE() { mutex_.lock(); }
  void Unlock() RELEASE() { mutex_.unlock(); }
  void AssertHeld() const ASSERT_CAPABILITY(this) {}

 private:
  std::recursive_mutex mutex_;
};

// A readers-writer mutex (std::shared_mutex): one writer or any number of readers.
class CAPABILITY("shared mutex") SharedMutex {
 public:
  SharedMutex() = default;
  SharedMutex(const SharedMutex&) = delete;
  SharedMutex& operator=(const SharedMutex&) = delete;

  void Lock() ACQUIRE() { mutex_.lock(); }
  void Unlock() RELEASE() { mutex_.unlock(); }
  void ReaderLock() ACQUIRE_SHARED() { mutex_.lock_shared(); }
  void ReaderUnlock() RELEASE_SHARED() { mutex_.unlock_shared(); }
  // As Mutex::AssertHeld: exclusively, or at least shared.
  void AssertHeld() const ASSERT_CAPABILITY(this) {}
  void AssertReaderHeld() const ASSERT_SHARED_CAPABILITY(this) {}

  // BasicLockable (exclusive), for std::condition_variable_any. Prefer WriterMutexLock.
  void lock() ACQUIRE() { mutex_.lock(); }
  void unlock() RELEASE() { mutex_.unlock(); }

 private:
  std::shared_mutex mutex_;
};

// Holds a Mutex from construction to the end of the scope. Unlock() and Lock() let go of it and
// take it again inside the scope; the destructor releases it only if held.
class SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex* mutex) ACQUIRE(mutex) : mutex_(mutex) { mutex_->Lock(); }
  ~MutexLock() RELEASE() {
    if (held_) mutex_->Unlock();
  }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

  void Unlock() RELEASE() {
    mutex_->Unlock();
    held_ = false;
  }
  void Lock() ACQUIRE() {
    mutex_->Lock();
    held_ = true;
  }

 private:
  Mutex* const mutex_;
  bool held_ = true;
};

// Holds a RecursiveMutex for the scope.
class SCOPED_CAPABILITY RecursiveMutexLock {
 public:
  explicit RecursiveMutexLock(RecursiveMutex* mutex) ACQUIRE(mutex) : mutex_(mutex) {
    mutex_->Lock();
  }
  ~RecursiveMutexLock() RELEASE() { mutex_->Unlock(); }
  RecursiveMutexLock(const RecursiveMutexLock&) = delete;
  RecursiveMutexLock& operator=(const RecursiveMutexLock&) = delete;

 private:
  RecursiveMutex* const mutex_;
};

// Holds a SharedMutex exclusively for the scope.
class SCOPED_CAPABILITY WriterMutexLock {
 public:
  explicit WriterMutexLock(SharedMutex* mutex) ACQUIRE(mutex) : mutex_(mutex) { mutex_->Lock(); }
  ~WriterMutexLock() RELEASE() { mutex_->Unlock(); }
  WriterMutexLock(const WriterMutexLock&) = delete;
  WriterMutexLock& operator=(const WriterMutexLock&) = delete;

 private:
  SharedMutex* const mutex_;
};

// Holds a SharedMutex shared (as a reader) for the scope.
class SCOPED_CAPABILITY ReaderMutexLock {
 public:
  explicit ReaderMutexLock(SharedMutex* mutex) ACQUIRE_SHARED(mutex) : mutex_(mutex) {
    mutex_->ReaderLock();
  }
  ~ReaderMutexLock() RELEASE() { mutex_->ReaderUnlock(); }
  ReaderMutexLock(const ReaderMutexLock&) = delete;
  ReaderMutexLock& operator=(const ReaderMutexLock&) = delete;

 private:
  SharedMutex* const mutex_;
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_MUTEX_H_
