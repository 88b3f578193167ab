// libFuzzer harness: arbitrary bytes as a rule directory.
//
// The input is a rule file, optionally followed by word lists: a line
// "%%NAME" (NAME of [a-z0-9_]) starts lists/NAME.txt, which runs to the next
// such line. The rule text is parsed in memory (detail::parse_rule_file),
// then the directory is written to a private temporary directory and loaded
// with check_rules() (parse, macros, lists, RE2 compilation, the rules' own
// examples); when it loads, an Extractor built from it runs over a sentence
// and the input itself. Every failure must be a Status with a message (and,
// for rule errors, the file) — never a crash, never ErrorCode::internal.
//
// Bounded work: RE2 compiles each pattern under the loader's 64 MiB
// max_mem, but macro expansion is not bounded by the loader, so inputs whose
// macros and lists could expand past kMaxExpanded bytes are skipped (an
// over-estimate computed here, see expansion_bound()).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "rules/rule_file.h"
#include "vnie/extractor.h"

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxExpanded = std::size_t{1} << 20;

struct Input {
  std::string rules;
  std::map<std::string, std::string> lists;
};

bool list_name(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

Input split(std::string_view data) {
  Input in;
  std::string* current = &in.rules;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t nl = data.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? data.size() : nl + 1;
    std::string_view line = data.substr(pos, end - pos);
    std::string_view bare = line;
    while (!bare.empty() && (bare.back() == '\n' || bare.back() == '\r')) bare.remove_suffix(1);
    if (bare.size() > 2 && bare.substr(0, 2) == "%%" && list_name(bare.substr(2))) {
      current = &in.lists[std::string(bare.substr(2))];
    } else {
      current->append(line);
    }
    pos = end;
  }
  return in;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// Every "{{NAME}}" in `s`.
std::vector<std::string> references(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while ((i = s.find("{{", i)) != std::string_view::npos) {
    const std::size_t close = s.find("}}", i + 2);
    if (close == std::string_view::npos) break;
    out.emplace_back(s.substr(i + 2, close - i - 2));
    i += 2;  // overlapping "{{{{" counted generously
  }
  return out;
}

/// An upper bound of the bytes all patterns expand to: every reference found
/// (in the text as written, and with blanks and comment lines removed, as a
/// multi-line pattern is joined) costs the full expansion of its macro.
std::size_t expansion_bound(const Input& in) {
  std::map<std::string, std::string> bodies;  // the longest definition of each name
  std::string joined;
  std::size_t pos = 0;
  const std::string& t = in.rules;
  while (pos <= t.size()) {
    std::size_t nl = t.find('\n', pos);
    if (nl == std::string::npos) nl = t.size();
    const std::string_view line = trim(std::string_view(t).substr(pos, nl - pos));
    if (line.substr(0, 6) == "macro " || line.substr(0, 6) == "macro\t") {
      const std::size_t eq = line.find('=');
      if (eq != std::string_view::npos) {
        const std::string name(trim(line.substr(6, eq - 6)));
        const std::string body(trim(line.substr(eq + 1)));
        if (body.size() > bodies[name].size()) bodies[name] = body;
      }
    }
    if (line.empty() || line.front() != '#') joined.append(line);
    pos = nl + 1;
  }
  std::map<std::string, std::size_t> memo;
  std::set<std::string> active;
  auto cost = [&](auto&& self, const std::string& name) -> std::size_t {
    if (name.rfind("list:", 0) == 0) {
      auto it = in.lists.find(name.substr(5));
      return it == in.lists.end() ? 0 : 2 * it->second.size() + 8;
    }
    auto b = bodies.find(name);
    if (b == bodies.end() || active.count(name)) return 0;
    if (auto m = memo.find(name); m != memo.end()) return m->second;
    active.insert(name);
    std::size_t total = b->second.size() + 8;
    for (const auto& r : references(b->second)) {
      total += self(self, r);
      if (total > kMaxExpanded) break;
    }
    active.erase(name);
    memo[name] = total;
    return total;
  };
  std::size_t total = t.size();
  for (const std::string_view s : {std::string_view(t), std::string_view(joined)}) {
    for (const auto& r : references(s)) {
      total += cost(cost, r);
      if (total > kMaxExpanded) return total;
    }
  }
  return total;
}

const fs::path& temp_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("vnie-fuzz-rules-" + std::to_string(::getpid()));
    fs::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(temp_dir(), ec);
    });
    return d;
  }();
  return dir;
}

void write(const fs::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << content;
}

std::size_t count_lines(const std::string& s) {
  std::size_t n = 1;
  for (char c : s) n += c == '\n';
  return n;
}

void check_error(const vnie::Status& s, const Input& in, const fs::path& dir) {
  FUZZ_CHECK(!s.message.empty());
  FUZZ_CHECK(s.code != vnie::ErrorCode::internal);
  FUZZ_CHECK(s.code != vnie::ErrorCode::invalid_utf8);
  if (s.code == vnie::ErrorCode::rule_syntax || s.code == vnie::ErrorCode::rule_compile ||
      s.code == vnie::ErrorCode::rule_reference) {
    FUZZ_CHECK(!s.file.empty());
    FUZZ_CHECK(s.file.rfind(dir.string(), 0) == 0);
    const std::string rel = s.file.substr(dir.string().size() + 1);
    const std::string* content = &in.rules;
    if (rel.rfind("lists/", 0) == 0) {
      auto it = in.lists.find(rel.substr(6, rel.size() - 6 - 4));
      FUZZ_CHECK(it != in.lists.end());
      content = &it->second;
    }
    FUZZ_CHECK(s.line <= count_lines(*content), s.line, count_lines(*content));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Input in = split(std::string_view(reinterpret_cast<const char*>(data), size));
  if (expansion_bound(in) > kMaxExpanded) return 0;

  // In memory: the parser alone.
  {
    vnie::detail::SourceFile f{"<fuzz>/x.rules", "x.rules", in.rules};
    vnie::detail::RuleFile parsed;
    const vnie::Status s = vnie::detail::parse_rule_file(f, &parsed);
    if (!s.ok()) {
      FUZZ_CHECK(!s.message.empty());
      FUZZ_CHECK(s.file == "<fuzz>/x.rules");
      FUZZ_CHECK(s.line <= count_lines(in.rules), s.line);
    }
  }

  // On disk: the whole load, examples included.
  const fs::path& dir = temp_dir();
  std::error_code ec;
  fs::remove_all(dir / "lists", ec);
  fs::create_directories(dir / "lists");
  write(dir / "x.rules", in.rules);
  for (const auto& [name, content] : in.lists) write(dir / "lists" / (name + ".txt"), content);

  std::vector<vnie::RuleInfo> infos;
  const vnie::Status s = vnie::check_rules({dir.string()}, false, &infos);
  if (!s.ok()) {
    check_error(s, in, dir);
    return 0;
  }
  vnie::Options opt;
  opt.use_default_rules = false;
  opt.rule_dirs = {dir.string()};
  std::unique_ptr<vnie::Extractor> ex;
  const vnie::Status c = vnie::Extractor::create(opt, &ex);
  if (!c.ok()) {  // check_rules passed, so only the prefilter could refuse
    check_error(c, in, dir);
    return 0;
  }
  FUZZ_CHECK(ex != nullptr);
  vnie::Document doc;
  const std::string sample =
      "Ngày 12/3/2020, Công đoàn tỉnh tặng 25 suất quà, mỗi suất 500.000 đồng. " +
      in.rules.substr(0, 512);
  FUZZ_CHECK(ex->extract(sample, {}, &doc).ok());
  for (const auto& m : doc.mentions) {
    FUZZ_CHECK(m.start <= m.end && m.end <= sample.size(), m.start, m.end);
    FUZZ_CHECK(sample.substr(m.start, m.end - m.start) == m.text, m.start, m.end);
  }
  return 0;
}
