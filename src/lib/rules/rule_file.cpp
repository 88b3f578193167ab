#include "rules/rule_file.h"

#include <charconv>
#include <set>
#include <string_view>

#include "text/unicode.h"

namespace vnie::detail {
namespace {

bool parse_int(std::string_view s, int* out) {
  const char* b = s.data();
  const char* e = b + s.size();
  if (b != e && *b == '+') ++b;
  auto [p, ec] = std::from_chars(b, e, *out);
  return ec == std::errc() && p == e && b != e;
}

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

class Parser {
 public:
  Parser(const SourceFile& f, RuleFile* out) : f_(f), out_(out) {}

  Status run() {
    std::string_view text = f_.content;
    std::size_t bad = 0;
    if (!valid_utf8(text, &bad)) {
      Status s = fail(line_of(bad), "rule file is not valid UTF-8");
      s.byte_offset = bad;
      return s;
    }
    std::size_t pos = 0;
    while (pos <= text.size() && !(pos == text.size() && !text.empty() && text.back() == '\n')) {
      auto nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      lines_.push_back(text.substr(pos, nl - pos));
      pos = nl + 1;
      if (nl == text.size()) break;
    }
    for (i_ = 0; i_ < lines_.size(); ++i_) {
      Status s = line(trim(lines_[i_]));
      if (!s.ok()) return s;
    }
    if (in_rule_) {
      return fail(rule_.line, "rule '" + rule_.id + "' has no 'end'");
    }
    return {};
  }

 private:
  std::size_t line_of(std::size_t offset) const {
    std::size_t n = 1;
    for (std::size_t k = 0; k < offset && k < f_.content.size(); ++k) n += f_.content[k] == '\n';
    return n;
  }

  Status fail(std::size_t line, std::string msg) const {
    Status s = Status::error(ErrorCode::rule_syntax, std::move(msg));
    s.file = f_.name;
    s.line = line;
    return s;
  }
  Status fail(std::string msg) const { return fail(i_ + 1, std::move(msg)); }
  std::string in_rule() const { return in_rule_ ? " in rule '" + rule_.id + "'" : ""; }

  Status line(std::string_view l) {
    if (l.empty() || l.front() == '#') return {};
    if (!in_rule_) return top_level(l);
    if (l == "end") return finish_rule();
    const auto colon = l.find(':');
    if (colon == std::string_view::npos) {
      return fail("expected 'key: value' or 'end'" + in_rule() + ", got '" + std::string(l) + "'");
    }
    const std::string_view key = trim(l.substr(0, colon));
    const std::string_view value = trim(l.substr(colon + 1));
    return rule_key(key, value);
  }

  Status top_level(std::string_view l) {
    if (l.starts_with("rule ") || l == "rule") {
      const std::string_view id = trim(l.substr(4));
      if (!valid_id(id)) {
        return fail("a rule id is letters, digits, '.', '_' or '-': got '" + std::string(id) + "'");
      }
      rule_ = RuleSpec{};
      rule_.id = std::string(id);
      rule_.file = f_.name;
      rule_.line = i_ + 1;
      seen_.clear();
      in_rule_ = true;
      return {};
    }
    if (l.starts_with("macro ")) {
      const auto eq = l.find('=');
      if (eq == std::string_view::npos) return fail("expected 'macro NAME = PATTERN'");
      MacroSpec m;
      m.name = std::string(trim(l.substr(6, eq - 6)));
      m.pattern = std::string(trim(l.substr(eq + 1)));
      m.file = f_.name;
      m.line = i_ + 1;
      if (!valid_id(m.name) || m.name.find('.') != std::string::npos) {
        return fail("a macro name is letters, digits, '_' or '-': got '" + m.name + "'");
      }
      if (m.pattern == "<<") {
        Status s = block(&m.pattern);
        if (!s.ok()) return s;
      }
      if (m.pattern.empty()) return fail("macro '" + m.name + "' has an empty pattern");
      out_->macros.push_back(std::move(m));
      return {};
    }
    if (l.starts_with("reference-date:")) {
      DateValue d;
      if (!parse_iso_date(trim(l.substr(15)), &d)) return fail("reference-date is not YYYY-MM-DD");
      out_->reference_date = d;
      return {};
    }
    if (l == "end") return fail("'end' without 'rule'");
    return fail("expected 'rule ID', 'macro NAME = PATTERN' or 'reference-date: …', got '" +
                std::string(l) + "'");
  }

  Status block(std::string* out) {
    const std::size_t start = i_ + 1;
    out->clear();
    for (++i_; i_ < lines_.size(); ++i_) {
      const std::string_view l = trim(lines_[i_]);
      if (l == ">>") return {};
      if (l.empty() || l.front() == '#') continue;
      out->append(l);
    }
    return fail(start, "pattern block opened with '<<' has no closing '>>'");
  }

  Status rule_key(std::string_view key, std::string_view value) {
    const bool repeatable = key == "example" || key == "not";
    if (!repeatable && !seen_.insert(std::string(key)).second) {
      return fail("key '" + std::string(key) + "' given twice" + in_rule());
    }
    if (key == "type") {
      if (!parse_mention_type(value, rule_.type)) {
        return fail("unknown type '" + std::string(value) + "'" + in_rule());
      }
    } else if (key == "production") {
      if (!valid_id(value)) return fail("bad production name '" + std::string(value) + "'");
      rule_.production = std::string(value);
    } else if (key == "pattern") {
      rule_.pattern_line = i_ + 1;
      if (value == "<<") {
        Status s = block(&rule_.pattern);
        if (!s.ok()) return s;
      } else {
        rule_.pattern = std::string(value);
      }
      if (rule_.pattern.empty()) return fail(rule_.pattern_line, "empty pattern" + in_rule());
    } else if (key == "view") {
      if (value != "normalized" && value != "folded") {
        return fail("view is 'normalized' or 'folded', got '" + std::string(value) + "'" + in_rule());
      }
      rule_.folded = value == "folded";
    } else if (key == "case") {
      if (value != "insensitive" && value != "sensitive") {
        return fail("case is 'insensitive' or 'sensitive', got '" + std::string(value) + "'" +
                    in_rule());
      }
      rule_.case_sensitive = value == "sensitive";
    } else if (key == "boundary") {
      if (value != "word" && value != "none") {
        return fail("boundary is 'word' or 'none', got '" + std::string(value) + "'" + in_rule());
      }
      rule_.word_boundary = value == "word";
    } else if (key == "priority") {
      if (!parse_int(value, &rule_.priority)) {
        return fail("priority is an integer, got '" + std::string(value) + "'" + in_rule());
      }
    } else if (key == "stage") {
      if (!parse_int(value, &rule_.stage) || rule_.stage < 1 || rule_.stage > 9) {
        return fail("stage is an integer from 1 to 9, got '" + std::string(value) + "'" + in_rule());
      }
    } else if (repeatable) {
      ExampleSpec e;
      e.negative = key == "not";
      e.line = i_ + 1;
      const auto arrow = value.rfind(" => ");
      if (arrow != std::string_view::npos && !e.negative) {
        e.text = std::string(trim(value.substr(0, arrow)));
        e.expected = std::string(trim(value.substr(arrow + 4)));
      } else {
        e.text = std::string(value);
      }
      if (e.text.empty()) return fail("empty " + std::string(key) + in_rule());
      rule_.examples.push_back(std::move(e));
    } else {
      return fail("unknown key '" + std::string(key) + "'" + in_rule() +
                  " (known: type, production, pattern, view, case, boundary, priority, stage, "
                  "example, not)");
    }
    return {};
  }

  Status finish_rule() {
    for (const char* required : {"type", "production", "pattern"}) {
      if (!seen_.count(required)) {
        return fail(rule_.line, "rule '" + rule_.id + "' has no '" + required + "'");
      }
    }
    in_rule_ = false;
    out_->rules.push_back(std::move(rule_));
    return {};
  }

  const SourceFile& f_;
  RuleFile* out_;
  std::vector<std::string_view> lines_;
  std::size_t i_ = 0;
  bool in_rule_ = false;
  RuleSpec rule_;
  std::set<std::string> seen_;
};

}  // namespace

Status parse_rule_file(const SourceFile& file, RuleFile* out) {
  *out = RuleFile{};
  return Parser(file, out).run();
}

bool parse_iso_date(std::string_view s, DateValue* out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int y = 0, m = 0, d = 0;
  if (!parse_int(s.substr(0, 4), &y) || !parse_int(s.substr(5, 2), &m) ||
      !parse_int(s.substr(8, 2), &d)) {
    return false;
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return false;
  *out = DateValue{};
  out->year = y;
  out->month = m;
  out->day = d;
  return true;
}

}  // namespace vnie::detail
