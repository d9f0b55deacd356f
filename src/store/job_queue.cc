#include "store/job_queue.h"

#include <array>
#include <cassert>

namespace coolpapers::store {
namespace {

// Indexed by the enumerator's value, which is also what the `jobs` table stores.
constexpr std::array<std::string_view, 3> kKindNames = {"arxiv", "pdf", "llm"};
constexpr std::array<std::string_view, 3> kPriorityNames = {"admin", "today", "history"};
constexpr std::array<std::string_view, 4> kStateNames = {"queued", "running", "done", "failed"};

template <class Enum, size_t N>
std::string_view NameOf(const std::array<std::string_view, N>& names, Enum value) {
  const auto index = static_cast<size_t>(value);
  assert(index < N && "not an enumerator");
  return names[index];
}

template <class Enum, size_t N>
std::optional<Enum> ParseName(const std::array<std::string_view, N>& names,
                              std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view JobKindName(JobKind kind) { return NameOf(kKindNames, kind); }

std::optional<JobKind> ParseJobKind(std::string_view name) {
  return ParseName<JobKind>(kKindNames, name);
}

std::string_view JobPriorityName(JobPriority priority) {
  return NameOf(kPriorityNames, priority);
}

std::string_view JobStateName(JobState state) {
  return NameOf(kStateNames, state);
}

std::optional<JobState> ParseJobState(std::string_view name) {
  return ParseName<JobState>(kStateNames, name);
}

}  // namespace coolpapers::store
