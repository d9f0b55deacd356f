#include "web/static_files.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>

namespace coolpapers::web {
namespace {

constexpr std::string_view kAssetPrefix = "/assets/";

// Response bodies are shared strings; each file is copied into one on first use of the table
// and then shared by every answer, so a request never copies the bytes.
struct SharedAsset {
  std::shared_ptr<const std::string> body;
  std::shared_ptr<const std::string> gzip;  // null when the asset has no gzip twin
};

const std::map<std::string_view, SharedAsset>& SharedAssets() {
  static const auto* const shared = [] {
    auto* map = new std::map<std::string_view, SharedAsset>();
    for (const StaticAsset& asset : EmbeddedAssets()) {
      SharedAsset entry{std::make_shared<const std::string>(asset.body), nullptr};
      if (!asset.gzip.empty()) entry.gzip = std::make_shared<const std::string>(asset.gzip);
      map->emplace(asset.name, std::move(entry));
    }
    return map;
  }();
  return *shared;
}

}  // namespace

const StaticAsset* FindStaticAsset(std::string_view name) {
  const std::span<const StaticAsset> assets = EmbeddedAssets();
  const auto it = std::lower_bound(assets.begin(), assets.end(), name,
                                   [](const StaticAsset& a, std::string_view n) { return a.name < n; });
  if (it == assets.end() || it->name != name) return nullptr;
  return &*it;
}

bool IsAssetTarget(std::string_view target) { return target.starts_with(kAssetPrefix); }

Response StaticAssetResponse(std::string_view target, bool accepts_gzip) {
  std::string_view name = target.substr(0, target.find('?'));
  if (name.starts_with(kAssetPrefix)) name.remove_prefix(kAssetPrefix.size());
  const StaticAsset* asset = FindStaticAsset(name);
  Response response;
  if (asset == nullptr) {
    response.status = 404;
    response.content_type = kTextType;
    response.body = std::make_shared<const std::string>(
        "no asset \"" + std::string(name) + "\": expected a file name this build embeds\n");
    response.headers.emplace_back("Cache-Control", "max-age=60");
    return response;
  }
  const SharedAsset& shared = SharedAssets().at(asset->name);
  response.content_type = asset->content_type;
  if (accepts_gzip && shared.gzip) {
    response.body = shared.gzip;
    response.gzipped = true;
  } else {
    response.body = shared.body;
  }
  response.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  if (shared.gzip) response.headers.emplace_back("Vary", "Accept-Encoding");
  return response;
}

}  // namespace coolpapers::web
