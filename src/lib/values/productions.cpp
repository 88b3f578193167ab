// Value productions: numbers and figures, percentages, money, ordinals
// (this file); dates, times and ranges (dates.cpp). docs/values.md describes
// the conventions; rules/values/*.rules the patterns.
#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include "extract/production.h"
#include "extract/resolve.h"
#include "rules/lexicon.h"
#include "values/context.h"
#include "values/parse.h"
#include "text/unicode.h"
#include "values/productions_internal.h"

namespace vnie::detail {
namespace values {

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_letter(char32_t c) { return is_word_char(c) && !is_ascii_digit(c); }

namespace {

/// True when [s, e) of `t` lies in a phone number written in groups: three or more groups of
/// digits separated by one space or dot, the first starting with 0 ("084 7575 333",
/// "(028) 7308 3333", "0917 61 2020"), 9 to 12 digits in all. Thousands written with spaces
/// ("1 234 567") have fewer digits or do not start with 0.
bool in_phone_number(std::string_view t, std::size_t s, std::size_t e) {
  auto digit = [&](std::size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
  // a separator joins two digits: one space or dot, or ") " after an area code "(028) "
  auto joins = [&](std::size_t i) {  // t[i] is a separator with digits around it
    if (t[i] == ' ' || t[i] == '.') return i > 0 && (digit(i - 1) || t[i - 1] == ')') && digit(i + 1);
    return t[i] == ')' && i > 0 && digit(i - 1) && i + 2 < t.size() && t[i + 1] == ' ' &&
           digit(i + 2);
  };
  for (std::size_t i = s; i < e; ++i) {
    if (!digit(i) && !joins(i)) return false;  // the match is more than digit groups
  }
  std::size_t a = s, b = e;
  while (a > 0 && (digit(a - 1) || joins(a - 1))) --a;
  while (b < t.size() && (digit(b) || joins(b))) ++b;
  const bool area_code = a > 0 && t[a - 1] == '(';
  std::size_t digits = 0, groups = 0;
  for (std::size_t i = a; i < b; ++i) {
    if (!digit(i)) continue;
    ++digits;
    if (i == a || !digit(i - 1)) ++groups;
  }
  return groups >= 3 && digits >= 9 && digits <= 12 && (t[a] == '0' || area_code);
}

}  // namespace

/// A number glued to a code, score, phone number or ratio: "1234/QĐ",
/// "15/2003/QH11", "COVID-19", "2-1", "0912.345.678", "084 7575 333", "1:1000"; or the
/// tail of another number (",5" of "2-2,5").
bool glued(const Match& m) {
  const auto t = view_text(m);
  const std::size_t s = m.start(), e = m.end();
  if (in_phone_number(t, s, e)) return true;
  if (s > 0 && is_ascii_digit(static_cast<unsigned char>(t[s - 1]))) return true;
  if (s > 0) {
    const char b = t[s - 1];
    if (b == '/' || b == ':' || b == '\\' || b == '_') return true;
    if ((b == '.' || b == ',') && s > 1 && is_ascii_digit(static_cast<unsigned char>(t[s - 2]))) {
      return true;
    }
    if (b == '-' || b == '+') {
      std::size_t k = s - 1;
      if (k > 0 && t[k - 1] == ' ') --k;  // "covd -19"
      if (k > 0 && is_word_char(decode_before(t, k))) return true;
    }
  }
  if (e < t.size()) {
    const char a = t[e];
    const char a2 = e + 1 < t.size() ? t[e + 1] : '\0';
    if (a == '/' || a == '_' || a == '\\') return true;
    // A colon then a digit is a clock time, score or ratio ("2:1"); a colon
    // then a space is punctuation ("Ngày 20/11/2023: …", "4 chuyên đề: …").
    if ((a == '.' || a == ',' || a == '-' || a == ':') &&
        is_ascii_digit(static_cast<unsigned char>(a2))) {
      return true;
    }
  }
  return false;
}

bool noun_word(const Lexicon& lex, std::string_view word, bool first) {
  std::size_t len = 0;
  if (word.empty() || !is_letter(decode_at(word, 0, len)) || starts_upper(word)) return false;
  // a function word ends the noun, except, first, one marked noun=yes ("2 bên", "3 bước")
  const LexEntry* stop = lex.lookup_exact("counted_noun_stops", word);
  return !stop || (first && stop->attr("noun") == "yes");
}

namespace {

constexpr std::string_view kArticleLike[] = {"hàng", "vài", "mấy", "nhiều", "các", "những",
                                             "mỗi", "từng", "bao", "hằng"};

bool starts_with_scale(std::string_view num) {
  const std::string w = lower(num.substr(0, num.find(' ')));
  return w == "trăm" || w == "nghìn" || w == "ngàn" || w == "triệu" || w == "tỷ" ||
         w == "tỉ" || w == "vạn" || w == "chục";
}

bool preceded_by_vague(const Match& m) {
  const std::string w = lower(word_before(view_text(m), m.start()));
  for (auto a : kArticleLike) {
    if (w == a) return true;
  }
  return false;
}

/// Numbers written with digits (and scale words): "4.609", "13,5", "3 triệu
/// 500 nghìn", "100K", "âm 1.200.000"; and multi-word number words.
bool number(const Match& m, Value* out) {
  auto num = first_of(m, {"num", "numw", "alone"});
  if (!num) return false;
  NumberInfo info;
  if (!parse_number_info(*num, &info)) return false;
  if (!m.has("neg") && glued(m)) return false;
  if (m.has("numw")) {
    // Number words in running text: at least two words ("hai mươi", "năm
    // nghìn"), not "hàng trăm nghìn" nor a number that begins with a scale.
    if (info.tokens < 2) return false;
    if (starts_with_scale(*num) && !whole_line(m)) return false;
    if (preceded_by_vague(m)) return false;
  }
  NumberValue v;
  v.value = m.has("neg") ? -info.value : info.value;
  *out = v;
  return true;
}

bool is_time_noun(std::string_view unit_lower) {
  return unit_lower == "ngày" || unit_lower == "tháng" || unit_lower == "năm" ||
         unit_lower == "tuần" || unit_lower == "giờ" || unit_lower == "tiếng" ||
         unit_lower == "phút";
}

/// True when the number `num` of a match stands apart from the text around it: not
/// glued to a code or score (glued()) when the match has no qualifier, preceded by a
/// blank when it has one ("hơn 20 người", not "hơn-20").
bool stands_apart(const Match& m, std::string_view num) {
  if (!m.has("qual")) return !glued(m);
  const auto t = view_text(m);
  const auto num_start = static_cast<std::size_t>(num.data() - t.data());
  return num_start == 0 || t[num_start - 1] == ' ';
}

/// A number with the noun it counts: "542 người", "27 suất quà", "gần 800
/// CBCCVC", "hai mươi năm".
bool figure(const Match& m, Value* out) {
  auto num = m.get("num");
  auto unit = m.normalized("unit");
  if (!num || !unit) return false;
  // "học sinh lớp 12 Trường THPT X": a grade, then the name of a school.
  {
    const std::string before = lower(word_before(view_text(m), m.start()));
    if ((before == "lớp" || before == "khối") && starts_upper(*unit)) return false;
  }
  NumberInfo info;
  if (!parse_number_info(*num, &info)) return false;
  if (!stands_apart(m, *num)) return false;
  const std::string u = lower(*unit);
  if (info.has_words) {
    const std::string first = lower(num->substr(0, num->find(' ')));
    if (info.bare_word && first == "một") return false;  // "một người": an article
    if (info.bare_word && first == "năm" && is_time_noun(u)) return false;
    if (starts_with_scale(*num) || preceded_by_vague(m)) return false;
  }
  if (is_time_noun(u)) {
    // "2 ngày 13 và 14-7": the noun starts a date, not a duration.
    const auto after = word_after(view_text(m), m.end());
    if (!after.empty() && is_ascii_digit(static_cast<unsigned char>(after[0]))) return false;
  }
  NumberValue v;
  v.value = info.value;
  v.unit = std::string(*unit);
  v.qualifier = qualifier_of(m, "qual");
  *out = v;
  return true;
}

namespace {

/// True when a value accepted in an earlier stage overlaps [start, end), other than a
/// bare number inside [start, num_end) (the number this phrase counts with), or an award does
/// ("3 huân chương lao động": awards are counted by a bare number, as in the corpus)
/// unless `medal` (a sports medal with its rank, "3 huy chương Bạc").
bool overlaps_other_value(const Match& m, std::size_t start, std::size_t num_end,
                          std::size_t end, bool medal) {
  for (const Mention& e : m.earlier()) {
    if (e.start >= end) break;  // sorted by start
    if (e.end <= start) continue;
    if (e.type == MentionType::award) {
      if (!medal) return true;
      continue;
    }
    if (layer_of(e.type) != 0) continue;  // entities do not count against a value
    const auto* n = std::get_if<NumberValue>(&e.value);
    const bool bare_inside = e.type == MentionType::number && n && !n->unit &&
                             e.start >= start && e.end <= num_end;
    if (!bare_inside) return true;
  }
  return false;
}

/// True when the word before the match, or the two words before it, is a label
/// of lists/number_labels.txt ("lớp 12", "Điều 5", "nghị định 100"): the number
/// names a thing, it does not count one.
bool after_label(const Match& m) {
  const auto t = view_text(m);
  const std::string_view w1 = word_before(t, m.start());
  if (w1.empty()) return false;
  const Lexicon& lex = m.lexicon();
  const auto w1_start = static_cast<std::size_t>(w1.data() - t.data());
  const std::string_view w2 = word_before(t, w1_start);
  if (const LexEntry* e = lex.lookup_exact("number_labels", w1)) {
    if (e->attr("capital") == "yes" && !starts_upper(w1)) return false;
    return w2.empty() || !e->attr_has("unless_after", lower(w2));
  }
  if (w2.empty()) return false;
  return lex.lookup_exact("number_labels", std::string(w2) + " " + std::string(w1)) != nullptr;
}

/// Four digits from 1900 to 2099 with no separator: a year ("năm 2022 khu vực",
/// "2030 phấn đấu"), never the count of a noun after it.
bool looks_like_year(std::string_view num) {
  if (num.size() != 4) return false;
  for (char c : num) {
    if (c < '0' || c > '9') return false;
  }
  return num.substr(0, 2) == "19" || num.substr(0, 2) == "20";
}

/// How many of the noun's words belong to the counted phrase: up to two
/// lower-case words, ended early by a stop word or after a head counted alone
/// (counted_noun_heads, words=1). 0 when there is none.
std::size_t counted_words(const Lexicon& lex, const std::vector<std::string_view>& words) {
  std::size_t keep = 0;
  for (std::size_t k = 0; k < words.size() && k < 2; ++k) {
    if (!noun_word(lex, words[k], k == 0)) break;
    std::size_t len = 0;
    decode_at(words[k], 0, len);
    if (len == words[k].size()) break;  // one letter: "1.080 x 2.400", "3 y, bác sĩ"
    keep = k + 1;
    if (k == 0) {
      const LexEntry* head = lex.lookup_exact("counted_noun_heads", words[0]);
      if (head && head->attr("words") == "1") break;
    }
  }
  return keep;
}

/// What a rank after the counted noun does (lists/counted_noun_heads.txt):
/// "keep" when it belongs to the unit ("3 huy chương Bạc"), "bare" when the
/// number counts an award named by its rank ("2 giải Ba": no counted phrase).
std::string_view rank_effect(const Lexicon& lex, std::string_view noun, std::string_view rank) {
  const LexEntry* e = lex.lookup_exact("counted_noun_heads", noun);
  if (!e || rank.empty()) return {};
  if (e->attr("rank") == "bare") return starts_upper(rank) ? "bare" : "";
  return e->attr_has("ranks", lower(rank)) ? "keep" : "";
}

/// True when the phrase's noun belongs to another rule: a listed unit
/// (number.figure), a time noun (dates, durations), a currency (money), a
/// number word ("5 nghìn": the number's own scale).
bool noun_of_other_rule(const Lexicon& lex, const std::vector<std::string_view>& words,
                        std::size_t keep) {
  if (lex.lookup_exact("units", words[0]) || lex.lookup_exact("currencies", words[0]) ||
      lex.lookup_exact("number_words", words[0]) ||
      is_time_noun(lower(words[0])))
    return true;
  return keep >= 2 && lex.lookup_exact("units", std::string(words[0]) + " " + std::string(words[1]));
}

}  // namespace

/// A number and the noun it counts, listed or not: "20 công dân", "3 chức năng",
/// "5 giải", "3 huy chương Bạc". The noun is read by grammar (counted_words) and
/// the mention ends with it.
bool counted(const Match& m, Value* out) {
  auto num = m.get("num");
  auto noun = m.normalized("noun");
  auto cap = m.get("noun");
  if (!num || !noun || !cap || after_label(m)) return false;
  if (!stands_apart(m, *num)) return false;
  const auto t = view_text(m);
  const auto num_start = static_cast<std::size_t>(num->data() - t.data());
  NumberInfo info;
  if (!parse_number_info(*num, &info) || info.has_words || looks_like_year(*num)) return false;
  const Lexicon& lex = m.lexicon();
  const auto words = split_words(*noun);
  const auto cap_words = split_words(*cap);
  const std::size_t keep = counted_words(lex, words);
  if (keep == 0 || cap_words.size() < keep || noun_of_other_rule(lex, words, keep)) return false;
  std::string unit = join(words, 0, keep);
  const auto* last = &cap_words[keep - 1];
  std::size_t end = static_cast<std::size_t>(last->data() - t.data()) + last->size();
  const auto rank = m.get("rank");
  bool medal = false;
  if (keep == words.size() && rank) {
    const auto effect = rank_effect(lex, unit, *rank);
    if (effect == "bare") return false;
    if (effect == "keep") {
      medal = true;
      unit += ' ';
      unit += *rank;
      end = static_cast<std::size_t>(rank->data() - t.data()) + rank->size();
    }
  }
  const auto num_end = num_start + num->size();
  if (overlaps_other_value(m, m.start(), num_end, end, medal)) return false;
  m.end_mention_at(end);
  NumberValue v;
  v.value = info.value;
  v.unit = std::move(unit);
  v.qualifier = qualifier_of(m, "qual");
  *out = v;
  return true;
}

namespace {
/// The qualifier of a bound after a figure: "trở lên" (at least) or "trở xuống" (at most).
Qualifier bound_qualifier(std::string_view bound) {
  return lower(bound).find("lên") != std::string::npos ? Qualifier::at_least : Qualifier::at_most;
}
}  // namespace

/// "từ N <noun> trở lên": the number and the noun it counts between "từ" and the
/// bound, at least (or at most, "trở xuống") N ("từ 18 tuổi trở lên", "từ 3 con
/// trở lên", "từ 50 lao động trở lên"). The noun is up to three lower-case words
/// and none a function word (counted_noun_stops, except a noun=yes word first);
/// money has its own rule (money.bound).
bool bounded_count(const Match& m, Value* out) {
  auto num = m.get("num");
  auto noun = m.normalized("noun");
  auto bound = m.get("bound");
  if (!num || !noun || !bound || !stands_apart(m, *num)) return false;
  NumberInfo info;
  if (!parse_number_info(*num, &info)) return false;
  const Lexicon& lex = m.lexicon();
  const auto words = split_words(*noun);
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (!noun_word(lex, words[k], k == 0)) return false;
  }
  if (lex.lookup_exact("currencies", words[0]) || lex.lookup_exact("number_words", words[0]))
    return false;
  NumberValue v;
  v.value = info.value;
  v.unit = join(words, 0, words.size());
  v.qualifier = bound_qualifier(*bound);
  *out = v;
  return true;
}

bool percent(const Match& m, Value* out) {
  auto num = m.get("num");
  if (!num) return false;
  NumberInfo info;
  if (!parse_number_info(*num, &info)) return false;
  if (!m.has("qual") && glued(m)) return false;
  PercentValue v;
  v.value = m.has("neg") ? -info.value : info.value;
  v.qualifier = qualifier_of(m, "qual");
  if (auto b = m.get("bound")) v.qualifier = bound_qualifier(*b);
  *out = v;
  return true;
}

// ------------------------------------------------------------------ money

/// Words that follow "đồng" when it is not the currency: "hai đồng chí".
constexpr std::string_view kDongNot[] = {
    "chí",  "bào",  "thời", "ý",    "hành", "nghiệp", "đội",  "phục", "hồ",   "tâm",
    "lòng", "thuận", "tình", "loạt", "bộ",   "nhất",   "đều",  "ruộng", "bằng", "minh",
    "hương", "niên", "môn",  "khởi", "sự",   "cảm",    "dạng", "tiền", "lúa",  "cỏ",
    "ca",   "hóa",  "chủ",  "tổ",   "tác",  "giá",    "hạng", "cấp",  "đẳng", "xu",
    "nát",  "bằng", "hoang", "quê",  "cốt",  "phạm",   "lõa",  "thanh", "lứa", "trinh"};

bool currency_code(const Match& m, std::string_view cur, std::string* code) {
  const auto c = list_attr(m, "currencies", cur, "code");
  if (c.empty()) return false;
  *code = std::string(c);
  return true;
}

/// The factor of the last scale word of a number ("3 triệu" → 1e6), or 1.
double last_scale(std::string_view num) {
  double f = 1;
  std::size_t i = 0;
  while (i < num.size()) {
    std::size_t j = num.find(' ', i);
    if (j == std::string_view::npos) j = num.size();
    const std::string w = lower(num.substr(i, j - i));
    if (w == "nghìn" || w == "ngàn") f = 1e3;
    if (w == "vạn") f = 1e4;
    if (w == "triệu") f = 1e6;
    if (w == "tỷ" || w == "tỉ") f = 1e9;
    if (!w.empty() && (w.back() == 'k' || w.back() == 'K')) f = 1e3;
    i = j + 1;
  }
  return f;
}

bool cents_value(std::string_view c, double* out) {
  double v = 0;
  if (!parse_number(c, &v) || v < 0 || v >= 100 || v != std::floor(v)) return false;
  *out = v / 100;
  return true;
}

bool money(const Match& m, Value* out) {
  auto num = first_of(m, {"num", "num2"});
  auto cur = first_of(m, {"cur", "pcur"});
  if (!num || !cur) return false;
  NumberInfo info;
  if (!parse_number_info(*num, &info)) return false;
  MoneyValue v;
  if (!currency_code(m, m.normalized(m.has("cur") ? "cur" : "pcur").value_or(*cur),
                     &v.currency)) {
    return false;
  }
  if (!m.has("qual") && !m.has("bound") && glued(m)) return false;
  {  // "tư1,5 tỷ USD": a scale word after digits is the tail of a number refused, no amount
    const std::string_view before = word_before(view_text(m), m.start());
    if (starts_with_scale(*num) && !before.empty() &&
        is_ascii_digit(static_cast<unsigned char>(before.back()))) {
      return false;
    }
  }
  double amount = info.value;
  if (auto c = m.get("cents")) {
    double cents = 0;
    if (v.currency == "VND" || !cents_value(*c, &cents)) return false;
    amount += cents;
  }
  if (m.has("cur")) {
    // Currency names that are also the first syllable of other words: "hai
    // đồng chí", "03 đồng chí", "2 đô thị", "3 xu hướng".
    const std::string form = lower(*m.get("cur"));
    const std::string_view next_word = word_after(view_text(m), m.end());
    const std::string next = lower(next_word);
    const bool next_letter = !next.empty() && !is_ascii_digit(static_cast<unsigned char>(next[0]));
    if (form == "đồng" && next_letter && !info.has_scale) {
      for (auto w : kDongNot) {
        if (next != w) continue;
        // "500.000 đồng tiền mặt / tiền thưởng": an amount of cash, not coins.
        if (next == "tiền") {
          const std::size_t after = static_cast<std::size_t>(next_word.data() - view_text(m).data()) +
                                    next_word.size();
          const std::string kind = lower(word_after(view_text(m), after));
          if (kind == "mặt" || kind == "thưởng" || kind == "mừng" || kind == "hỗ") break;
        }
        return false;
      }
      if (!info.has_scale && info.value < 1000 && !m.has("qual")) return false;
    }
    if ((form == "đô" || form == "xu" || form == "xen" || form == "tệ" || form == "yên" ||
         form == "won" || form == "đ") &&
        next_letter && !m.has("cents")) {
      return false;
    }
  }
  if (info.bare_word && !m.has("qual") && !whole_line(m)) {
    // "một đồng", "năm đô": a lone number word needs the phrase to itself.
    const std::string w = lower(*num);
    if (w == "một" || w == "năm" || w == "tư" || w == "không") return false;
  }
  v.amount = amount;
  v.qualifier = qualifier_of(m, "qual");
  if (auto b = m.get("bound")) v.qualifier = bound_qualifier(*b);
  if (auto per = m.normalized("per")) v.per_unit = std::string(*per);
  *out = v;
  return true;
}

bool money_range(const Match& m, Value* out) {
  auto a = m.get("a");
  auto b = first_of(m, {"b", "b2"});
  auto cur = first_of(m, {"cur", "pcur2", "pcur1", "cur1"});
  if (!a || !b || !cur) return false;
  const std::string conn = lower_collapsed(m.get("conn").value_or(""));
  const std::string pre = lower(m.get("pre").value_or(""));
  if (conn == "và" && pre != "giữa") return false;
  if (pre == "giữa" && conn != "và") return false;
  NumberInfo ia, ib;
  if (!parse_number_info(*a, &ia) || !parse_number_info(*b, &ib)) return false;
  // "không tới 7000 đồng" is "not up to", not a range from zero.
  if (ia.bare_word && pre.empty()) return false;
  MoneyValue v;
  std::string curname;
  for (auto n : {"cur", "pcur2", "pcur1", "cur1"}) {
    if (auto c = m.normalized(n)) {
      if (!currency_code(m, *c, &curname)) return false;
      if (v.currency != "VND" && curname != v.currency) return false;  // mixed currencies
      v.currency = curname;
    }
  }
  double lo = ia.value, hi = ib.value;
  // "từ 2 đến 3 triệu đồng": the first number takes the scale of the second.
  if (!ia.has_scale && ib.has_scale && last_scale(*a) == 1) lo *= last_scale(*b);
  if (!(lo < hi)) return false;
  v.amount.reset();
  v.min = lo;
  v.max = hi;
  v.qualifier = qualifier_of(m, "qual");
  *out = v;
  return true;
}

// ---------------------------------------------------------------- ordinals

bool ordinal(const Match& m, Value* out) {
  OrdinalValue v;
  if (m.has("first")) {
    v.value = 1;
  } else if (auto r = m.get("roman")) {
    int n = 0;
    if (!parse_roman(*r, &n)) return false;
    v.value = n;
  } else if (auto n = m.get("n")) {
    const std::string w = lower_collapsed(*n);
    double d = 0;
    if (w == "nhất") {
      d = 1;
    } else if (w == "nhì") {
      d = 2;
    } else if (w == "tư") {
      d = 4;
    } else if (!parse_number(w, &d)) {
      return false;
    }
    if (d < 1 || d != std::floor(d) || d > 1e6) return false;
    // "thứ hai" … "thứ bảy" without a noun before are weekdays (date.rules).
    if (!m.has("ctx") && w != "nhì" && d >= 2 && d <= 7) return false;
    v.value = static_cast<std::int64_t>(d);
  } else {
    return false;
  }
  if (glued(m)) return false;
  *out = v;
  return true;
}

}  // namespace
}  // namespace values

void register_value_productions(ProductionRegistry& r) {
  r.add("number", values::number);
  r.add("figure", values::figure);
  r.add("counted", values::counted);
  r.add("bounded_count", values::bounded_count);
  r.add("percent", values::percent);
  r.add("money", values::money);
  r.add("money_range", values::money_range);
  r.add("ordinal", values::ordinal);
  values::register_date_productions(r);
}

}  // namespace vnie::detail
