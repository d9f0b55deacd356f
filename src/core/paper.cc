#include "core/paper.h"

namespace coolpapers {

std::string_view AnnounceTypeName(AnnounceType type) {
  switch (type) {
    case AnnounceType::kNew:
      return "new";
    case AnnounceType::kCross:
      return "cross";
    case AnnounceType::kReplace:
      return "replace";
  }
  return "new";
}

}  // namespace coolpapers
