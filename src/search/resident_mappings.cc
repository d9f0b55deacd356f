#include "search/resident_mappings.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <system_error>
#include <thread>

namespace coolpapers::search {
namespace {

// The pages of files mapped into the process that count in its resident memory, in bytes
// (/proc/self/statm: resident pages backed by files or shared); 0 when it cannot be read.
std::uint64_t ResidentFileBytes() {
  std::FILE* statm = std::fopen("/proc/self/statm", "re");
  if (statm == nullptr) return 0;
  unsigned long long size = 0;
  unsigned long long resident = 0;
  unsigned long long shared = 0;
  const int read = std::fscanf(statm, "%llu %llu %llu", &size, &resident, &shared);
  std::fclose(statm);
  return read == 3 ? shared * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)) : 0;
}

}  // namespace

ResidentMappings& ResidentMappings::Process() {
  static ResidentMappings* const process = new ResidentMappings;
  return *process;
}

ResidentMappings::ResidentMappings() : resident_at_release_(ResidentFileBytes()) {}

std::uint64_t ResidentMappings::Add(const void* data, std::size_t size,
                                    std::size_t most_resident) {
  MutexLock lock(&mutex_);
  most_resident_ += most_resident;
  mappings_.emplace(next_id_, Mapping{data, size, most_resident});
  return next_id_++;
}

void ResidentMappings::Remove(std::uint64_t id) {
  MutexLock lock(&mutex_);
  const auto found = mappings_.find(id);
  if (found == mappings_.end()) return;
  most_resident_ -= found->second.most_resident;
  mappings_.erase(found);
}

void ResidentMappings::Look() {
  const std::uint64_t resident = ResidentFileBytes();
  {
    MutexLock lock(&mutex_);
    if (releasing_ || resident <= resident_at_release_ + most_resident_) return;
    releasing_ = true;
  }
  try {
    std::thread([this] { Release(); }).detach();
  } catch (const std::system_error&) {
    Release();  // no thread to spare: this caller lets them go
  }
}

void ResidentMappings::Release() {
  {
    MutexLock lock(&mutex_);  // a mapping is not unmapped while its pages are let go
    for (const auto& [id, mapping] : mappings_) {
      if (mapping.size > 0) {
        ::madvise(const_cast<void*>(mapping.data), mapping.size, MADV_DONTNEED);
      }
    }
  }
  const std::uint64_t resident = ResidentFileBytes();
  MutexLock lock(&mutex_);
  resident_at_release_ = resident;
  releasing_ = false;
  ++releases_;
}

std::int64_t ResidentMappings::releases() const {
  MutexLock lock(&mutex_);
  return releases_;
}

std::size_t ResidentMappings::most_resident() const {
  MutexLock lock(&mutex_);
  return most_resident_;
}

}  // namespace coolpapers::search
