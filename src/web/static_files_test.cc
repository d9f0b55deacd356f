#include "web/static_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <zlib.h>

namespace coolpapers::web {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// The gzip member inflated, or "" when it is not valid gzip.
std::string Gunzip(const std::string& data) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return {};
  std::string out;
  char buffer[16384];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  return status == Z_STREAM_END ? out : std::string();
}

TEST(StaticFiles, EmbedsTheMainScriptAndStyleUnderHashedNames) {
  const StaticAsset* script = FindStaticAsset(MainScriptName());
  const StaticAsset* style = FindStaticAsset(MainStyleName());
  ASSERT_NE(script, nullptr) << MainScriptName();
  ASSERT_NE(style, nullptr) << MainStyleName();
  EXPECT_THAT(std::string(script->name), testing::MatchesRegex(R"(main-[A-Za-z0-9]+\.js)"));
  EXPECT_THAT(std::string(style->name), testing::MatchesRegex(R"(main-[A-Za-z0-9]+\.css)"));
  EXPECT_THAT(std::string(script->content_type), StartsWith("text/javascript"));
  EXPECT_THAT(std::string(style->content_type), StartsWith("text/css"));
  EXPECT_FALSE(script->body.empty());
  EXPECT_FALSE(script->gzip.empty());
}

TEST(StaticFiles, KeepsTheTableSortedForLookup) {
  const auto assets = EmbeddedAssets();
  EXPECT_TRUE(std::is_sorted(assets.begin(), assets.end(),
                             [](const StaticAsset& a, const StaticAsset& b) { return a.name < b.name; }));
  for (const StaticAsset& asset : assets) EXPECT_EQ(FindStaticAsset(asset.name), &asset);
}

TEST(StaticFiles, ShipsThePdfWorkerAndKatexOutsideTheMainScript) {
  bool worker = false;
  bool katex_css = false;
  for (const StaticAsset& asset : EmbeddedAssets()) {
    worker |= asset.name.starts_with("pdf_worker-");
    katex_css |= asset.name.starts_with("katex-") && asset.name.ends_with(".css");
  }
  EXPECT_TRUE(worker);
  EXPECT_TRUE(katex_css);
  EXPECT_LT(FindStaticAsset(MainScriptName())->gzip.size(), 30u * 1024) << "the main bundle grew";
}

TEST(StaticFiles, AnswersGzipWhenAcceptedAndMarksImmutable) {
  const std::string target = "/assets/" + std::string(MainScriptName()) + "?v=2";
  ASSERT_TRUE(IsAssetTarget(target));
  const Response gzipped = StaticAssetResponse(target, /*accepts_gzip=*/true);
  EXPECT_EQ(gzipped.status, 200);
  EXPECT_TRUE(gzipped.gzipped);
  EXPECT_EQ(gzipped.Header("Cache-Control"), "public, max-age=31536000, immutable");
  const Response plain = StaticAssetResponse(target, /*accepts_gzip=*/false);
  EXPECT_FALSE(plain.gzipped);
  EXPECT_EQ(*plain.body, std::string(FindStaticAsset(MainScriptName())->body));
  EXPECT_EQ(Gunzip(*gzipped.body), *plain.body);
}

TEST(StaticFiles, AnswersNotFoundForUnknownNames) {
  EXPECT_FALSE(IsAssetTarget("/arxiv/cs.CL"));
  for (const char* target : {"/assets/main.js", "/assets/", "/assets/../site.cc"}) {
    const Response response = StaticAssetResponse(target, true);
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_FALSE(response.gzipped);
    EXPECT_THAT(*response.body, HasSubstr("no asset"));
  }
}

}  // namespace
}  // namespace coolpapers::web
