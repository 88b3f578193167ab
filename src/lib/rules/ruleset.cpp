#include "rules/ruleset.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

#include "rules/embedded.h"
#include "text/unicode.h"

namespace vnie::detail {
namespace {

namespace fs = std::filesystem;

Status error_at(ErrorCode code, const std::string& file, std::size_t line, std::string msg) {
  Status s = Status::error(code, std::move(msg));
  s.file = file;
  s.line = line;
  return s;
}

bool is_rule_file(const std::string& rel) { return rel.ends_with(".rules"); }
bool is_list_file(const std::string& rel) {
  return rel.starts_with("lists/") && rel.ends_with(".txt");
}

/// The files of one rule directory, sorted by relative path.
Status read_dir(const std::string& dir, std::vector<SourceFile>* out) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return error_at(ErrorCode::io_error, dir, 0, "not a readable rule directory");
  }
  std::vector<std::pair<std::string, fs::path>> found;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string rel = fs::relative(it->path(), dir, ec).generic_string();
    if (is_rule_file(rel) || is_list_file(rel)) found.emplace_back(rel, it->path());
  }
  if (ec) return error_at(ErrorCode::io_error, dir, 0, "cannot list directory: " + ec.message());
  std::sort(found.begin(), found.end());
  for (const auto& [rel, path] : found) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in.good() && !in.eof()) {
      return error_at(ErrorCode::io_error, path.string(), 0, "cannot read file");
    }
    out->push_back(SourceFile{path.string(), rel, ss.str()});
  }
  return {};
}

void embedded_files(std::vector<SourceFile>* out) {
  for (const auto& f : embedded_rule_files()) {
    out->push_back(SourceFile{std::string("<embedded>/") + f.path, f.path,
                              std::string(f.data, f.size)});
  }
}

/// Expands {{NAME}} and {{list:NAME}} references, recursively.
class Expander {
 public:
  Expander(const std::map<std::string, MacroSpec>& macros, const Lexicon& lexicon)
      : macros_(macros), lexicon_(lexicon) {}

  /// Expands `pattern`; on error fills `err` (message only).
  bool expand(const std::string& pattern, bool folded, std::string* out, std::string* err) {
    std::vector<std::string> stack;
    return expand_into(pattern, folded, out, err, &stack);
  }

 private:
  /// The largest expanded pattern accepted: the default rules' largest is
  /// under 100 KB; macros that double each other would otherwise build
  /// patterns of gigabytes from a rule file of a kilobyte.
  static constexpr std::size_t kMaxExpanded = std::size_t{4} << 20;

  bool expand_into(const std::string& p, bool folded, std::string* out, std::string* err,
                   std::vector<std::string>* stack) {
    std::size_t i = 0;
    while (i < p.size()) {
      if (out->size() > kMaxExpanded) {
        *err = "the pattern expands to more than 4 MiB (macros and lists)";
        return false;
      }
      const auto open = p.find("{{", i);
      if (open == std::string::npos) {
        out->append(p, i, std::string::npos);
        break;
      }
      const auto close = p.find("}}", open + 2);
      if (close == std::string::npos) {
        *err = "'{{' without '}}'";
        return false;
      }
      out->append(p, i, open - i);
      const std::string name = p.substr(open + 2, close - open - 2);
      i = close + 2;
      if (name.starts_with("list:")) {
        const std::string list = name.substr(5);
        if (!lexicon_.has(list)) {
          *err = "unknown list '" + list + "' (no lists/" + list + ".txt)";
          return false;
        }
        out->append("(?:");
        bool first = true;
        for (const auto& form : lexicon_.forms(list, folded)) {
          if (!first) out->push_back('|');
          first = false;
          out->append(RE2::QuoteMeta(form));
        }
        out->append(")");
        continue;
      }
      auto it = macros_.find(name);
      if (it == macros_.end()) {
        *err = "unknown macro '{{" + name + "}}'";
        return false;
      }
      if (std::find(stack->begin(), stack->end(), name) != stack->end()) {
        std::string cycle;
        for (const auto& s : *stack) cycle += s + " → ";
        *err = "macro cycle: " + cycle + name;
        return false;
      }
      stack->push_back(name);
      out->append("(?:");
      if (!expand_into(it->second.pattern, folded, out, err, stack)) return false;
      out->append(")");
      stack->pop_back();
    }
    if (out->size() > kMaxExpanded) {
      *err = "the pattern expands to more than 4 MiB (macros and lists)";
      return false;
    }
    return true;
  }

  const std::map<std::string, MacroSpec>& macros_;
  const Lexicon& lexicon_;
};

}  // namespace

Status load_rules(const std::vector<std::string>& dirs, bool with_defaults,
                  const Normalizer& /*normalizer: the lexicon holds it*/, RuleSet* out) {
  std::vector<std::vector<SourceFile>> layers;
  if (with_defaults) {
    layers.emplace_back();
    embedded_files(&layers.back());
  }
  for (const auto& dir : dirs) {
    layers.emplace_back();
    Status s = read_dir(dir, &layers.back());
    if (!s.ok()) return s;
  }

  std::map<std::string, MacroSpec> macros;
  std::vector<std::pair<RuleSpec, std::optional<DateValue>>> specs;
  std::map<std::string, std::size_t> index_of;  // rule id → position in specs
  for (const auto& files : layers) {
    std::map<std::string, const RuleSpec*> ids_here;
    std::set<std::string> macros_here;
    std::vector<RuleFile> parsed(files.size());
    for (std::size_t f = 0; f < files.size(); ++f) {
      if (is_list_file(files[f].relpath)) {
        Status s = out->lexicon.add_file(files[f]);
        if (!s.ok()) return s;
        continue;
      }
      Status s = parse_rule_file(files[f], &parsed[f]);
      if (!s.ok()) return s;
      for (auto& m : parsed[f].macros) {
        if (!macros_here.insert(m.name).second) {
          return error_at(ErrorCode::rule_reference, m.file, m.line,
                          "macro '" + m.name + "' is defined twice in this directory (first: " +
                              macros[m.name].file + ":" + std::to_string(macros[m.name].line) +
                              ")");
        }
        macros[m.name] = m;
      }
      for (auto& r : parsed[f].rules) {
        if (auto dup = ids_here.find(r.id); dup != ids_here.end()) {
          return error_at(ErrorCode::rule_reference, r.file, r.line,
                          "duplicate rule id '" + r.id + "' (first defined at " +
                              dup->second->file + ":" + std::to_string(dup->second->line) + ")");
        }
        ids_here[r.id] = &r;
      }
    }
    for (const auto& pf : parsed) {
      for (const auto& r : pf.rules) {
        if (auto it = index_of.find(r.id); it != index_of.end()) {
          specs[it->second] = {r, pf.reference_date};  // a later directory replaces the rule
        } else {
          index_of[r.id] = specs.size();
          specs.emplace_back(r, pf.reference_date);
        }
      }
    }
  }

  const ProductionRegistry& registry = builtin_productions();
  Expander expander(macros, out->lexicon);
  out->rules.clear();
  out->rules.reserve(specs.size());
  for (auto& [spec, ref] : specs) {
    CompiledRule r;
    r.spec = spec;
    r.example_reference_date = ref;
    const std::string where = " in rule '" + spec.id + "'";
    r.production = registry.find(spec.production);
    r.gate = registry.find_gate(spec.production);
    if (!r.production) {
      std::string known;
      for (const auto& n : registry.names()) known += (known.empty() ? "" : ", ") + n;
      return error_at(ErrorCode::rule_reference, spec.file, spec.line,
                      "unknown production '" + spec.production + "'" + where + " (known: " +
                          known + ")");
    }
    std::string err;
    std::string nfc = to_nfc(spec.pattern);
    if (!expander.expand(nfc, spec.folded, &r.expanded, &err)) {
      return error_at(ErrorCode::rule_reference, spec.file, spec.pattern_line, err + where);
    }
    RE2::Options opt;
    opt.set_encoding(RE2::Options::EncodingUTF8);
    opt.set_case_sensitive(spec.case_sensitive);
    opt.set_log_errors(false);
    opt.set_max_mem(int64_t{64} << 20);
    r.re = std::make_unique<RE2>(r.expanded, opt);
    if (!r.re->ok()) {
      return error_at(ErrorCode::rule_compile, spec.file, spec.pattern_line,
                      "RE2 cannot compile the pattern" + where + ": " + r.re->error() +
                          (r.re->error_arg().empty() ? "" : " at '" + r.re->error_arg() + "'"));
    }
    r.group_names.assign(static_cast<std::size_t>(r.re->NumberOfCapturingGroups()) + 1, "");
    for (const auto& [name, index] : r.re->NamedCapturingGroups()) {
      r.group_names[static_cast<std::size_t>(index)] = name;
    }
    out->rules.push_back(std::move(r));
  }
  return {};
}

}  // namespace vnie::detail
