#include "extract/start_set.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <set>
#include <utility>

#include <unicode/uchar.h>

#include "text/unicode.h"

namespace vnie::detail {

char32_t fold_cp(char32_t c) noexcept {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

bool FoldedSet::contains(char32_t folded) const {
  return all_ || std::binary_search(cps_.begin(), cps_.end(), folded);
}

bool FoldedSet::single(char32_t* c) const {
  if (all_ || cps_.size() != 1 || cps_[0] == kEnd) return false;
  *c = cps_[0];
  return true;
}

void FoldedSet::merge(const FoldedSet& o) {
  if (all_) return;
  if (o.all_) {
    set_all();
    return;
  }
  cps_.insert(cps_.end(), o.cps_.begin(), o.cps_.end());
  finish();
}

void FoldedSet::finish() {
  std::sort(cps_.begin(), cps_.end());
  cps_.erase(std::unique(cps_.begin(), cps_.end()), cps_.end());
}

namespace {

// ------------------------------------------------------------------ syntax

struct Node {
  enum Kind { kEmpty, kSet, kCat, kAlt, kRepeat, kLineStart, kLineEnd } kind = kEmpty;
  FoldedSet set;            // kSet: the characters, case-folded
  FoldedSet raw;            // kSet: the same as written (every character where case is ignored)
  std::vector<Node> kids;   // kCat, kAlt, kRepeat (one)
  int min = 0, max = -1;    // kRepeat; max -1: unbounded
};

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

/// The folded set of a union of code point ranges; every code point when the
/// ranges cover more than a few thousand (negated classes, \S, \pL...).
FoldedSet set_of(const Ranges& ranges, bool fold = true) {
  FoldedSet s;
  std::size_t size = 0;
  for (const auto& [lo, hi] : ranges) size += hi >= lo ? hi - lo + 1 : 0;
  if (size > 6000) {
    s.set_all();
    return s;
  }
  for (const auto& [lo, hi] : ranges) {
    for (char32_t c = lo; c <= hi; ++c) s.add(fold ? fold_cp(c) : c);
  }
  s.finish();
  return s;
}

Ranges negate(Ranges r) {
  std::sort(r.begin(), r.end());
  Ranges out;
  char32_t next = 0;
  for (const auto& [lo, hi] : r) {
    if (lo > next) out.emplace_back(next, lo - 1);
    if (hi + 1 > next) next = hi + 1;
  }
  if (next <= 0x10FFFF) out.emplace_back(next, 0x10FFFF);
  return out;
}

const Ranges kDigits = {{'0', '9'}};
const Ranges kSpaces = {{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}};
const Ranges kWord = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};

class Parser {
 public:
  Parser(const std::string& p, bool case_sensitive) : p_(p), icase_(!case_sensitive) {}

  bool parse(Node* out) {
    *out = alt();
    return ok_ && i_ == p_.size();
  }

 private:
  bool more() const { return i_ < p_.size(); }
  char peek() const { return p_[i_]; }

  char32_t next_cp() {
    std::size_t len = 0;
    const char32_t c = decode_at(p_, i_, len);
    i_ += std::max<std::size_t>(len, 1);
    return c;
  }

  Node alt() {
    Node first = cat();
    if (!more() || peek() != '|') return first;
    Node n;
    n.kind = Node::kAlt;
    n.kids.push_back(std::move(first));
    while (ok_ && more() && peek() == '|') {
      ++i_;
      n.kids.push_back(cat());
    }
    return n;
  }

  Node cat() {
    Node n;
    n.kind = Node::kCat;
    while (ok_ && more() && peek() != '|' && peek() != ')') n.kids.push_back(repeat());
    return n;
  }

  Node repeat() {
    Node atom_node = atom();
    while (ok_ && more()) {
      int mn = 0, mx = -1;
      const char c = peek();
      if (c == '*') {
        ++i_;
      } else if (c == '+') {
        mn = 1;
        ++i_;
      } else if (c == '?') {
        mx = 1;
        ++i_;
      } else if (c == '{' && counted(&mn, &mx)) {
      } else {
        break;
      }
      if (more() && peek() == '?') ++i_;  // lazy: the same language
      Node r;
      r.kind = Node::kRepeat;
      r.min = mn;
      r.max = mx;
      r.kids.push_back(std::move(atom_node));
      atom_node = std::move(r);
    }
    return atom_node;
  }

  /// {n}, {n,}, {n,m} at i_; false (nothing consumed) when it is a literal '{'.
  bool counted(int* mn, int* mx) {
    std::size_t j = i_ + 1;
    auto number = [&](int* v) {
      const std::size_t s = j;
      long x = 0;
      while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9' && x < 100000) x = x * 10 + (p_[j++] - '0');
      *v = static_cast<int>(x);
      return j > s;
    };
    if (!number(mn)) return false;
    *mx = *mn;
    if (j < p_.size() && p_[j] == ',') {
      ++j;
      *mx = -1;
      if (j < p_.size() && p_[j] != '}' && !number(mx)) return false;
    }
    if (j >= p_.size() || p_[j] != '}') return false;
    i_ = j + 1;
    return true;
  }

  Node set_node(const Ranges& r) {
    Node n;
    n.kind = Node::kSet;
    n.set = set_of(r);
    if (icase_) {
      n.raw.set_all();
    } else {
      n.raw = set_of(r, /*fold=*/false);
    }
    return n;
  }

  Node atom() {
    const char c = peek();
    if (c == '(') return group();
    if (c == '[') return char_class();
    if (c == '.') {
      ++i_;
      Node n;
      n.kind = Node::kSet;
      n.set.set_all();
      n.raw.set_all();
      return n;
    }
    if (c == '^') {
      ++i_;
      Node n;
      n.kind = Node::kLineStart;
      return n;
    }
    if (c == '$') {
      ++i_;
      Node n;
      n.kind = Node::kLineEnd;
      return n;
    }
    if (c == '*' || c == '+' || c == '?') {  // a repetition of nothing: RE2 rejects it
      ok_ = false;
      return Node{};
    }
    if (c == '\\') return escape();
    const char32_t cp = next_cp();
    return set_node({{cp, cp}});
  }

  Node group() {
    ++i_;  // '('
    const bool outer_icase = icase_;  // flags set inside end with the group
    if (more() && peek() == '?') {
      ++i_;
      if (more() && (peek() == 'P' || peek() == '<')) {  // (?P<name>…) or (?<name>…)
        if (peek() == 'P') ++i_;
        if (!more() || peek() != '<') {
          ok_ = false;
          return Node{};
        }
        const std::size_t close = p_.find('>', i_);
        if (close == std::string::npos) {
          ok_ = false;
          return Node{};
        }
        i_ = close + 1;
      } else {  // flags: (?i) (?-i) (?i:…) (?s-i:…)
        bool negated = false, icase = icase_;
        while (more() && (std::isalpha(static_cast<unsigned char>(peek())) || peek() == '-')) {
          if (peek() == '-') negated = true;
          if (peek() == 'i') icase = !negated;
          ++i_;
        }
        if (!more()) {
          ok_ = false;
          return Node{};
        }
        if (peek() == ')') {
          ++i_;
          icase_ = icase;  // for the rest of the enclosing group
          return Node{};
        }
        icase_ = icase;
        if (peek() != ':') {
          ok_ = false;
          return Node{};
        }
        ++i_;
      }
    }
    Node inner = alt();
    icase_ = outer_icase;
    if (!more() || peek() != ')') {
      ok_ = false;
      return Node{};
    }
    ++i_;
    return inner;
  }

  /// An escape outside a class.
  Node escape() {
    ++i_;  // '\'
    if (!more()) {
      ok_ = false;
      return Node{};
    }
    const char c = peek();
    switch (c) {
      case 'b': case 'B': ++i_; return Node{};
      case 'z': {
        ++i_;
        Node n;
        n.kind = Node::kLineEnd;
        return n;
      }
      case 'A': {
        ++i_;
        Node n;
        n.kind = Node::kLineStart;
        return n;
      }
      case 'Q': {  // \Q…\E: literal text
        ++i_;
        Node n;
        n.kind = Node::kCat;
        while (more() && p_.compare(i_, 2, "\\E") != 0) {
          const char32_t cp = next_cp();
          n.kids.push_back(set_node({{cp, cp}}));
        }
        if (more()) i_ += 2;
        return n;
      }
      default: break;
    }
    Ranges r;
    if (!class_escape(&r)) {
      ok_ = false;
      return Node{};
    }
    return set_node(r);
  }

  /// An escape that stands for characters (inside or outside a class), at
  /// the character after '\'. Appends its ranges to `r`.
  bool class_escape(Ranges* r) {
    const char c = peek();
    auto add = [&](const Ranges& x, bool neg) {
      const Ranges y = neg ? negate(x) : x;
      r->insert(r->end(), y.begin(), y.end());
    };
    switch (c) {
      case 'd': case 'D': ++i_; add(kDigits, c == 'D'); return true;
      case 's': case 'S': ++i_; add(kSpaces, c == 'S'); return true;
      case 'w': case 'W': ++i_; add(kWord, c == 'W'); return true;
      case 'p': case 'P': case 'C': {  // Unicode classes, any byte: every character
        ++i_;
        if (c != 'C' && more() && peek() == '{') {
          const std::size_t close = p_.find('}', i_);
          if (close == std::string::npos) return false;
          i_ = close + 1;
        } else if (c != 'C' && more()) {
          ++i_;
        }
        add({{0, 0x10FFFF}}, false);
        return true;
      }
      case 'x': {
        ++i_;
        std::size_t end = i_ + 2;
        if (more() && peek() == '{') {
          end = p_.find('}', i_);
          if (end == std::string::npos) return false;
          ++i_;
        }
        if (end > p_.size() || end == i_) return false;
        char32_t v = 0;
        for (; i_ < end; ++i_) {
          const char h = p_[i_];
          int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
          if (d < 0 || v > 0x10FFFF) return false;
          v = v * 16 + static_cast<char32_t>(d);
        }
        if (i_ < p_.size() && p_[i_] == '}') ++i_;
        r->emplace_back(v, v);
        return true;
      }
      case 'n': ++i_; r->emplace_back('\n', '\n'); return true;
      case 't': ++i_; r->emplace_back('\t', '\t'); return true;
      case 'r': ++i_; r->emplace_back('\r', '\r'); return true;
      case 'f': ++i_; r->emplace_back('\f', '\f'); return true;
      case 'v': ++i_; r->emplace_back('\v', '\v'); return true;
      case 'a': ++i_; r->emplace_back('\a', '\a'); return true;
      default: break;
    }
    if (std::isalnum(static_cast<unsigned char>(c))) return false;  // octal, backrefs, unknown
    const char32_t cp = next_cp();  // an escaped punctuation character
    r->emplace_back(cp, cp);
    return true;
  }

  /// A class, read once per distinct text and case flag: the default rules
  /// repeat a few big classes (a Vietnamese letter) hundreds of times.
  Node char_class() {
    const std::size_t end = class_end(i_);
    if (end != std::string::npos) {
      auto it = classes_.find({p_.substr(i_, end - i_), icase_});
      if (it != classes_.end()) {
        i_ = end;
        return it->second;
      }
    }
    const std::size_t start = i_;
    Node n = read_class();
    if (ok_ && end == i_) classes_.emplace(std::make_pair(p_.substr(start, end - start), icase_), n);
    return n;
  }

  /// The offset after the class that starts at `i` ('['), or npos.
  std::size_t class_end(std::size_t i) const {
    ++i;
    if (i < p_.size() && p_[i] == '^') ++i;
    if (i < p_.size() && p_[i] == ']') ++i;
    while (i < p_.size() && p_[i] != ']') {
      if (p_[i] == '\\') {
        i += 2;
      } else if (p_.compare(i, 2, "[:") == 0) {
        const std::size_t close = p_.find(":]", i + 2);
        if (close == std::string::npos) return std::string::npos;
        i = close + 2;
      } else {
        ++i;
      }
    }
    return i < p_.size() ? i + 1 : std::string::npos;
  }

  Node read_class() {
    ++i_;  // '['
    bool neg = false;
    if (more() && peek() == '^') {
      neg = true;
      ++i_;
    }
    Ranges r;
    bool first = true;
    while (ok_ && more() && (peek() != ']' || first)) {
      first = false;
      if (p_.compare(i_, 2, "[:") == 0) {
        const std::size_t close = p_.find(":]", i_ + 2);
        if (close == std::string::npos) {
          ok_ = false;
          break;
        }
        i_ = close + 2;
        r.emplace_back(0, 0x10FFFF);  // a POSIX class: every character (conservative)
        continue;
      }
      char32_t lo = 0;
      if (peek() == '\\') {
        ++i_;
        if (!more()) {
          ok_ = false;
          break;
        }
        Ranges e;
        if (!class_escape(&e)) {
          ok_ = false;
          break;
        }
        if (e.size() != 1 || e[0].first != e[0].second) {  // \d, \s…: no range from it
          r.insert(r.end(), e.begin(), e.end());
          continue;
        }
        lo = e[0].first;
      } else {
        lo = next_cp();
      }
      char32_t hi = lo;
      if (i_ + 1 < p_.size() && peek() == '-' && p_[i_ + 1] != ']') {
        ++i_;
        if (peek() == '\\') {
          ++i_;
          Ranges e;
          if (!more() || !class_escape(&e) || e.size() != 1) {
            ok_ = false;
            break;
          }
          hi = e[0].first;
        } else {
          hi = next_cp();
        }
      }
      if (hi < lo) {
        ok_ = false;
        break;
      }
      r.emplace_back(lo, hi);
    }
    if (!more()) ok_ = false;
    if (!ok_) return Node{};
    ++i_;  // ']'
    return set_node(neg ? negate(r) : r);
  }

  const std::string& p_;
  std::size_t i_ = 0;
  bool icase_ = false;
  bool ok_ = true;
  std::map<std::pair<std::string, bool>, Node> classes_;
};

/// True when every match of `n` ends with '$' (or \z): at the end of the line.
bool ends_at_line_end(const Node& n) {
  switch (n.kind) {
    case Node::kLineEnd: return true;
    case Node::kCat: {
      for (auto k = n.kids.rbegin(); k != n.kids.rend(); ++k) {
        if (k->kind == Node::kEmpty) continue;
        return ends_at_line_end(*k);
      }
      return false;
    }
    case Node::kAlt:
      for (const Node& k : n.kids) {
        if (!ends_at_line_end(k)) return false;
      }
      return !n.kids.empty();
    default: return false;
  }
}

// ------------------------------------------------------------------ analysis

/// A match prefix still being read: the case-folded literal so far, or (with
/// an empty literal) the class its first character came from, `cls`, an
/// index into Analysis::classes_, until the second character is known.
struct Path {
  std::u32string lit;
  bool line_start = false;
  int cls = -1;
  auto key() const { return std::tie(line_start, cls, lit); }
  bool operator<(const Path& o) const { return key() < o.key(); }
  bool operator==(const Path& o) const { return key() == o.key(); }
};
using Paths = std::set<Path>;

constexpr std::size_t kMaxLit = 16;      // code points of a literal prefix
constexpr std::size_t kMaxPaths = 4096;  // open paths at once
constexpr std::size_t kMaxItems = 20000;
constexpr int kMaxRounds = 64;           // repetitions unrolled

FoldedSet every() {
  FoldedSet s;
  s.set_all();
  return s;
}

class Analysis {
 public:
  /// Extends every path of `in` through `n`; paths whose next character is
  /// not one known character become items.
  Paths extend(const Node& n, const Paths& in) {
    if (!ok_ || in.empty()) return {};
    if (in.size() > kMaxPaths) return close(in);
    switch (n.kind) {
      case Node::kEmpty:
      case Node::kLineEnd: return in;
      case Node::kLineStart: {
        Paths out;
        for (Path p : in) {
          if (p.lit.empty() && p.cls < 0) p.line_start = true;
          out.insert(std::move(p));
        }
        return out;
      }
      case Node::kSet: return step(n, in);
      case Node::kCat: {
        Paths cur = in;
        for (const Node& k : n.kids) cur = extend(k, cur);
        return cur;
      }
      case Node::kAlt: {
        Paths out;
        for (const Node& k : n.kids) {
          Paths part = extend(k, in);
          out.insert(part.begin(), part.end());
          if (out.size() > kMaxPaths) return close(in);  // covers every extension of `in`
        }
        return out;
      }
      case Node::kRepeat: return repeat(n, in);
    }
    return {};
  }

  /// The paths still open at the end of the pattern become items: the match
  /// may end there, so the next character must not continue a word that the
  /// match ends inside (the engine's boundary check), unless the match ends
  /// on a non-word character.
  void finish(const Paths& open, bool word_boundary) {
    for (const Path& p : open) {
      if (p.cls >= 0) {
        add_class_item(p, every());
        continue;
      }
      if (p.lit.empty()) continue;  // an empty match gives no mention
      if (word_boundary && is_word_char(p.lit.back())) {
        add_item(p, FoldedSet{}, /*nonword=*/true);
      } else {
        add_item(p, every(), false);
      }
    }
  }

  bool ok() const { return ok_; }
  std::vector<StartItem> items() {
    std::vector<StartItem> out;
    for (auto& [key, item] : items_) {
      item.next.finish();
      out.push_back(std::move(item));
    }
    return out;
  }

 private:
  Paths step(const Node& n, const Paths& in) {
    const FoldedSet& s = n.set;
    Paths out;
    char32_t c = 0;
    const bool one = s.single(&c);
    for (const Path& p : in) {
      if (p.cls >= 0) {  // the second character of a class start
        add_class_item(p, n.raw);
        continue;
      }
      const bool word_before = !p.lit.empty() && is_word_char(p.lit.back());
      const bool grows = one && p.lit.size() < kMaxLit &&
                         (p.lit.empty() || (word_before && is_word_char(c)));
      if (grows) {
        Path q = p;
        q.lit += c;
        out.insert(std::move(q));
      } else if (p.lit.empty() && s.all()) {
        add_item(p, s, false);
      } else if (p.lit.empty()) {  // a class starts the match: wait for the second character
        Path q = p;
        q.cls = intern(n);
        out.insert(std::move(q));
      } else {
        add_item(p, s, false);
      }
    }
    return out;
  }

  Paths repeat(const Node& n, const Paths& in) {
    const Node& x = n.kids[0];
    Paths cur = in;
    for (int i = 0; i < n.min && i < kMaxRounds && !cur.empty(); ++i) {
      Paths nxt = extend(x, cur);
      if (nxt == cur) break;  // a nullable body: no new prefixes
      cur = std::move(nxt);
    }
    if (n.max == n.min) return cur;
    Paths result = cur, frontier = cur;
    for (int i = 0; !frontier.empty() && (n.max < 0 || i < n.max - n.min); ++i) {
      if (i == kMaxRounds || result.size() > kMaxPaths) return close(result);
      Paths nxt = extend(x, frontier), fresh;
      for (const Path& p : nxt) {
        if (result.insert(p).second) fresh.insert(p);
      }
      frontier = std::move(fresh);
    }
    return result;
  }

  /// Too many prefixes to follow: each open path becomes an item that admits
  /// anything after what it has read (always sound: every match through the
  /// path starts so).
  Paths close(const Paths& open) {
    for (const Path& p : open) {
      if (p.cls >= 0) {
        add_class_item(p, every());
      } else {
        add_item(p, every(), false);
      }
    }
    return {};
  }

  int intern(const Node& n) {
    for (std::size_t i = 0; i < classes_.size(); ++i) {
      if (classes_[i]->set.members() == n.set.members() && classes_[i]->raw.all() == n.raw.all() &&
          classes_[i]->raw.members() == n.raw.members()) {
        return static_cast<int>(i);
      }
    }
    classes_.push_back(&n);
    return static_cast<int>(classes_.size() - 1);
  }

  /// A class start: the first character in the class (folded and as
  /// written), the second in `second` (as written).
  void add_class_item(const Path& p, const FoldedSet& second) {
    const Node& first = *classes_[static_cast<std::size_t>(p.cls)];
    auto [it, fresh] = items_.try_emplace({p.line_start, p.cls, p.lit});
    StartItem& item = it->second;
    if (fresh) {
      item.line_start = p.line_start;
      item.shaped = true;
      item.first_raw = first.raw;
      item.second_raw = second;
    } else {
      item.second_raw.merge(second);
    }
    item.next.merge(first.set);
    if (items_.size() > kMaxItems) ok_ = false;
  }

  void add_item(const Path& p, const FoldedSet& next, bool nonword) {
    auto [it, fresh] = items_.try_emplace({p.line_start, -1, p.lit});
    StartItem& item = it->second;
    if (fresh) {
      item.lit = p.lit;
      item.line_start = p.line_start;
    }
    item.next.merge(next);
    if (nonword && !item.next.all()) {
      // "Any character that is not a word character, or the end": marked by
      // kEnd; the trigger index reads kEnd as both.
      item.next.add(FoldedSet::kEnd);
      item.next.finish();
    }
    if (items_.size() > kMaxItems) ok_ = false;
  }

  std::map<std::tuple<bool, int, std::u32string>, StartItem> items_;
  std::vector<const Node*> classes_;
  bool ok_ = true;
};

}  // namespace

bool start_items(const std::string& pattern, bool word_boundary, bool case_sensitive,
                 StartSet* out) {
  *out = StartSet{};
  Node root;
  if (!Parser(pattern, case_sensitive).parse(&root)) return false;
  Analysis a;
  Paths start{Path{}};
  Paths open = a.extend(root, start);
  if (!a.ok()) return false;
  a.finish(open, word_boundary);
  if (!a.ok()) return false;
  out->items = a.items();
  out->ends_at_line_end = ends_at_line_end(root);
  return true;
}

}  // namespace vnie::detail
