// Locking rules the compiler checks: Clang's thread-safety attributes, as leveldb and abseil use
// them. Under clang they expand to the attributes (checked with -Wthread-safety; CTest's
// thread_safety_check runs clang-16 over src/); under any other compiler they expand to nothing.
//
//   Mutex mutex_;
//   int count_ GUARDED_BY(mutex_) = 0;  // touched only with mutex_ held
//   void Bump() REQUIRES(mutex_);       // callers hold mutex_
//   void Flush() EXCLUDES(mutex_);      // takes mutex_ itself
//
// https://clang.llvm.org/docs/ThreadSafetyAnalysis.html describes each attribute.
#ifndef COOLPAPERS_CORE_THREAD_ANNOTATIONS_H_
#define COOLPAPERS_CORE_THREAD_ANNOTATIONS_H_

#if defined(__clang__)
#define COOLPAPERS_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define COOLPAPERS_THREAD_ANNOTATION(x)
#endif

// On a class: its objects are capabilities (mutexes); `x` names the kind in messages.
#define CAPABILITY(x) COOLPAPERS_THREAD_ANNOTATION(capability(x))
// On a class: an RAII object that holds a capability for its lifetime.
#define SCOPED_CAPABILITY COOLPAPERS_THREAD_ANNOTATION(scoped_lockable)

// On a data member: read or written only with the capability held (written: held exclusively).
#define GUARDED_BY(x) COOLPAPERS_THREAD_ANNOTATION(guarded_by(x))
// On a pointer member: what it points to is guarded by the capability.
#define PT_GUARDED_BY(x) COOLPAPERS_THREAD_ANNOTATION(pt_guarded_by(x))

// On a capability member: the order in which two capabilities may be taken.
#define ACQUIRED_BEFORE(...) COOLPAPERS_THREAD_ANNOTATION(acquired_before(__VA_ARGS__))
#define ACQUIRED_AFTER(...) COOLPAPERS_THREAD_ANNOTATION(acquired_after(__VA_ARGS__))

// On a function: callers hold the capabilities (exclusively, or at least shared).
#define REQUIRES(...) COOLPAPERS_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define REQUIRES_SHARED(...) COOLPAPERS_THREAD_ANNOTATION(requires_shared_capability(__VA_ARGS__))
// On a function: it takes the capabilities and returns holding them.
#define ACQUIRE(...) COOLPAPERS_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define ACQUIRE_SHARED(...) COOLPAPERS_THREAD_ANNOTATION(acquire_shared_capability(__VA_ARGS__))
// On a function: it releases capabilities its caller held.
#define RELEASE(...) COOLPAPERS_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define RELEASE_SHARED(...) COOLPAPERS_THREAD_ANNOTATION(release_shared_capability(__VA_ARGS__))
#define RELEASE_GENERIC(...) COOLPAPERS_THREAD_ANNOTATION(release_generic_capability(__VA_ARGS__))
// On a function: it tries to take the capability; the first argument is its success value.
#define TRY_ACQUIRE(...) COOLPAPERS_THREAD_ANNOTATION(try_acquire_capability(__VA_ARGS__))
// On a function: callers must not hold the capabilities (it takes them itself).
#define EXCLUDES(...) COOLPAPERS_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
// On a function: the capability is held when it returns (the analysis takes it on trust).
#define ASSERT_CAPABILITY(x) COOLPAPERS_THREAD_ANNOTATION(assert_capability(x))
#define ASSERT_SHARED_CAPABILITY(x) COOLPAPERS_THREAD_ANNOTATION(assert_shared_capability(x))
// On a function: it returns a reference to the capability.
#define RETURN_CAPABILITY(x) COOLPAPERS_THREAD_ANNOTATION(lock_returned(x))

// On a function: the analysis skips its body. Each use says why in a comment.
#define NO_THREAD_SAFETY_ANALYSIS COOLPAPERS_THREAD_ANNOTATION(no_thread_safety_analysis)

#endif  // COOLPAPERS_CORE_THREAD_ANNOTATIONS_H_
