// Organization productions: canonical names, abbreviations and kinds (docs/entities.md).
#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include <cctype>

#include "entities/entities.h"
#include "entities/index.h"
#include "rules/lexicon.h"
#include "text/unicode.h"

namespace vnie::detail::entities {
namespace {

struct Scope {
  std::string canonical;
  bool generic = false;      // các cấp, cấp trên …
  std::size_t place = 0;     // words of a free place name after an admin word ("huyện X Y")
  std::string admin;         // the admin word(s) alone, as canonical, when `place` > 0
};

bool is_admin(const std::string& lw) {
  return lw == "tỉnh" || lw == "huyện" || lw == "quận" || lw == "xã" || lw == "phường" ||
         lw == "vùng";
}
bool is_admin2(const std::string& lw) {  // two-word admin units, and a hospital's region
  return lw == "thành phố" || lw == "thị xã" || lw == "thị trấn" || lw == "khu vực";
}
bool is_tp(std::string_view w) {
  return w == "TP" || w == "TP." || w == "Tp" || w == "Tp." || w == "T.P" || w == "T.P.";
}

using Words = std::vector<std::string_view>;

std::string key_of(const Words& w, std::size_t from, std::size_t to) {
  return index_key(join(w, from, to));
}

/// The longest entry of `idx` starting at word `at`; its length in words, 0 when none.
std::size_t longest(const ListIndex& idx, const Words& w, std::size_t at, const IndexEntry** out) {
  const std::size_t maxn = std::min(idx.max_words(), w.size() - at);
  for (std::size_t n = maxn; n >= 1; --n) {
    if (const IndexEntry* e = idx.find(key_of(w, at, at + n))) {
      *out = e;
      return n;
    }
  }
  return 0;
}

/// A word kept as written, with a standard abbreviation of lists/org_abbreviations.txt
/// expanded ("CSGT" → "Cảnh sát giao thông"); only words with two capitals in a row are looked
/// up, so running text never expands.
std::string expand_word(const EntityIndex& ix, std::string_view word) {
  if (has_upper_run(word)) {
    if (const IndexEntry* e = ix.abbreviations.find(index_key(word))) return e->canonical;
  }
  return std::string(word);
}

/// Words written as an abbreviation take the list entry's expansion (a school level, a legal
/// form, a field: "THPT", "TNHH", "GD&ĐT"); full words keep their written casing.
std::string expanded(std::string_view written, const IndexEntry* e) {
  return has_upper_run(written) && e != nullptr ? e->canonical : std::string(written);
}

bool all_digits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

/// A province at word `at` (longest form), written bare or glued to "TP." ("TP.HCM").
std::size_t province_at(const EntityIndex& ix, const Words& w, std::size_t at,
                        std::string* canonical) {
  const IndexEntry* e = nullptr;
  const std::size_t n = longest(ix.provinces, w, at, &e);
  if (n > 0) *canonical = e->canonical;
  return n;
}

/// Parses one scope starting at word `at`; returns the words used (0 when none).
std::size_t scope_at(const EntityIndex& ix, const Words& w, std::size_t at, Scope* out) {
  const std::size_t n = w.size();
  if (at >= n) return 0;
  const std::string w1 = to_lower(w[at]);
  const std::string w2 = at + 1 < n ? w1 + " " + to_lower(w[at + 1]) : std::string();
  // generic levels
  for (const char* g : {"cấp trên trực tiếp cơ sở", "các cấp", "cấp trên", "cấp cơ sở", "cơ sở"}) {
    const std::string gs(g);
    const std::size_t gw = static_cast<std::size_t>(std::count(gs.begin(), gs.end(), ' ')) + 1;
    if (at + gw <= n && key_of(w, at, at + gw) == gs) {
      out->canonical = gs == "cấp cơ sở" ? "cơ sở" : gs;  // "công đoàn cấp cơ sở"
      out->generic = true;
      return gw;
    }
  }
  if (w1 == "trung ương" || w[at] == "TƯ" || w[at] == "T.Ư" || w[at] == "TW" || w2 == "trung ương") {
    out->canonical = "Trung ương";
    return w2 == "trung ương" ? 2 : 1;
  }
  if (w[at] == "VN" || w2 == "việt nam") {
    out->canonical = "Việt Nam";
    return w[at] == "VN" ? 1 : 2;
  }
  if (w2 == "chi nhánh") {
    out->canonical = "chi nhánh";
    return 2;
  }
  if (w2 == "thủ đô") {
    out->canonical = "Thủ đô";
    return 2;
  }
  // TP / TP. + province, or glued: TP.HCM
  for (std::string_view tp : {"T.P.", "TP.", "Tp.", "T.P", "TP", "Tp"}) {
    if (w[at].size() > tp.size() && w[at].substr(0, tp.size()) == tp) {
      std::string c;
      Words glued = {w[at].substr(tp.size())};
      for (std::size_t k = at + 1; k < n; ++k) glued.push_back(w[k]);
      const std::size_t pn = province_at(ix, glued, 0, &c);
      if (pn > 0) {
        out->canonical = "Thành phố " + c;
        return pn;
      }
    }
  }
  // "Q.Bình Thạnh", "Q. 1", "P.5", "TX.Sơn Tây": quận, phường, thị xã abbreviated
  for (const auto& [ab, full] : {std::pair<std::string_view, std::string_view>{"Q.", "quận"},
                                 {"P.", "phường"}, {"TX.", "thị xã"}}) {
    if (w[at].substr(0, ab.size()) != ab) continue;
    std::string place(w[at].substr(ab.size()));
    std::size_t k = at + 1;
    while (k < n && k < at + 3 && (starts_upper(w[k]) || std::isdigit(static_cast<unsigned char>(w[k][0])))) {
      if (!place.empty()) place += ' ';
      place.append(w[k]);
      ++k;
    }
    if (place.empty()) break;
    out->canonical = std::string(full) + " " + place;
    return k - at;
  }
  std::size_t used = 0;
  if (is_tp(w[at])) {
    out->canonical = "Thành phố";
    used = 1;
  } else if (is_admin2(w2)) {
    out->canonical = w2;
    used = 2;
  } else if (is_admin(w1)) {
    out->canonical = w1;
    used = 1;
  }
  if (used > 0) {
    std::string c;
    const std::size_t pn = at + used < n ? province_at(ix, w, at + used, &c) : 0;
    if (pn > 0) {
      out->canonical += " " + c;
      return used + pn;
    }
    // a place name: capitalized words or a number, up to the next scope word
    std::size_t k = at + used;
    std::string place;
    while (k < n && k < at + used + 3 && (starts_upper(w[k]) || std::isdigit(static_cast<unsigned char>(w[k][0]))) &&
           !is_tp(w[k])) {
      const std::string lk = to_lower(w[k]);
      if (is_admin(lk) || lk == "tỉnh") break;
      if (!place.empty()) place += ' ';
      place.append(w[k]);
      ++k;
    }
    if (!place.empty()) {
      out->admin = out->canonical;
      out->place = k - at - used;
      out->canonical += " " + place;
    }
    return k - at;
  }
  std::string c;
  const std::size_t pn = province_at(ix, w, at, &c);
  if (pn > 0) {
    out->canonical = c;
    return pn;
  }
  return 0;
}

/// True when [start, end) ends a quoted title that began with other words on the same line
/// ("“Chuyến xe Công đoàn”", "\"Mái ấm Công đoàn\""): the word is part of the title. A quoted
/// sentence that goes on ("“Khi gia nhập Công đoàn (CĐ), …") is not a title.
bool inside_quoted_title(std::string_view text, std::size_t start, std::size_t end) {
  std::size_t after = end;
  while (after < text.size() && text[after] == ' ') ++after;
  const std::string_view rest = text.substr(after);
  if (!(rest.starts_with("\xE2\x80\x9D") || rest.starts_with("\""))) return false;
  std::size_t line = text.rfind('\n', start == 0 ? 0 : start - 1);
  line = line == std::string_view::npos ? 0 : line + 1;
  const std::string_view before = text.substr(line, start - line);
  const std::size_t open = before.rfind("\xE2\x80\x9C");  // “
  if (open != std::string_view::npos && before.find("\xE2\x80\x9D", open) == std::string_view::npos) {
    return before.find_first_not_of(' ', open + 3) != std::string_view::npos;
  }
  std::size_t quotes = 0, last = std::string_view::npos;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before[i] == '"') {
      ++quotes;
      last = i;
    }
  }
  if (quotes % 2 == 1) return before.find_first_not_of(' ', last + 1) != std::string_view::npos;
  return false;
}

/// True when a bare "công đoàn" at [start, end) is a modifier, part of another word, or a
/// member noun ("công đoàn viên").
bool union_word_blocked(const Match& m, std::size_t start, std::size_t end, bool lower,
                        bool has_scope) {
  const std::string_view text = m.document().text;
  const std::string_view next = word_after(text, end);
  if (next == "viên") return true;
  if (!has_scope && preceded_by(m, start, "org_blockers")) return true;
  // right after a capitalized word: the end of another name ("Quỹ Xã hội Công đoàn", "Chợ Tết
  // Công đoàn", "Chuyến xe Công đoàn")
  if (!has_scope && !lower) {
    auto w = words_before(text, start, 1);
    if (!w.empty() && starts_upper(w.back()) && start > 0 && text[start - 1] == ' ') return true;
    if (inside_quoted_title(text, start, m.end())) return true;
  }
  if (lower && !has_scope) {
    auto w = words_before(text, start, 1);
    if (w.empty()) return true;
    const std::string lw = to_lower(w.back());
    return !(lw == "các" || lw == "những" || lw == "mọi");
  }
  return false;
}

/// True when the match is a photo credit or byline: alone on its line or after a dash that
/// ends it ("Khánh Anh - Trường Thịnh"): a given name that looks like a named head and a name.
bool is_byline(const Match& m) {
  const std::string_view text = m.document().text;
  std::size_t e = m.end();
  while (e < text.size() && (text[e] == ' ' || text[e] == '\r')) ++e;
  if (e < text.size() && text[e] != '\n') return false;
  std::size_t b = m.start();
  while (b > 0 && text[b - 1] == ' ') --b;
  if (b == 0 || text[b - 1] == '\n') return true;
  const std::string_view before = text.substr(0, b);
  return before.ends_with("-") || before.ends_with("\xE2\x80\x93");  // - or –
}

/// True when a title of lists/titles.txt ends right before the match ("Phó Chủ tịch UBND …").
bool titled_before(const Match& m) {
  auto w = words_before(m.document().text, m.start(), 6);
  for (std::size_t len = std::min<std::size_t>(6, w.size()); len >= 1; --len) {
    if (find(m, "titles", join(w, w.size() - len, w.size()))) return true;
  }
  return false;
}

/// "Phó Chủ tịch UBND huyện Trần Văn Bình": after a title, a full name where the free place
/// of the last scope `sc` would be (its three words end `w`: a family name and two capitalized
/// words, maybe a fourth after the match; not a place of person_not_names) is the person the
/// title names. *cut: where in `whole` the organization then ends (before the name).
bool place_is_titled_person(const Match& m, const Words& w, const Scope& sc,
                            std::string_view whole, std::size_t* cut) {
  const std::size_t n = w.size();
  // the place's three words end `w`, or a fourth capitalized word of the name follows them
  const std::size_t from = n >= 4 && !sc.canonical.ends_with(w[n - 1]) ? n - 4 : n - 3;
  if (sc.place != 3 || n < 3 || find(m, "person_surnames", w[from]) == nullptr) return false;
  const std::string name = join(w, from, n);
  if (find(m, "person_not_names", name) || find(m, "provinces", name) || !titled_before(m)) {
    return false;
  }
  const std::string tail = " " + name;
  if (whole.size() <= tail.size() || !whole.ends_with(tail)) return false;
  *cut = whole.size() - tail.size();
  return true;
}

/// True when the words kept as written, from `from` on, run into a person's name: a family
/// name followed by two capitalized words, inside the span or just after it ("Công đoàn BIDV
/// Lê Văn An", "KCN VSIP Nguyễn Văn An"). Two syllables are not enough: "KCN Đồng Văn".
bool runs_into_person(const Match& m, const Words& w, std::size_t from) {
  const std::string_view text = m.document().text;
  std::vector<std::string_view> after;
  std::size_t p = m.end();
  for (int k = 0; k < 3; ++k) {
    const std::string_view nx = word_after(text, p);
    if (nx.empty()) break;
    after.push_back(nx);
    p = static_cast<std::size_t>(nx.data() - text.data()) + nx.size();
  }
  auto word = [&](std::size_t i) -> std::string_view {
    if (i < w.size()) return w[i];
    const std::size_t j = i - w.size();
    return j < after.size() ? after[j] : std::string_view();
  };
  for (std::size_t i = std::max<std::size_t>(from, 1); i < w.size(); ++i) {
    if (!starts_upper(w[i]) || find(m, "person_surnames", w[i]) == nullptr) continue;
    const std::string_view a = word(i + 1), b = word(i + 2);
    if (!a.empty() && !b.empty() && starts_upper(a) && starts_upper(b) && !has_upper_run(a) &&
        !has_upper_run(b)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool organization(const Match& m, Value* out) {
  const auto ixp = entity_index(m.lexicon());
  const EntityIndex& ix = *ixp;
  const std::string_view whole = m.whole_normalized();

  // Abbreviations in brackets: "(CĐVC)"; the rest is parsed word by word.
  std::optional<std::string> bracket;
  std::string plain;
  for (std::size_t i = 0; i < whole.size();) {
    if (whole[i] == '(') {
      const std::size_t close = whole.find(')', i);
      if (close == std::string_view::npos) return false;
      if (!bracket) bracket = std::string(trim(whole.substr(i + 1, close - i - 1)));
      i = close + 1;
      continue;
    }
    plain += whole[i++];
  }
  const std::vector<std::string_view> w = split_words(plain);
  const std::size_t n = w.size();
  if (n == 0) return false;

  std::string canonical, kind, fallback;
  std::optional<std::string> abbreviation;
  bool want_kind = true;
  auto add = [&](std::string_view piece) {
    if (piece.empty()) return;
    if (!canonical.empty()) canonical += ' ';
    canonical.append(piece);
  };
  auto take_kind = [&](const IndexEntry* e) {
    if (!want_kind || e == nullptr) return;
    if (e->inherit) {
      if (fallback.empty()) fallback = e->kind;
      return;
    }
    if (!e->kind.empty()) {
      kind = e->kind;
      want_kind = false;
    }
  };
  auto note_abbr = [&](std::string_view written, const std::string& canon) {
    if (abbreviation || !has_upper_run(written) || written == canon) return;
    abbreviation = std::string(written);
  };

  std::size_t pos = 0, slots = 0;
  bool generic_head = false, union_bare = false, union_lower = false, needs_tail = false,
       named_bare0 = false;
  std::string kind_alone;
  while (pos < n) {
    const IndexEntry* e = nullptr;
    std::size_t len = longest(ix.heads, w, pos, &e);
    if (len > 0) {
      const std::string written = join(w, pos, pos + len);
      if (slots == 0) {
        generic_head = e->generic;
        needs_tail = e->needs_tail || (e->needs_tail_lower && !starts_upper(w[pos]));
        kind_alone = e->kind_alone;
        union_bare = e->canonical == "Công đoàn";
        union_lower = !starts_upper(w[pos]);
      }
      note_abbr(written, e->canonical);
      add(e->canonical);
      take_kind(e);
      pos += len;
      ++slots;
      continue;
    }
    len = longest(ix.named, w, pos, &e);
    if (len > 0 && !(slots > 0 && pos + len < n && ix.fields.find(key_of(w, pos, pos + len)) &&
                     !starts_upper(w[pos + len]))) {
      const bool lower = !starts_upper(w[pos]);
      std::string piece = e->canonical;
      note_abbr(join(w, pos, pos + len), e->canonical);
      take_kind(e);
      std::size_t k = pos + len;
      std::size_t types = 0;
      for (;;) {
        const IndexEntry* t = nullptr;
        const std::size_t tl = k < n ? longest(ix.types, w, k, &t) : 0;
        if (tl == 0) break;
        piece += " " + (t->keep_written ? join(w, k, k + tl) : t->canonical);
        k += tl;
        ++types;
      }
      if (lower && types == 0 && slots == 0 && !e->lower_ok) return false;
      // the proper name: up to the first scope word
      std::size_t rest = 0;
      while (k < n) {
        Scope probe;
        if (!starts_upper(w[k]) && scope_at(ix, w, k, &probe) > 0) break;
        if (is_tp(w[k]) || w[k].rfind("TP.", 0) == 0) break;
        const IndexEntry* f = nullptr;
        std::size_t step = longest(ix.fields, w, k, &f);
        if (step > 0) {
          piece += " " + expanded(join(w, k, k + step), f);
        } else {
          if (!starts_upper(w[k]) && ix.bridge_stops.find(index_key(w[k]))) return false;
          // a number belongs to the name after "số" ("Trường THCS số 2 Nam Lý") or when no
          // lower-case word goes on after it ("Bệnh viện Nhi Đồng 1", not "Công ty X 3 năm")
          if (all_digits(w[k]) && k + 1 == n && m.end() + 1 < m.document().text.size() &&
              (m.document().text[m.end()] == '.' || m.document().text[m.end()] == ',') &&
              std::isdigit(static_cast<unsigned char>(m.document().text[m.end() + 1])) != 0) {
            return false;  // part of a longer figure: "THPT 2.698 lớp"
          }
          if (all_digits(w[k]) && k > 0 && to_lower(w[k - 1]) != "số") {
            const std::string_view next =
                k + 1 < n ? w[k + 1] : word_after(m.document().text, m.end());
            if (!next.empty() && !starts_upper(next) && !all_digits(next) &&
                !ix.bridge_stops.find(index_key(next))) {
              return false;
            }
          }
          step = 1;
          piece += " " + expand_word(ix, w[k]);
        }
        k += step;
        ++rest;
      }
      // a named head with no name is a common noun ("Công ty", "trường đại học", "Trường THPT")
      if (rest == 0 && slots == 0) named_bare0 = true;
      // tail=strict: a one-word name that runs on in lower case is a name in sentence case
      // the grammar cannot end ("Hiệp hội An toàn thông tin", "Tạp chí Vật lý thiên văn")
      if (e->tail_strict && rest == 1 && k == n) {
        const std::string_view next = word_after(m.document().text, m.end());
        if (!next.empty() && m.document().text[m.end()] == ' ' && !starts_upper(next) &&
            !all_digits(next) && !ix.bridge_stops.find(index_key(next))) {
          return false;
        }
      }
      if (types == 0 && rest == 1 && slots == 0 && k == n && is_byline(m)) return false;
      // a lower-case school head with no name after another head ("Công đoàn trường", "Công
      // đoàn nhà trường": the union of the school just mentioned) is kept as written when its
      // entry says bare=lower ("Công đoàn công ty" keeps "Công ty")
      // "cán bộ công đoàn trường học", "78 CĐCS trường học": the common noun "trường học"
      if (lower && types == 0 && rest == 0 && k == n &&
          to_lower(word_after(m.document().text, m.end())) == "học") {
        return false;
      }
      if (lower && types == 0 && rest == 0 && slots > 0 && e->bare_lower) {
        piece = to_lower(join(w, pos, pos + len));
      }
      add(piece);
      pos = k;
      ++slots;
      continue;
    }
    if (slots > 0) {
      const bool nganh = to_lower(w[pos]) == "ngành";
      const std::size_t at = nganh ? pos + 1 : pos;
      if (at < n) {
        len = longest(ix.fields, w, at, &e);
        if (len > 0) {
          const std::string written = join(w, at, at + len);
          note_abbr(written, e->canonical);
          add((nganh ? "ngành " : "") + e->canonical);
          pos = at + len;
          ++slots;
          continue;
        }
        if (nganh && starts_upper(w[at])) {  // ngành + a capitalized name
          std::size_t k = at;
          while (k < n && k < at + 2 && starts_upper(w[k])) ++k;
          add("ngành " + join(w, at, k));
          pos = k;
          ++slots;
          continue;
        }
      }
    }
    break;
  }
  if (slots == 0) return false;

  std::vector<Scope> scopes;
  std::size_t first_unknown = n;
  while (pos < n) {
    Scope sc;
    std::size_t used = scope_at(ix, w, pos, &sc);
    if (used == 0) {  // a word the parser does not know: kept as written
      if (first_unknown == n) first_unknown = pos;
      sc.canonical = expand_word(ix, w[pos]);
      used = 1;
    }
    scopes.push_back(std::move(sc));
    pos += used;
  }
  // "Phó Chủ tịch UBND huyện Trần Văn Bình": after a title, a full name where a place would
  // be (a family name and two capitalized words, not a place of person_not_names) is the
  // person the title names, not the place: the organization ends at the admin word.
  std::size_t cut = 0;
  if (!scopes.empty() && first_unknown == n && n > 3 &&
      place_is_titled_person(m, w, scopes.back(), whole, &cut)) {
    scopes.back().canonical = scopes.back().admin;
  } else if (scopes.size() >= 2 && first_unknown == n - 1 && n > 4 && starts_upper(w[n - 1]) &&
             place_is_titled_person(m, w, scopes[scopes.size() - 2], whole, &cut)) {
    scopes.pop_back();  // "… UBND huyện Lê Thị Thu Hà": the fourth word of the name
    scopes.back().canonical = scopes.back().admin;
    first_unknown = n;
  }
  const bool has_scope = !scopes.empty();
  bool generic_scope_only = true;
  for (const auto& sc : scopes) {
    if (!sc.generic) generic_scope_only = false;
  }
  if (named_bare0 && !has_scope) return false;
  if (needs_tail && slots == 1 && !has_scope) return false;

  if (union_bare && slots == 1 && generic_scope_only && has_scope) {
    if (word_after(m.document().text, m.end()) == "viên") return false;
  } else if (union_bare && slots == 1) {
    if (union_word_blocked(m, m.start(), m.end(), union_lower, has_scope && !generic_scope_only)) {
      return false;
    }
    if (!has_scope && w[0] == "CĐ" && !bracket) return false;  // "CĐ" alone is ambiguous
  }
  for (const auto& sc : scopes) add(sc.canonical);

  OrganizationValue v;
  v.name = std::string(whole.substr(0, cut > 0 ? cut : whole.size()));
  if (cut > 0) m.end_mention_at(m.start() + cut);
  const bool generic = slots == 1 && (generic_head || union_bare) && generic_scope_only;
  if (cut == 0 && runs_into_person(m, w, first_unknown)) return false;
  v.canonical = generic ? to_lower(canonical) : canonical;
  v.abbreviation = bracket ? bracket : abbreviation;
  if (kind.empty() && slots == 1 && !has_scope && !kind_alone.empty()) {
    kind = kind_alone;
  }
  v.kind = !kind.empty() ? kind : (!fallback.empty() ? fallback : "other");
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
  if (e->canonical == "Chủ tịch nước" || e->canonical == "Thủ tướng Chính phủ") {
    // "Phó Chủ tịch nước X", "Phó Thủ tướng Chính phủ X": a title, not the office.
    auto w = words_before(text, m.start(), 1);
    if (!w.empty() && to_lower(w.back()) == "phó") return false;
  }
  if (e->canonical == "Đảng") {
    const std::string_view next = word_after(text, m.end());
    if (next == "viên" || next == "bộ" || next == "ủy" || next == "phí" || next == "đoàn" ||
        next == "uỷ" || next == "tịch" || next == "kỳ") {
      return false;
    }
  }
  if (e->attr("brand") == "1" && m.end() < text.size() && text[m.end()] == ' ' &&
      starts_upper(word_after(text, m.end()))) {
    return false;  // a product or a longer name: "VinFast LuxA", "Viettel Telecom"
  }
  if (e->attr("brand") == "1" && preceded_by(m, m.start(), "org_brand_blockers")) {
    return false;  // a team named after its company: "đội Samsung thắng 2-1"
  }
  // an acronym whose expansion the document wrote before it ("Liên đoàn Bóng đá châu Âu
  // (UEFA) … UEFA"): org.learned_abbreviation gives it that expansion (3,000 bytes back)
  if (has_upper_run(*name) && *name == e->canonical) {
    const std::size_t from = m.start() > 3000 ? m.start() - 3000 : 0;
    const std::string bracketed = "(" + std::string(*name) + ")";
    if (text.substr(from, m.start() - from).find(bracketed) != std::string_view::npos) return false;
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
      const Words sw = split_words(*sc);
      Scope s;
      if (sw.empty() || scope_at(*entity_index(m.lexicon()), sw, 0, &s) == 0) return false;
      const std::string_view whole = m.whole_normalized();
      std::size_t cut = 0;
      if (place_is_titled_person(m, sw, s, whole, &cut)) {  // "Chủ tịch UBND xã Phạm Văn Hùng"
        s.canonical = s.admin;
        v.name = std::string(whole.substr(0, cut));
        m.end_mention_at(m.start() + cut);
      }
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

namespace vnie::detail::entities {
namespace {

/// A word that is not a Vietnamese syllable: ASCII letters only and longer than any syllable
/// ("Techcombank", "Vietcombank"), or with a letter Vietnamese does not use ("Hepza").
bool foreign_word(std::string_view w) {
  bool ascii = true, odd_letter = false;
  for (const char c : w) {
    if (!std::isalpha(static_cast<unsigned char>(c))) ascii = false;
    const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == 'f' || l == 'j' || l == 'w' || l == 'z') odd_letter = true;
  }
  return ascii && (w.size() >= 8 || odd_letter);
}

/// True when a scope, a head or a named body starts at word `at`: a name
/// that org.name's grammar reads, not a name kept as written.
bool grammar_word_at(const EntityIndex& ix, const Words& w, std::size_t at) {
  Scope sc;
  const IndexEntry* e = nullptr;
  return scope_at(ix, w, at, &sc) > 0 || longest(ix.heads, w, at, &e) > 0 ||
         longest(ix.named, w, at, &e) > 0;
}

bool has_digit(std::string_view w) {
  for (const char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

/// An ASCII word shaped like a brand, not like a Vietnamese syllable written without tone
/// marks: CamelCase ("TPBank", "VinFast"), ALL CAPS with two letters or more ("LG", "FPT"),
/// or two vowel groups apart ("Samsung", "Honda", "Apple"; "Thanh", "Nguyen" are one syllable).
bool brand_shaped(std::string_view w) {
  if (w.size() < 2 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  std::size_t upper = 0, groups = 0;
  bool camel = false, in_vowel = false, prev_lower = false;
  for (const char c : w) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '&' || c == '-')) return false;  // a letter with a tone mark
    if (std::isupper(u)) {
      ++upper;
      if (prev_lower) camel = true;
    }
    prev_lower = std::islower(u) != 0;
    const char l = static_cast<char>(std::tolower(u));
    const bool vowel = l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y';
    if (vowel && !in_vowel) ++groups;
    in_vowel = vowel;
  }
  const auto letters = static_cast<std::size_t>(std::count_if(
      w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }));
  const bool caps = upper >= 2 && upper == letters;
  return camel || caps || groups >= 2 || foreign_word(w);
}

}  // namespace

/// org.brand: a brand after a lower-case company noun ("hãng Samsung", "tập đoàn Vingroup");
/// the mention is the brand alone, canonical as written.
bool organization_brand(const Match& m, Value* out) {
  const auto b = m.normalized("b");
  if (!b) return false;
  const std::string_view first = *b;
  if (!brand_shaped(first) || find(m, "org_brand_stops", first) != nullptr) return false;
  const auto ix = entity_index(m.lexicon());
  const IndexEntry* e = nullptr;
  const Words bw = {first};
  // a legal form, a school level, a head or a known abbreviation: org.name's, or no name
  if (longest(ix->types, bw, 0, &e) > 0 || longest(ix->heads, bw, 0, &e) > 0 ||
      longest(ix->named, bw, 0, &e) > 0 || longest(ix->fields, bw, 0, &e) > 0 ||
      ix->abbreviations.find(index_key(first)) != nullptr) {
    return false;
  }
  const auto raw = m.get("b");
  if (!raw) return false;
  m.start_mention_at(m.start() + static_cast<std::size_t>(raw->data() - m.whole().data()));
  OrganizationValue v;
  const std::string_view whole = m.whole_normalized();
  std::string_view name = *b;
  if (m.has("vn")) {
    name = whole.substr(static_cast<std::size_t>(b->data() - whole.data()));
  } else if (const auto b2 = m.normalized("b2")) {
    // a second word of the brand: ASCII letters ("JP Morgan"); else the name ends before it
    const bool ascii = std::all_of(b2->begin(), b2->end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '&' || c == '-';
    });
    if (ascii) {
      name = whole.substr(static_cast<std::size_t>(b->data() - whole.data()));
    } else {
      const auto raw_end = static_cast<std::size_t>(raw->data() - m.whole().data()) + raw->size();
      m.end_mention_at(m.start() + raw_end);
    }
  }
  v.canonical = std::string(name);
  v.name = std::string(name);
  v.kind = "enterprise";
  *out = std::move(v);
  return true;
}

bool organization_union_named(const Match& m, Value* out) {
  const std::string_view whole = m.whole_normalized();
  const Words w = split_words(whole);
  const auto ix = entity_index(m.lexicon());
  const IndexEntry* he = nullptr;
  const std::size_t head = longest(ix->heads, w, 0, &he);  // Công đoàn, CĐ, công đoàn cơ sở, CĐCS
  if (head == 0 || w.size() <= head) return false;
  const std::string_view first = w[head];
  if (grammar_word_at(*ix, w, head)) return false;  // a place, scope or head: org.name's
  for (std::size_t i = head; i < w.size(); ++i) {  // "Công đoàn Việt Nam 2013": a year
    if (w[i].size() >= 4 && std::all_of(w[i].begin(), w[i].end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
      return false;
    }
  }
  std::size_t caps = 0;
  for (std::size_t i = head; i < w.size(); ++i) {
    if (starts_upper(w[i]) || has_digit(w[i])) ++caps;  // "Cienco 4"
  }
  // One ordinary capitalized syllable is the start of a longer name written partly in lower
  // case ("Công đoàn Điện lực"), or of a sentence.
  if (!(has_upper_run(first) || has_digit(first) || foreign_word(first) || caps >= 2)) return false;
  if (!organization(m, out)) return false;
  auto* v = std::get_if<OrganizationValue>(out);
  if (v == nullptr) return false;
  // organization() lower-cases generic names; a named union keeps the official casing.
  if (!v->canonical.empty() && v->canonical.rfind("công đoàn", 0) == 0) {
    v->canonical.replace(0, std::string_view("công đoàn").size(), "Công đoàn");
  }
  return true;
}

bool organization_place_tail(const Match& m, Value* out) {
  const std::string_view whole = m.whole_normalized();
  const Words w = split_words(whole);
  const auto ix = entity_index(m.lexicon());
  const IndexEntry* e = nullptr;
  const std::size_t head = longest(ix->heads, w, 0, &e);
  if (head == 0 || w.size() <= head) return false;
  if (grammar_word_at(*ix, w, head)) return false;  // "Thành ủy TP.HCM", "Huyện ủy Đảng …"
  // the place itself is a person's name ("Bí thư Huyện ủy Nguyễn Văn An")
  if (find(m, "person_surnames", w[head]) != nullptr) {
    const std::string_view next = head + 1 < w.size() ? w[head + 1] : word_after(m.document().text, m.end());
    if (!next.empty() && starts_upper(next)) return false;
  }
  if (runs_into_person(m, w, head)) return false;
  return organization(m, out);
}

}  // namespace vnie::detail::entities
