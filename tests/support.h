// Helpers shared by the unit tests.
#pragma once

#include <unistd.h>

#include <atomic>
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

/// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("vnie-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `name` (a path relative to the directory, parents created).
  std::filesystem::path write(const std::string& name, const std::string& content) const {
    std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p;
  }

 private:
  std::filesystem::path path_;
};

/// A temporary rule directory (with its lists/ folder), removed at the end of the test.
class TempRules {
 public:
  TempRules() { std::filesystem::create_directories(dir_.path() / "lists"); }
  TempRules& file(const std::string& rel, const std::string& content) {
    dir_.write(rel, content);
    return *this;
  }
  std::string path() const { return dir_.path().string(); }
  std::string file_path(const std::string& rel) const { return (dir_.path() / rel).string(); }

 private:
  TempDir dir_;
};

}  // namespace vnie_test
