// What a language model has been asked and has spent since the process started: calls, failed
// calls and tokens (as the model server reports them in its stream's usage chunk; servers that
// send none count calls only). Written by the metered client (llm/metered_llm_client.h), read
// by /metrics. Lock-free; safe from any thread.
#ifndef COOLPAPERS_CORE_MODEL_USAGE_H_
#define COOLPAPERS_CORE_MODEL_USAGE_H_

#include <atomic>
#include <cstdint>

namespace coolpapers {

struct ModelUsage {
  std::atomic<int64_t> calls{0};
  std::atomic<int64_t> failures{0};
  std::atomic<int64_t> prompt_tokens{0};
  std::atomic<int64_t> completion_tokens{0};
};

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_MODEL_USAGE_H_
