// Background work yields the CPU to readers (issue #18's strangers benchmark: on a machine of
// two cores, searches, model jobs and stream bookkeeping made a cached page wait). On Linux a
// thread has a nice value of its own; the threads doing work nobody waits on at that moment
// (the server's workers, the job pools, the FAQ's follower) run a few steps nicer than the
// threads that answer readers.
#ifndef COOLPAPERS_CORE_THREAD_PRIORITY_H_
#define COOLPAPERS_CORE_THREAD_PRIORITY_H_

namespace coolpapers {

// How many steps nicer background threads run: the kernel then gives a reader's thread about
// three times their share of a busy CPU.
inline constexpr int kBackgroundNice = 5;

// Makes the calling thread `steps` nicer than it is now (at most 19). Best effort: when the
// system refuses, the thread stays as it is. <= 0: nothing.
void LowerThisThreadsPriority(int steps = kBackgroundNice);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_THREAD_PRIORITY_H_
