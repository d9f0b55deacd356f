#include "tests/support/python_check.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace coolpapers::testing {

std::string RunPythonCheck(const std::string& script, const std::string& input,
                           const std::filesystem::path& dir) {
  const std::filesystem::path file = dir / "python_check_input.txt";
  std::ofstream(file, std::ios::binary) << input;
  const std::string command = "timeout 60 /usr/bin/python3 " + script + " < " + file.string();
  std::FILE* pipe = popen(command.c_str(), "r");
  EXPECT_NE(pipe, nullptr) << command;
  if (pipe == nullptr) return {};
  std::string output;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  EXPECT_EQ(pclose(pipe), 0) << script << " said:\n" << output << "\n--- on:\n" << input;
  return output;
}

}  // namespace coolpapers::testing
