// The store a benchmark reads: `--store URL` (sqlite:PATH or postgresql://..., as the CLI's
// --store) when given, else DATA/coolpapers.sqlite, so scripts/bench*.sh can run on either
// backend (COOLPAPERS_BENCH_STORE).
#ifndef COOLPAPERS_BENCH_BENCH_STORE_H_
#define COOLPAPERS_BENCH_BENCH_STORE_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "store/store.h"
#include "store/store_location.h"

namespace coolpapers::bench {

inline Result<std::unique_ptr<store::Store>> OpenBenchStore(const std::string& url,
                                                            const std::string& data_dir) {
  Result<store::StoreLocation> location =
      url.empty() ? Result<store::StoreLocation>(store::SqliteLocation(data_dir + "/coolpapers.sqlite"))
                  : store::ParseStoreLocation(url);
  if (!location) return std::unexpected(location.error());
  return store::OpenStoreAt(*location);
}

}  // namespace coolpapers::bench

#endif  // COOLPAPERS_BENCH_BENCH_STORE_H_
