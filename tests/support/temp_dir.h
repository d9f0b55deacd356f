// A fresh directory under the system temp folder, removed with everything in it when the
// TempDir goes out of scope.
#ifndef COOLPAPERS_TESTS_SUPPORT_TEMP_DIR_H_
#define COOLPAPERS_TESTS_SUPPORT_TEMP_DIR_H_

#include <filesystem>

namespace coolpapers::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace coolpapers::testing

#endif  // COOLPAPERS_TESTS_SUPPORT_TEMP_DIR_H_
