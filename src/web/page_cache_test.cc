#include "web/page_cache.h"

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "web/gzip.h"

namespace coolpapers::web {
namespace {

std::shared_ptr<const std::string> Body(size_t size, char fill = 'a') {
  return std::make_shared<const std::string>(size, fill);
}

TEST(PageCache, MissesThenHits) {
  PageCache cache;
  EXPECT_FALSE(cache.Lookup("html|home").has_value());
  const auto body = Body(10);
  cache.Insert("html|home", body, cache.generation());
  const std::optional<CachedPage> page = cache.Lookup("html|home");
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->body, body);  // the same bytes, shared, not copied
  EXPECT_EQ(cache.page_count(), 1u);
}

TEST(PageCache, CompressesInTheBackground) {
  PageCache cache;
  const auto body = Body(50000);
  cache.Insert("html|list", body, cache.generation());
  cache.WaitForCompression();
  const std::optional<CachedPage> page = cache.Lookup("html|list");
  ASSERT_TRUE(page.has_value());
  ASSERT_NE(page->gzip, nullptr);
  EXPECT_LT(page->gzip->size(), body->size() / 10);
  EXPECT_EQ(*page->gzip, GzipCompress(*body).value());
  EXPECT_EQ(cache.size_bytes(), std::string("html|list").size() + body->size() + page->gzip->size());
}

TEST(PageCache, LeavesSmallPagesUncompressed) {
  PageCache cache(PageCacheOptions{.min_gzip_bytes = 1024});
  cache.Insert("small", Body(100), cache.generation());
  cache.WaitForCompression();
  ASSERT_TRUE(cache.Lookup("small").has_value());
  EXPECT_EQ(cache.Lookup("small")->gzip, nullptr);
}

TEST(PageCache, InvalidatesWhenTheStampMoves) {
  PageCache cache;
  cache.Invalidate(7);
  cache.Insert("page", Body(10), cache.generation());
  cache.Invalidate(7);
  EXPECT_TRUE(cache.Lookup("page").has_value());
  cache.Invalidate(8);
  EXPECT_FALSE(cache.Lookup("page").has_value());
  EXPECT_EQ(cache.size_bytes(), 0u);
}

TEST(PageCache, DropsAPageRenderedBeforeAnInvalidation) {
  PageCache cache;
  cache.Invalidate(1);
  const uint64_t generation = cache.generation();  // a render starts...
  cache.Invalidate(2);                             // ...an import lands meanwhile
  cache.Insert("page", Body(10), generation);      // the stale render must not stay
  EXPECT_FALSE(cache.Lookup("page").has_value());
  cache.Insert("page", Body(10), cache.generation());
  EXPECT_TRUE(cache.Lookup("page").has_value());
}

TEST(PageCache, ReplacingAPageDropsItsOldGzip) {
  PageCache cache;
  cache.Insert("page", Body(5000, 'a'), cache.generation());
  cache.WaitForCompression();
  const auto fresh = Body(5000, 'b');
  cache.Insert("page", fresh, cache.generation());
  EXPECT_EQ(cache.Lookup("page")->body, fresh);
  cache.WaitForCompression();
  EXPECT_EQ(*cache.Lookup("page")->gzip, GzipCompress(*fresh).value());
}

TEST(PageCache, EvictsTheLeastRecentlyUsedWhenFull) {
  PageCache cache(PageCacheOptions{.max_bytes = 4000, .min_gzip_bytes = 1 << 30});
  cache.Insert("a", Body(900), cache.generation());
  cache.Insert("b", Body(900), cache.generation());
  cache.Insert("c", Body(900), cache.generation());
  ASSERT_TRUE(cache.Lookup("a").has_value());  // a is now more recent than b and c
  cache.Insert("d", Body(900), cache.generation());
  cache.Insert("e", Body(900), cache.generation());  // 4505 bytes: over the limit
  EXPECT_LE(cache.size_bytes(), 3000u);
  EXPECT_TRUE(cache.Lookup("a").has_value());
  EXPECT_TRUE(cache.Lookup("e").has_value());
  EXPECT_FALSE(cache.Lookup("b").has_value());
  EXPECT_FALSE(cache.Lookup("c").has_value());
}

TEST(PageCache, RefusesPagesLargerThanAQuarterOfItself) {
  PageCache cache(PageCacheOptions{.max_bytes = 4000});
  cache.Insert("huge", Body(1500), cache.generation());
  EXPECT_FALSE(cache.Lookup("huge").has_value());
}

}  // namespace
}  // namespace coolpapers::web
