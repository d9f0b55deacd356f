// Unsigned numbers as varints (seven bits a byte, the lowest first, the top bit saying "more"):
// how the block bounds and the word tiers write their numbers. Internal to src/search.
#ifndef COOLPAPERS_SEARCH_VARINT_H_
#define COOLPAPERS_SEARCH_VARINT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coolpapers::search {

inline void PutVarint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

// The number at the front of `in`, which it leaves after it; nullopt when `in` ends first.
inline std::optional<std::uint64_t> TakeVarint(std::string_view& in) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  return std::nullopt;
}

}  // namespace coolpapers::search

#endif  // COOLPAPERS_SEARCH_VARINT_H_
