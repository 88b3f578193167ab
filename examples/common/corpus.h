// Shared by the example programs: read the *.txt articles of a directory and
// run one Extractor over them. Only the public vnie API is used.
#pragma once

#include <vnie/vnie.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace examples {

struct Article {
  std::string path, text;
  vnie::Document doc;
};

/// Extracts every *.txt file under `dir` (sorted by name). Prints a message
/// and returns false on an error.
inline bool extract_dir(const std::string& dir, std::vector<Article>* out) {
  std::unique_ptr<vnie::Extractor> ex;
  vnie::Status st = vnie::Extractor::create(vnie::Options{}, &ex);
  if (!st.ok()) {
    std::cerr << "cannot load rules: " << st.to_string() << "\n";
    return false;
  }
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  if (ec) {
    std::cerr << dir << ": " << ec.message() << "\n";
    return false;
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    Article a{f.filename().string(), ss.str(), {}};
    st = ex->extract(a.text, vnie::DocumentInfo{a.path, std::nullopt}, &a.doc);
    if (!st.ok()) {
      std::cerr << f.string() << ": " << st.to_string() << "\n";
      return false;
    }
    out->push_back(std::move(a));
  }
  return true;
}

/// "2024-01-05", "????-12-23", "2020" … for a possibly partial date.
inline std::string date_text(const std::optional<vnie::DateValue>& d) {
  if (!d) return "-";
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  std::string s = d->year ? std::to_string(*d->year) : "????";
  if (d->month) s += "-" + two(*d->month);
  if (d->month && d->day) s += "-" + two(*d->day);
  return s;
}

}  // namespace examples
