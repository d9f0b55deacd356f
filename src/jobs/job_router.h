// Which handler runs a job. serve runs one worker pool per kind of job (arxiv, pdf, llm), and
// within a kind the job's key names the service that owns it: llm jobs keyed "translate:..."
// are translations, the rest of the llm jobs are FAQ generations. The router is that table.
#ifndef COOLPAPERS_JOBS_JOB_ROUTER_H_
#define COOLPAPERS_JOBS_JOB_ROUTER_H_

#include <string>
#include <vector>

#include "jobs/worker_pool.h"

namespace coolpapers::jobs {

class JobRouter {
 public:
  // Jobs whose key starts with `key_prefix` run `handler`; "" takes every key. The longest
  // matching prefix wins, whatever the order routes were added in.
  void Route(std::string key_prefix, JobHandler handler);

  // Jobs whose key starts with `key_prefix` fail for good with `reason` (a service this
  // instance does not run any more, e.g. translations turned off after jobs were queued).
  void Refuse(std::string key_prefix, std::string reason);

  // The handler a worker pool runs: the route's handler, or a failure naming the job's key
  // when no route takes it. A copy of the routes: later Route calls do not change it.
  // Thread-safe when the routes' handlers are.
  JobHandler Handler() const;

 private:
  struct Entry {
    std::string key_prefix;
    JobHandler handler;
  };
  std::vector<Entry> routes_;  // longest prefix first
};

}  // namespace coolpapers::jobs

#endif  // COOLPAPERS_JOBS_JOB_ROUTER_H_
