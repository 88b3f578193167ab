// Runs the `example:` and `not:` lines of every rule (docs/rules.md) through
// an extractor built from the same load: the rule files are their own test.
#include <nlohmann/json.hpp>

#include "rules/ruleset.h"
#include "vnie/extractor.h"
#include "vnie/json.h"

namespace vnie {
namespace {

constexpr std::string_view kOpen = "«", kClose = "»";

struct Prepared {
  std::string text;
  std::size_t start = 0, end = 0;  // the marked span, or the whole text
  bool marked = false;
};

bool prepare(const std::string& raw, Prepared* p) {
  const auto o = raw.find(kOpen);
  const auto c = raw.find(kClose);
  if (o == std::string::npos && c == std::string::npos) {
    p->text = raw;
    p->start = 0;
    p->end = raw.size();
    return true;
  }
  if (o == std::string::npos || c == std::string::npos || c < o) return false;
  if (raw.find(kOpen, o + 1) != std::string::npos || raw.find(kClose, c + 1) != std::string::npos) {
    return false;  // one marked span per example
  }
  p->marked = true;
  p->text = raw.substr(0, o) + raw.substr(o + kOpen.size(), c - o - kOpen.size()) +
            raw.substr(c + kClose.size());
  p->start = o;
  p->end = c - kOpen.size();
  return true;
}

std::string describe(const std::vector<Mention>& ms) {
  if (ms.empty()) return "no mentions";
  std::string out;
  Document d;
  d.mentions = ms;
  auto j = nlohmann::json::parse(to_json_line(d));
  for (const auto& m : j["mentions"]) {
    if (!out.empty()) out += "; ";
    out += m["type"].get<std::string>() + " '" + m["text"].get<std::string>() + "' " +
           m["value"].dump() + " by " + m["rule"].get<std::string>();
  }
  return out;
}

/// Empty when the example holds; otherwise why not.
std::string check_example(const Extractor& ex, const detail::CompiledRule& rule,
                          const detail::ExampleSpec& e) {
  Prepared p;
  if (!prepare(e.text, &p)) return "the «» marks must be one balanced pair";
  DocumentInfo info;
  DateValue ref;
  ref.year = 2017;
  ref.month = 2;
  ref.day = 2;
  info.reference_date = rule.example_reference_date ? *rule.example_reference_date : ref;
  Document doc;
  Status s = ex.extract(p.text, info, &doc);
  if (!s.ok()) return s.to_string();
  if (e.negative) {
    std::vector<Mention> bad;
    for (const auto& m : doc.mentions) {
      if (m.type != rule.spec.type) continue;
      if (!p.marked || (m.start < p.end && m.end > p.start)) bad.push_back(m);
    }
    return bad.empty() ? "" : "must give no " + std::string(to_string(rule.spec.type)) +
                                  " but gives " + describe(bad);
  }
  for (const auto& m : doc.mentions) {
    if (m.rule != rule.spec.id || m.start != p.start || m.end != p.end) continue;
    if (!e.expected) return "";
    nlohmann::json want = nlohmann::json::parse(*e.expected, nullptr, false);
    if (want.is_discarded() || !want.is_object()) return "the value after '=>' is not a JSON object";
    Document d;
    d.mentions.push_back(m);
    const nlohmann::json got = nlohmann::json::parse(to_json_line(d))["mentions"][0]["value"];
    for (const auto& [key, value] : want.items()) {
      if (!got.contains(key) || got[key] != value) {
        return "value " + got.dump() + " does not have " + key + "=" + value.dump();
      }
    }
    return "";
  }
  return "no mention by this rule spans '" + p.text.substr(p.start, p.end - p.start) +
         "'; got " + describe(doc.mentions);
}

}  // namespace

Status check_rules(const std::vector<std::string>& dirs, bool with_defaults,
                   std::vector<RuleInfo>* rules) {
  try {
    Options opt;
    opt.rule_dirs = dirs;
    opt.use_default_rules = with_defaults;
    Normalizer normalizer(opt.normalize);
    detail::RuleSet set(&normalizer);
    Status s = detail::load_rules(dirs, with_defaults, normalizer, &set);
    if (!s.ok()) return s;
    std::unique_ptr<Extractor> ex;
    s = Extractor::create(opt, &ex);
    if (!s.ok()) return s;
    if (rules) *rules = ex->rules();
    Status first;
    std::size_t failures = 0;
    for (const auto& r : set.rules) {
      for (const auto& e : r.spec.examples) {
        std::string why = check_example(*ex, r, e);
        if (why.empty()) continue;
        if (failures++ == 0) {
          first = Status::error(ErrorCode::rule_example,
                                std::string(e.negative ? "not" : "example") + " '" + e.text +
                                    "' of rule '" + r.spec.id + "' fails: " + why);
          first.file = r.spec.file;
          first.line = e.line;
        }
      }
    }
    if (failures > 1) first.message += " (and " + std::to_string(failures - 1) + " more)";
    return first;
  } catch (const std::bad_alloc&) {
    return Status::error(ErrorCode::internal, "out of memory while checking rules");
  } catch (const std::exception& e) {
    return Status::error(ErrorCode::internal, std::string("unexpected error: ") + e.what());
  }
}

}  // namespace vnie
