#include "values/parse.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include "text/unicode.h"

namespace vnie::detail::values {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Parses a plain "123" or "123.45" (ASCII, '.' decimal) with from_chars.
bool plain_to_double(std::string_view s, double* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(*out);
}

/// Checks that `groups` (the parts between separators, the first excluded)
/// all have exactly three digits.
bool all_groups_of_three(std::string_view s, char sep) {
  std::size_t start = s.find(sep);
  if (start == std::string_view::npos || start == 0 || start > 3) return false;
  while (start != std::string_view::npos) {
    const std::size_t next = s.find(sep, start + 1);
    const std::size_t len = (next == std::string_view::npos ? s.size() : next) - start - 1;
    if (len != 3) return false;
    start = next;
  }
  return true;
}

enum class Kind { digit, literal, ten, muoi, chuc, tram, linh, scale, ruoi, point, none };

struct Token {
  Kind kind = Kind::none;
  double value = 0;        // digit value, literal value, scale factor
  bool positional = false;  // mốt, lăm, nhăm, tư: only valid after a tens word
  bool nam = false;         // "năm" (5 that cannot follow mười/mươi)
  bool mot = false;         // "một"
  std::string_view text;    // literal digits as written
};

struct WordEntry {
  std::string_view word;
  Kind kind;
  double value;
  bool positional;
};

// Lower-case NFC forms, traditional tone placement.
constexpr std::array<WordEntry, 30> kWords = {{
    {"không", Kind::digit, 0, false},   {"một", Kind::digit, 1, false},
    {"mốt", Kind::digit, 1, true},      {"hai", Kind::digit, 2, false},
    {"ba", Kind::digit, 3, false},      {"bốn", Kind::digit, 4, false},
    {"tư", Kind::digit, 4, true},       {"năm", Kind::digit, 5, false},
    {"lăm", Kind::digit, 5, true},      {"nhăm", Kind::digit, 5, true},
    {"sáu", Kind::digit, 6, false},     {"bảy", Kind::digit, 7, false},
    {"bẩy", Kind::digit, 7, false},     {"tám", Kind::digit, 8, false},
    {"chín", Kind::digit, 9, false},    {"mười", Kind::ten, 10, false},
    {"mươi", Kind::muoi, 10, false},    {"chục", Kind::chuc, 10, false},
    {"trăm", Kind::tram, 100, false},   {"linh", Kind::linh, 0, false},
    {"lẻ", Kind::linh, 0, false},       {"nghìn", Kind::scale, 1e3, false},
    {"ngàn", Kind::scale, 1e3, false},  {"vạn", Kind::scale, 1e4, false},
    {"triệu", Kind::scale, 1e6, false}, {"tỷ", Kind::scale, 1e9, false},
    {"tỉ", Kind::scale, 1e9, false},    {"rưỡi", Kind::ruoi, 0, false},
    {"phẩy", Kind::point, 0, false},    {"chấm", Kind::point, 0, false},
}};

bool classify(std::string_view raw, Token* t) {
  t->text = raw;
  if (!raw.empty() && (is_digit(raw[0]) || raw[0] == ',')) {
    t->kind = Kind::literal;
    return parse_digits(raw, &t->value);
  }
  std::string w = to_lower(raw);
  for (const auto& e : kWords) {
    if (w == e.word) {
      t->kind = e.kind;
      t->value = e.value;
      t->positional = e.positional;
      t->nam = w == "năm";
      t->mot = w == "một";
      return true;
    }
  }
  return false;
}

/// Splits on blanks into at most 32 tokens.
int tokenize(std::string_view s, std::array<Token, 32>* toks) {
  int n = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i >= s.size()) break;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (n >= 32) return -1;
    if (!classify(s.substr(i, j - i), &(*toks)[static_cast<std::size_t>(n)])) return -1;
    ++n;
    i = j;
  }
  return n;
}

/// Parser over the token array.
class Parser {
 public:
  Parser(const std::array<Token, 32>& t, int n) : t_(t), n_(n) {}

  bool number(NumberInfo* info) {
    double total = 0;
    double max_scale = 0;  // largest scale applied so far
    double last_scale = 0;
    bool any = false;
    bool after_scale = false;
    while (i_ < n_) {
      double g = 0;
      bool single_digit = false;
      const int before = i_;
      if (!group(&g, &single_digit)) return false;
      const bool have_group = i_ > before;
      if (i_ < n_ && peek().kind == Kind::point) {
        if (!have_group || after_scale_point_) return false;
        ++i_;
        double frac = 0;
        if (!fraction(&frac)) return false;
        g += frac;
        after_scale_point_ = true;
        single_digit = false;
      }
      if (i_ < n_ && peek().kind == Kind::scale) {
        const double s = peek().value;
        ++i_;
        info->has_scale = true;
        if (!have_group) {
          // "nghìn tỷ": a scale right after a scale multiplies what is there.
          if (!any) {
            if (!lone_ok_) return false;
            g = 1;  // a lone scale word: "triệu" = 1e6 (only as a whole phrase)
            total = s;
          } else if (after_scale && s > last_scale) {
            total *= s;
          } else {
            return false;
          }
        } else if (s > max_scale) {
          total = (total + g) * s;
        } else if (s < last_scale) {
          total += g * s;
        } else {
          return false;  // "hai nghìn ba nghìn"
        }
        max_scale = std::max(max_scale, s);
        last_scale = s;
        any = true;
        after_scale = true;
        after_scale_point_ = false;
        if (i_ < n_ && peek().kind == Kind::ruoi) {  // "2 triệu rưỡi"
          total += s / 2;
          ++i_;
          if (i_ < n_) return false;
        }
        continue;
      }
      if (!have_group) return false;
      // A trailing group without a scale.
      if (after_scale) {
        // "1 triệu 2" = 1.2 million; "hai nghìn không trăm mười" = 2010.
        if (single_digit && last_scale >= 1000) {
          total += g * last_scale / 10;
        } else {
          if (g >= last_scale) return false;
          total += g;
        }
      } else {
        total = g;
      }
      any = true;
      if (i_ < n_) return false;  // something after a complete number
    }
    if (!any) return false;
    info->value = total;
    return true;
  }

  bool lone_ok_ = true;

 private:
  const Token& peek() const { return t_[static_cast<std::size_t>(i_)]; }
  bool at(Kind k) const { return i_ < n_ && peek().kind == k; }

  /// Parses one group below the scales (< 1000), or a digit literal. Leaves
  /// i_ unchanged and succeeds with g = 0 when the next token starts no group.
  bool group(double* g, bool* single_digit) {
    *g = 0;
    *single_digit = false;
    if (i_ >= n_) return true;
    const Token& first = peek();
    if (first.kind == Kind::literal) {
      ++i_;
      *g = first.value;
      *single_digit = first.text.size() == 1;
      if (at(Kind::tram)) {  // "2 trăm"
        if (first.value != std::floor(first.value) || first.value > 9) return false;
        ++i_;
        *g *= 100;
        *single_digit = false;
        return after_hundreds(g);
      }
      if (at(Kind::muoi) || at(Kind::chuc)) {  // "2 mươi" is not written
        return false;
      }
      return true;
    }
    if (first.kind == Kind::tram) {  // "trăm" alone = 100
      ++i_;
      *g = 100;
      return after_hundreds(g);
    }
    if (first.kind == Kind::digit || first.kind == Kind::ten) {
      if (first.kind == Kind::digit && first.positional) return false;  // "lăm" first
      if (first.kind == Kind::digit && i_ + 1 < n_ &&
          t_[static_cast<std::size_t>(i_ + 1)].kind == Kind::tram) {
        *g = first.value * 100;
        i_ += 2;
        return after_hundreds(g);
      }
      double tens = 0;
      bool single = false;
      if (!tens_part(&tens, &single)) return false;
      *g = tens;
      *single_digit = single;
      return true;
    }
    return true;  // scale, point, ruoi...: no group here
  }

  /// After "X trăm": optional "linh/lẻ D", a tens part, or "rưỡi".
  bool after_hundreds(double* g) {
    if (at(Kind::linh)) {
      ++i_;
      if (!at(Kind::digit) || peek().positional) return false;
      *g += peek().value;
      ++i_;
      return true;
    }
    if (at(Kind::ruoi)) {
      ++i_;
      *g += 50;
      return true;
    }
    if (at(Kind::ten)) {
      double t = 0;
      bool single = false;
      if (!tens_part(&t, &single)) return false;
      *g += t;
      return true;
    }
    if (at(Kind::digit)) {
      // Only "D mươi"/"D chục" may follow trăm ("trăm năm" is a hundred years).
      if (i_ + 1 < n_ && (t_[static_cast<std::size_t>(i_ + 1)].kind == Kind::muoi)) {
        double t = 0;
        bool single = false;
        if (!tens_part(&t, &single)) return false;
        *g += t;
        return true;
      }
      return false;
    }
    return true;
  }

  /// "mười [D]", "D mươi [D]", "D chục", or a single digit word.
  bool tens_part(double* v, bool* single) {
    *single = false;
    const Token& a = peek();
    if (a.kind == Kind::ten) {
      ++i_;
      *v = 10;
      if (at(Kind::digit)) {
        const Token& u = peek();
        // 15 is "mười lăm" ("mười năm" is ten years); 11 is "mười một".
        if (u.value == 0 || u.nam || (u.value == 1 && u.positional)) return false;
        *v += u.value;
        ++i_;
      }
      return true;
    }
    if (a.kind != Kind::digit || a.positional) return false;
    ++i_;
    if (at(Kind::muoi)) {
      if (a.value < 2) return false;  // "một mươi" is not a number
      ++i_;
      *v = a.value * 10;
      if (at(Kind::digit)) {
        const Token& u = peek();
        if (u.value == 0 || u.nam) return false;  // "hai mươi năm" is twenty years
        *v += u.value;
        ++i_;
      }
      return true;
    }
    if (at(Kind::chuc)) {  // "hai chục" = 20
      ++i_;
      *v = a.value * 10;
      return true;
    }
    *v = a.value;
    *single = true;
    // A digit right after a digit ("ba năm") is not a number.
    if (at(Kind::digit) || at(Kind::ten) || at(Kind::literal)) return false;
    return true;
  }

  /// The fractional digits after "phẩy"/"chấm": a literal ("23" → .23) or
  /// digit words ("hai ba" → .23), or a tens part ("hai mươi ba" → .23).
  bool fraction(double* f) {
    std::string digits;
    if (at(Kind::literal)) {
      for (char c : peek().text) {
        if (!is_digit(c)) return false;
      }
      digits = std::string(peek().text);
      ++i_;
    } else if (at(Kind::digit) && i_ + 1 < n_ &&
               (t_[static_cast<std::size_t>(i_ + 1)].kind == Kind::muoi)) {
      double t = 0;
      bool single = false;
      if (!tens_part(&t, &single)) return false;
      digits = std::to_string(static_cast<int>(t));
    } else if (at(Kind::ten)) {
      double t = 0;
      bool single = false;
      if (!tens_part(&t, &single)) return false;
      digits = std::to_string(static_cast<int>(t));
    } else {
      while (at(Kind::digit) && !peek().positional) {
        digits += static_cast<char>('0' + static_cast<int>(peek().value));
        ++i_;
      }
    }
    if (digits.empty() || digits.size() > 12) return false;
    std::string plain = "0." + digits;
    return plain_to_double(plain, f);
  }

  const std::array<Token, 32>& t_;
  int n_;
  int i_ = 0;
  bool after_scale_point_ = false;
};

}  // namespace

bool parse_digits(std::string_view s, double* out) {
  double mult = 1;
  if (!s.empty()) {
    const char last = s.back();
    if (last == 'k' || last == 'K') mult = 1e3;
    if (last == 'm' || last == 'M') mult = 1e6;
    if (last == 'g' || last == 'G') mult = 1e9;
    if (mult != 1) s.remove_suffix(1);
  }
  if (s.empty() || s.size() > 40) return false;
  std::string plain;
  plain.reserve(s.size() + 1);
  const std::size_t commas = static_cast<std::size_t>(std::count(s.begin(), s.end(), ','));
  const std::size_t dots = static_cast<std::size_t>(std::count(s.begin(), s.end(), '.'));
  const bool spaces = s.find(' ') != std::string_view::npos;
  for (char c : s) {
    if (!is_digit(c) && c != ',' && c != '.' && c != ' ') return false;
  }
  if (spaces) {
    if (commas || dots || !all_groups_of_three(s, ' ')) return false;
    for (char c : s) {
      if (c != ' ') plain += c;
    }
  } else if (commas >= 2 && dots == 0) {
    // English grouping "1,200,000".
    if (!all_groups_of_three(s, ',') || s.front() == ',') return false;
    for (char c : s) {
      if (c != ',') plain += c;
    }
  } else {
    if (commas > 1) return false;
    const std::size_t comma = s.find(',');
    std::string_view ip = comma == std::string_view::npos ? s : s.substr(0, comma);
    std::string_view fp = comma == std::string_view::npos ? std::string_view{} : s.substr(comma + 1);
    if (comma != std::string_view::npos && fp.empty()) return false;
    if (fp.find('.') != std::string_view::npos) return false;
    if (dots) {
      if (ip.front() == '.' || !all_groups_of_three(ip, '.')) return false;
    }
    for (char c : ip) {
      if (c != '.') plain += c;
    }
    if (plain.empty()) plain.push_back('0');
    if (!fp.empty()) {
      plain.push_back('.');
      for (char c : fp) plain.push_back(c);
    }
  }
  if (!plain_to_double(plain, out)) return false;
  *out *= mult;
  return true;
}

bool parse_number_info(std::string_view s, NumberInfo* out) {
  *out = NumberInfo{};
  if (s.find_first_not_of("0123456789., kKMgG") == std::string_view::npos &&
      s.find_first_of("0123456789") != std::string_view::npos &&
      s.find(' ') != std::string_view::npos && parse_digits(s, &out->value)) {
    out->tokens = 1;  // "1 200 000": blanks group thousands
    return true;
  }
  std::array<Token, 32> toks{};
  const int n = tokenize(s, &toks);
  if (n <= 0) return false;
  Parser p(toks, n);
  *out = NumberInfo{};
  out->tokens = n;
  for (int k = 0; k < n; ++k) {
    if (toks[static_cast<std::size_t>(k)].kind != Kind::literal) out->has_words = true;
  }
  out->bare_word = n == 1 && out->has_words;
  if (!p.number(out)) return false;
  return std::isfinite(out->value);
}

bool parse_number(std::string_view s, double* out) {
  NumberInfo info;
  if (!parse_number_info(s, &info)) return false;
  *out = info.value;
  return true;
}

bool parse_roman(std::string_view s, int* out) {
  if (s.empty() || s.size() > 15) return false;
  auto val = [](char c) {
    switch (c) {
      case 'I': return 1;
      case 'V': return 5;
      case 'X': return 10;
      case 'L': return 50;
      case 'C': return 100;
      case 'D': return 500;
      case 'M': return 1000;
      default: return 0;
    }
  };
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int v = val(s[i]);
    if (v == 0) return false;
    const int next = i + 1 < s.size() ? val(s[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  if (total <= 0 || total >= 4000) return false;
  // Canonical form check: render and compare.
  static constexpr std::array<std::pair<int, std::string_view>, 13> kTable = {{
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
  }};
  std::string r;
  int rest = total;
  for (const auto& [v, sym] : kTable) {
    while (rest >= v) {
      r.append(sym);
      rest -= v;
    }
  }
  if (r != s) return false;
  *out = total;
  return true;
}

int digit_word(std::string_view w) {
  std::string l = to_lower(w);
  for (const auto& e : kWords) {
    if (e.kind == Kind::digit && l == e.word) return static_cast<int>(e.value);
  }
  if (l == "mười") return 10;
  return -1;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2) return (y <= 0 || is_leap(y)) ? 29 : 28;
  return kDays[m - 1];
}

bool valid_date(std::optional<int> y, int m, int d) {
  if (y && (*y < 1 || *y > 9999)) return false;
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y.value_or(0), m);
}

std::int64_t days_from_civil(int y, int m, int d) {
  // Howard Hinnant's algorithm.
  const int yy = y - (m <= 2 ? 1 : 0);
  const int era = (yy >= 0 ? yy : yy - 399) / 400;
  const int yoe = yy - era * 400;
  const int mp = m > 2 ? m - 3 : m + 9;
  const int doy = (153 * mp + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<int>(z - era * 146097);
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(yoe + era * 400) + (*m <= 2 ? 1 : 0);
}

int weekday_of(int y, int m, int d) {
  const std::int64_t z = days_from_civil(y, m, d);  // 1970-01-01 was a Thursday (4)
  const std::int64_t w = ((z % 7) + 7 + 3) % 7;     // 0 = Monday
  return static_cast<int>(w) + 1;
}

DateValue add_days(const DateValue& dv, int n) {
  DateValue out = dv;
  if (!dv.year || !dv.month || !dv.day) return out;
  int y = 0, m = 0, d = 0;
  civil_from_days(days_from_civil(*dv.year, *dv.month, *dv.day) + n, &y, &m, &d);
  out.year = y;
  out.month = m;
  out.day = d;
  out.weekday.reset();
  return out;
}

int nearest_year(const DateValue& ref, int month, int day) {
  const int ry = ref.year.value_or(0);
  if (!ref.month) return ry;
  const int rm = *ref.month;
  const int rd = ref.day.value_or(15);
  // Months (with a fraction for the day) from the reference to the date.
  const double diff = (month - rm) + ((day > 0 ? day : 15) - rd) / 31.0;
  if (diff > 6.0) return ry - 1;
  if (diff < -6.0) return ry + 1;
  return ry;
}

int expand_year(int yy) { return yy < 70 ? 2000 + yy : 1900 + yy; }

}  // namespace vnie::detail::values
