#include "rules/lexicon.h"

#include <algorithm>
#include <set>

#include "text/unicode.h"

namespace vnie::detail {
namespace {

std::string stem(std::string_view relpath) {
  auto slash = relpath.rfind('/');
  std::string_view base = slash == std::string_view::npos ? relpath : relpath.substr(slash + 1);
  auto dot = base.rfind('.');
  return std::string(dot == std::string_view::npos ? base : base.substr(0, dot));
}

}  // namespace

std::string_view LexEntry::attr(std::string_view key) const {
  for (const auto& [k, v] : attrs) {
    if (k == key) return v;
  }
  return {};
}

bool LexEntry::attr_has(std::string_view key, std::string_view item) const {
  std::string_view v = attr(key);
  while (!v.empty()) {
    const std::size_t comma = v.find(',');
    if (v.substr(0, comma) == item) return true;
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return false;
}

std::string Lexicon::exact_key(std::string_view text) const {
  return to_lower(collapse_spaces(normalizer_->normalize(text).text));
}

std::string Lexicon::folded_key(std::string_view text) const {
  return collapse_spaces(normalizer_->fold(text));
}

namespace {

constexpr std::string_view kSchemaLine = "#! attributes:";

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/// A value of attribute type `type`: int (signed), word (a-z 0-9 _ -, or any UTF-8 letter),
/// words (words separated by commas).
bool of_type(std::string_view type, std::string_view v) {
  if (v.empty()) return false;
  if (type == "int") {
    if (v.front() == '-') v.remove_prefix(1);
    return !v.empty() && v.size() <= 9 && std::all_of(v.begin(), v.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
  }
  const bool list = type == "words";
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (list && c == ',' && i > 0 && i + 1 < v.size() && v[i + 1] != ',') continue;
    if (!word_char(c) && static_cast<unsigned char>(c) < 0x80 && !(c >= 'A' && c <= 'Z')) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool Lexicon::parse_schema(std::string_view text, std::map<std::string, std::string>* schema,
                           std::string* err) {
  text = trim(text);
  while (!text.empty()) {
    const auto sp = text.find(' ');
    const std::string_view decl = text.substr(0, sp);
    text = sp == std::string_view::npos ? std::string_view{} : trim(text.substr(sp + 1));
    const auto eq = decl.find('=');
    const std::string_view key = decl.substr(0, eq);
    const std::string_view type = eq == std::string_view::npos ? "" : decl.substr(eq + 1);
    if (key.empty() || !std::all_of(key.begin(), key.end(), word_char) ||
        (type != "int" && type != "word" && type != "words")) {
      *err = "attribute declaration '" + std::string(decl) + "' is not key=int|word|words";
      return false;
    }
    (*schema)[std::string(key)] = std::string(type);
  }
  return true;
}

bool Lexicon::check_attribute(const std::map<std::string, std::string>& schema,
                              std::string_view key, std::string_view value, std::string* err) {
  if (!std::all_of(key.begin(), key.end(), word_char)) {
    *err = "a key is made of a-z, 0-9, '_' and '-'";
    return false;
  }
  if (value.find_first_of(";=") != std::string_view::npos) {
    *err = "a value holds no ';' or '=' (attributes are separated by spaces)";
    return false;
  }
  if (schema.empty()) return true;  // a list without "#! attributes:" checks the syntax only
  const auto it = schema.find(std::string(key));
  if (it == schema.end()) {
    std::string known;
    for (const auto& [k, t] : schema) known += (known.empty() ? "" : ", ") + k;
    *err = "not an attribute of this list (declared: " + known + ")";
    return false;
  }
  if (!of_type(it->second, value)) {
    *err = "not of type " + it->second;
    return false;
  }
  return true;
}

Status Lexicon::add_file(const SourceFile& file) {
  auto fail = [&](std::size_t line, std::string msg) {
    Status s = Status::error(ErrorCode::rule_syntax, std::move(msg));
    s.file = file.name;
    s.line = line;
    return s;
  };
  std::size_t bad = 0;
  if (!valid_utf8(file.content, &bad)) {
    Status s = fail(1, "list file is not valid UTF-8");
    s.byte_offset = bad;
    return s;
  }
  List& list = lists_[stem(file.relpath)];
  std::string_view text = file.content;
  std::size_t lineno = 0;
  while (!text.empty()) {
    ++lineno;
    auto nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    std::string_view l = trim(raw);
    if (l.starts_with(kSchemaLine)) {  // "#! attributes: offset=int now=word"
      if (std::string err; !parse_schema(l.substr(kSchemaLine.size()), &list.schema, &err)) {
        return fail(lineno, err);
      }
      continue;
    }
    if (l.empty() || l.front() == '#') continue;

    LexEntry e;
    e.file = file.name;
    e.line = lineno;
    const auto semi = l.find(" ; ");
    std::string_view forms = semi == std::string_view::npos ? l : l.substr(0, semi);
    if (semi != std::string_view::npos) {
      std::string_view attrs = trim(l.substr(semi + 3));
      while (!attrs.empty()) {
        auto sp = attrs.find(' ');
        std::string_view kv = attrs.substr(0, sp);
        attrs = sp == std::string_view::npos ? std::string_view{} : trim(attrs.substr(sp + 1));
        auto eq = kv.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == kv.size()) {
          return fail(lineno, "attribute '" + std::string(kv) + "' is not key=value");
        }
        const std::string_view key = kv.substr(0, eq), value = kv.substr(eq + 1);
        if (std::string err; !check_attribute(list.schema, key, value, &err)) {
          return fail(lineno, "attribute '" + std::string(kv) + "': " + err);
        }
        for (const auto& [k, v] : e.attrs) {
          if (k == key) return fail(lineno, "attribute '" + std::string(key) + "' given twice");
        }
        e.attrs.emplace_back(std::string(key), std::string(value));
      }
    }
    while (true) {
      auto bar = forms.find('|');
      std::string_view f = trim(forms.substr(0, bar));
      if (f.empty()) return fail(lineno, "empty field in '" + std::string(l) + "'");
      e.forms.push_back(to_nfc(collapse_spaces(f)));
      if (bar == std::string_view::npos) break;
      forms = forms.substr(bar + 1);
    }
    e.canonical = e.forms.front();
    const std::size_t index = list.entries.size();
    for (const auto& f : e.forms) {
      list.exact.emplace(exact_key(f), index);  // first entry wins
      list.folded.emplace(folded_key(f), index);
    }
    list.entries.push_back(std::move(e));
  }
  return {};
}

const std::vector<LexEntry>& Lexicon::entries(std::string_view list) const {
  static const std::vector<LexEntry> kEmpty;
  auto it = lists_.find(list);
  return it == lists_.end() ? kEmpty : it->second.entries;
}

const LexEntry* Lexicon::lookup(std::string_view list, std::string_view text) const {
  auto it = lists_.find(list);
  if (it == lists_.end()) return nullptr;
  const List& l = it->second;
  // exact_key() and folded_key() of one normalization
  const NormalizedText nt = normalizer_->normalize(text);
  if (auto e = l.exact.find(to_lower(collapse_spaces(nt.text))); e != l.exact.end()) {
    return &l.entries[e->second];
  }
  if (auto f = l.folded.find(collapse_spaces(nt.folded)); f != l.folded.end()) {
    return &l.entries[f->second];
  }
  return nullptr;
}

const LexEntry* Lexicon::lookup_exact(std::string_view list, std::string_view text) const {
  auto it = lists_.find(list);
  if (it == lists_.end()) return nullptr;
  const List& l = it->second;
  auto e = l.exact.find(exact_key(text));
  return e == l.exact.end() ? nullptr : &l.entries[e->second];
}

std::vector<std::string> Lexicon::forms(std::string_view list, bool folded) const {
  std::set<std::string> seen;
  std::vector<std::string> out;
  for (const auto& e : entries(list)) {
    for (const auto& f : e.forms) {
      std::string form = folded ? folded_key(f) : f;
      if (seen.insert(form).second) out.push_back(std::move(form));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

std::vector<std::string> Lexicon::list_names() const {
  std::vector<std::string> out;
  for (const auto& [name, list] : lists_) out.push_back(name);
  return out;
}

}  // namespace vnie::detail
