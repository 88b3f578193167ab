// Organization productions: canonical names, abbreviations and kinds (docs/entities.md).
#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "entities/entities.h"
#include "rules/lexicon.h"
#include "text/unicode.h"

namespace vnie::detail::entities {
namespace {

constexpr std::array<const char*, 4> kH = {"h0", "h1", "h2", "h3"};
constexpr std::array<const char*, 4> kF = {"", "f1", "f2", "f3"};
constexpr std::array<const char*, 4> kN = {"n0", "n1", "n2", "n3"};
constexpr std::array<const char*, 4> kT = {"t0", "t1", "t2", "t3"};
constexpr std::array<const char*, 4> kR = {"r0", "r1", "r2", "r3"};

struct Scope {
  std::string canonical;
  bool generic = false;  // các cấp, cấp trên …
  bool place = false;    // names a place (tỉnh X, Hà Nội, Việt Nam)
};

/// Canonical form of one scope capture.
Scope canonical_scope(const Match& m, std::string_view s) {
  Scope out;
  s = trim(s);
  const std::string low = to_lower(s);
  if (low == "các cấp" || low == "cấp trên" || low == "cấp cơ sở" ||
      low == "cấp trên trực tiếp cơ sở") {
    out.canonical = low;
    out.generic = true;
    return out;
  }
  if (low == "trung ương" || s == "TƯ" || s == "T.Ư" || s == "TW") {
    out.canonical = "Trung ương";
    return out;
  }
  if (s == "VN" || low == "việt nam") {
    out.canonical = "Việt Nam";
    out.place = true;
    return out;
  }
  // TP / TP. / Tp. + province
  for (std::string_view tp : {"T.P.", "T.P", "TP.", "Tp.", "TP", "Tp"}) {
    if (s.size() > tp.size() && s.substr(0, tp.size()) == tp) {
      std::string_view rest = trim(s.substr(tp.size()));
      if (rest.empty()) break;
      const LexEntry* e = find(m, "provinces", rest);
      out.canonical = "thành phố " + (e ? e->canonical : std::string(rest));
      out.place = true;
      return out;
    }
  }
  if (s == "TP" || s == "Tp") {
    out.canonical = "thành phố";
    return out;
  }
  // admin word (+ place)
  for (std::string_view adm : {"thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận",
                               "phường", "xã"}) {
    const std::string lowadm(adm);
    if (low.size() >= lowadm.size() && low.compare(0, lowadm.size(), lowadm) == 0 &&
        (low.size() == lowadm.size() || low[lowadm.size()] == ' ')) {
      std::string_view rest = trim(s.substr(std::min(s.size(), lowadm.size())));
      out.canonical = lowadm;
      if (!rest.empty()) {
        const LexEntry* e = find(m, "provinces", rest);
        out.canonical += ' ';
        out.canonical += e ? e->canonical : squeeze(rest);
        out.place = true;
      }
      return out;
    }
  }
  if (const LexEntry* e = find(m, "provinces", s)) {
    out.canonical = e->canonical;
    out.place = true;
    return out;
  }
  out.canonical = squeeze(s);
  return out;
}

struct Builder {
  std::string canonical;
  std::optional<std::string> abbreviation;
  std::string kind;
  bool want_kind = true;  // the kind is still open (start, or after an inherit head)

  void add(std::string_view piece) {
    if (piece.empty()) return;
    if (!canonical.empty()) canonical += ' ';
    canonical.append(piece);
  }
  void take_kind(const LexEntry* e) {
    if (!want_kind || e == nullptr) return;
    const std::string_view k = e->attr("kind");
    if (!k.empty() && kind.empty()) kind = std::string(k);
    if (e->attr("inherit") == "1") {
      // keep looking for a more specific kind; remember this one as the fallback
      want_kind = true;
      fallback = kind;
      kind.clear();
    } else {
      want_kind = false;
    }
  }
  void note_abbreviation(std::string_view written, std::string_view canonical_form) {
    if (abbreviation || !has_upper_run(written) || written == canonical_form) return;
    abbreviation = std::string(written);
  }
  std::string fallback;
};

/// True when a bare "công đoàn" at [start, end) is a modifier, part of another word, or a
/// member noun ("công đoàn viên").
bool union_word_blocked(const Match& m, std::size_t start, std::size_t end, bool lower,
                        bool has_scope) {
  const std::string_view text = m.document().text;
  const std::string_view next = word_after(text, end);
  if (next == "viên") return true;
  if (!has_scope && preceded_by(m, start, "org_blockers")) return true;
  if (lower && !has_scope) {
    auto w = words_before(text, start, 1);
    if (w.empty()) return true;
    const std::string lw = to_lower(w.back());
    return !(lw == "các" || lw == "những" || lw == "mọi");
  }
  return false;
}

}  // namespace

bool organization(const Match& m, Value* out) {
  const Lexicon& lx = m.lexicon();
  Builder b;
  int slots = 0;
  bool generic_head = false, union_bare = false, union_lower = false, needs_tail = false;
  bool named_bare0 = false;
  for (std::size_t k = 0; k < 4; ++k) {
    if (auto h = m.normalized(kH[k])) {
      const LexEntry* e = lx.lookup("org_heads", *h);
      if (!e) return false;
      if (e->attr("cap") == "1" && !starts_upper(*h)) return false;
      if (k == 0) {
        generic_head = e->attr("generic") == "1";
        needs_tail = e->attr("needs") == "tail";
        union_bare = e->canonical == "Công đoàn";
        union_lower = !starts_upper(*h);
      }
      b.note_abbreviation(*h, e->canonical);
      b.add(e->canonical);
      b.take_kind(e);
      ++slots;
      continue;
    }
    if (k > 0) {
      if (auto f = m.normalized(kF[k])) {
        std::string_view field = trim(*f);
        std::string prefix;
        const std::string low = to_lower(field.substr(0, std::min<std::size_t>(field.size(), 6)));
        if (low.rfind("ngành", 0) == 0 && field.size() > 7) {
          prefix = "ngành ";
          field = trim(field.substr(field.find(' ')));
        }
        const LexEntry* e = lx.lookup("org_fields", field);
        if (e) b.note_abbreviation(field, e->canonical);
        b.add(prefix + (e ? e->canonical : squeeze(field)));
        ++slots;
        continue;
      }
    }
    if (auto n = m.normalized(kN[k])) {
      const LexEntry* e = lx.lookup("org_named_heads", *n);
      if (!e) return false;
      const std::string_view types = trim(m.normalized(kT[k]).value_or(""));
      const std::string_view rest = trim(m.normalized(kR[k]).value_or(""));
      if (!starts_upper(*n) && (e->attr("cap") == "1" || types.empty())) return false;
      if (types.empty() && rest.empty()) {
        if (k == 0) named_bare0 = true;
      }
      b.note_abbreviation(*n, e->canonical);
      std::string piece = e->canonical;
      if (!types.empty()) piece += " " + squeeze(types);
      if (!rest.empty()) piece += " " + squeeze(rest);
      b.add(piece);
      b.take_kind(e);
      ++slots;
      continue;
    }
    break;
  }
  if (slots == 0) return false;

  std::vector<Scope> scopes;
  for (const char* s : {"s1", "s2"}) {
    if (auto sc = m.normalized(s)) scopes.push_back(canonical_scope(m, *sc));
  }
  const bool has_scope = !scopes.empty();
  bool generic_scope_only = true;
  for (const auto& sc : scopes) {
    if (!sc.generic) generic_scope_only = false;
  }
  if (named_bare0 && !has_scope) return false;
  if (needs_tail && slots == 1 && !has_scope) return false;

  // A bare "công đoàn": a modifier or part of a word?
  if (union_bare && slots == 1 && generic_scope_only && has_scope) {
    if (word_after(m.document().text, m.end()) == "viên") return false;
  } else if (union_bare && slots == 1) {
    if (union_word_blocked(m, m.start(), m.end(), union_lower,
                           has_scope && !generic_scope_only)) {
      return false;
    }
    // "CĐ" alone is too ambiguous.
    if (!has_scope && m.normalized("h0") == std::optional<std::string_view>("CĐ") &&
        !m.has("a1") && !m.has("a2")) {
      return false;
    }
  }
  for (const auto& sc : scopes) b.add(sc.canonical);

  OrganizationValue v;
  v.name = std::string(m.whole_normalized());
  const bool generic = slots == 1 && (generic_head || union_bare) && generic_scope_only;
  v.canonical = generic ? to_lower(b.canonical) : b.canonical;
  if (auto a = m.normalized("a1")) {
    v.abbreviation = std::string(*a);
  } else if (auto a2 = m.normalized("a2")) {
    v.abbreviation = std::string(*a2);
  } else {
    v.abbreviation = b.abbreviation;
  }
  v.kind = !b.kind.empty() ? b.kind : (!b.fallback.empty() ? b.fallback : "other");
  *out = std::move(v);
  return true;
}

bool organization_levels(const Match& m, Value* out) {
  OrganizationValue v;
  v.name = std::string(m.whole_normalized());
  v.canonical = "công đoàn các cấp";
  if (auto h = m.normalized("h0"); h && *h == "CĐ") v.abbreviation = "CĐ";
  v.kind = "trade_union";
  *out = std::move(v);
  return true;
}

bool organization_known(const Match& m, Value* out) {
  auto name = m.normalized("name");
  if (!name) return false;
  const LexEntry* e = m.lexicon().lookup("org_names", *name);
  if (!e) return false;
  const std::string_view text = m.document().text;
  if (e->canonical == "Đảng") {
    const std::string_view next = word_after(text, m.end());
    if (next == "viên" || next == "bộ" || next == "ủy" || next == "phí" || next == "đoàn" ||
        next == "uỷ" || next == "tịch" || next == "kỳ") {
      return false;
    }
  }
  OrganizationValue v;
  v.name = std::string(m.whole_normalized());
  v.canonical = e->canonical;
  if (auto a = m.normalized("a1")) {
    v.abbreviation = std::string(*a);
  } else if (has_upper_run(*name) && *name != e->canonical) {
    v.abbreviation = std::string(*name);
  }
  v.kind = std::string(e->attr("kind").empty() ? "other" : e->attr("kind"));
  *out = std::move(v);
  return true;
}

bool organization_abbreviation(const Match& m, Value* out) {
  auto ab = m.normalized("ab");
  if (!ab) return false;
  const auto& earlier = m.earlier();
  // The mentions that start before this match, nearest first; look at most 400 back.
  auto it = std::lower_bound(earlier.begin(), earlier.end(), m.start(),
                             [](const Mention& x, std::size_t pos) { return x.start < pos; });
  std::size_t looked = 0;
  while (it != earlier.begin() && looked++ < 400) {
    --it;
    if (it->type != MentionType::organization || it->end > m.start()) continue;
    const auto* ov = std::get_if<OrganizationValue>(&it->value);
    if (!ov || !ov->abbreviation || *ov->abbreviation != *ab) continue;
    OrganizationValue v;
    v.name = std::string(m.whole_normalized());
    v.canonical = ov->canonical;
    if (auto sc = m.normalized("s1")) {
      const Scope s = canonical_scope(m, *sc);
      const std::string& c = v.canonical;
      if (!(c.size() >= s.canonical.size() &&
            c.compare(c.size() - s.canonical.size(), s.canonical.size(), s.canonical) == 0)) {
        v.canonical += " " + s.canonical;
      }
    }
    v.abbreviation = std::string(*ab);
    v.kind = ov->kind;
    *out = std::move(v);
    return true;
  }
  return false;
}

}  // namespace vnie::detail::entities
