// Helpers shared by the unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace vnie_test {

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::filesystem::path source_dir() { return VNIE_SOURCE_DIR; }
inline std::filesystem::path shared_dir() { return VNIE_SHARED_DIR; }
inline bool have_shared() { return std::filesystem::exists(shared_dir() / "README.md"); }

}  // namespace vnie_test
