// The year of a date written without one, inferred from the article when it
// leaves no doubt (docs/values.md, "Inferred years").
//
// Read: the date's sentence and the article's first sentence (its heading or
// lead), each at most kMaxSentence bytes, so a date costs the same on any
// input. The years written there are sorted by the word before them
// (rules/lists/year_review_words.txt, year_plan_words.txt,
// year_not_current_words.txt):
//   - a period reviewed ("tổng kết … năm 2020"): the date is in that year
//     from June, in the next one up to March ("Sáng 9/1, … tổng kết năm
//     2023" → 2024), else unknown; a reviewed range of consecutive years
//     ("sơ kết năm học 2022-2023") has its dates from September of the first
//     to August of the second;
//     every other year read must be that year or the next;
//   - a period planned ("triển khai nhiệm vụ năm 2021") and no other year:
//     the planned year up to June, the year before in November and December;
//   - else the year of one full date ("28/12/2023", "tháng 12/2023",
//     "tháng 12 năm 2023") in the date's own sentence, not after a word that
//     makes it another year ("so với", "từ", …), and no other year, nor a
//     count of years ("kỷ niệm 65 năm": an anniversary); a bare "năm 2020"
//     is not enough ("sinh năm 1980").
// Two candidate years that do not fit one of these leave the year unknown.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/lexicon.h"
#include "values/context.h"
#include "values/parse.h"
#include "values/years.h"

namespace vnie::detail::values {
namespace {

constexpr std::size_t kMaxSentence = 600;  // bytes each side of the date

struct Tok {
  std::size_t b = 0, e = 0;
  std::string lower;
};

bool sentence_stop(std::string_view t, std::size_t i) {
  // '.', '!', '?', ';' followed by a blank, or a line break.
  if (t[i] == '\n') return true;
  if (t[i] != '.' && t[i] != '!' && t[i] != '?') return false;
  return i + 1 >= t.size() || t[i + 1] == ' ' || t[i + 1] == '\n' || t[i + 1] == '\t';
}

/// [b, e) of the sentence around [s, e0), each side bounded.
std::pair<std::size_t, std::size_t> sentence_around(std::string_view t, std::size_t s,
                                                    std::size_t e0) {
  std::size_t b = s;
  const std::size_t lo = s > kMaxSentence ? s - kMaxSentence : 0;
  while (b > lo && !sentence_stop(t, b - 1)) --b;
  std::size_t e = e0;
  const std::size_t hi = std::min(t.size(), e0 + kMaxSentence);
  while (e < hi && !sentence_stop(t, e)) ++e;
  return {b, e};
}

std::vector<Tok> words(std::string_view t, std::size_t b, std::size_t e) {
  std::vector<Tok> out;
  std::size_t i = b;
  while (i < e) {
    std::size_t len = 0;
    const char32_t c = decode_at(t, i, len);
    if (!is_word_char(c)) {
      i += len ? len : 1;
      continue;
    }
    std::size_t j = i;
    while (j < e) {
      const char32_t d = decode_at(t, j, len);
      if (!is_word_char(d)) break;
      j += len ? len : 1;
    }
    out.push_back({i, j, lower(t.substr(i, j - i))});
    i = j;
  }
  return out;
}

bool as_year(const Tok& w, int* y) {
  if (w.lower.size() != 4) return false;
  int v = 0;
  for (char c : w.lower) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v < 1900 || v > 2100) return false;
  *y = v;
  return true;
}

/// Only blanks between the two words.
bool adjacent(std::string_view t, const Tok& a, const Tok& b) {
  for (std::size_t i = a.e; i < b.b; ++i) {
    if (t[i] != ' ' && t[i] != '\t') return false;
  }
  return true;
}

/// The length (in words, 1–3) of a phrase of `list` ending at word k, or 0.
int phrase_ending_at(const Lexicon& lex, std::string_view list, std::string_view t,
                     const std::vector<Tok>& w, std::size_t k) {
  std::string p;
  for (int n = 1; n <= 3 && static_cast<std::size_t>(n) <= k + 1; ++n) {
    const std::size_t first = k + 1 - static_cast<std::size_t>(n);
    if (n > 1 && !adjacent(t, w[first], w[first + 1])) break;
    p = n == 1 ? w[k].lower : w[first].lower + " " + p;
    if (lex.lookup(list, p)) return n;
  }
  return 0;
}

/// The year of a document number, not of an event: "116/2020/NĐ-CP",
/// "Nghị định 42/2021" (the number before the slash is no month).
bool doc_number(std::string_view t, const std::vector<Tok>& w, std::size_t k) {
  if (w[k].e < t.size() && t[w[k].e] == '/') return true;
  if (k == 0 || t.substr(w[k - 1].e, w[k].b - w[k - 1].e) != "/") return false;
  const auto& n = w[k - 1].lower;
  if (n.empty() || n.size() > 2 || n.find_first_not_of("0123456789") != std::string::npos) {
    return true;
  }
  const int v = std::stoi(n);
  return v < 1 || v > 12;
}

enum class Kind { other, plain, review, plan };

struct YearsRead {
  std::set<int> all;              // every year written
  std::set<int> review, plan;     // years of periods reviewed / planned
  std::set<int> review_start;     // first years of reviewed ranges
  std::set<int> plain;            // "năm 2020" in the date's sentence
  // The month and position of a full date "28/12/2023" giving a plain year
  // (0 when the plain year is "năm 2023"): month order across the new year.
  int plain_month = 0;
  std::size_t plain_at = 0;
  // "kỷ niệm 65 năm … (25/10/1951)": a count of years in the date's sentence
  // makes its years those of an anniversary, not the article's.
  bool counts_years = false;
};

void read_years(const Lexicon& lex, std::string_view t, std::size_t b, std::size_t e,
                bool own_sentence, YearsRead* out) {
  const auto w = words(t, b, e);
  // Cheap exit: most sentences have no year.
  bool any = false;
  for (const auto& x : w) {
    int y = 0;
    if (as_year(x, &y)) any = true;
  }
  if (!any) return;
  Kind trigger = Kind::other;  // the last period word seen
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (phrase_ending_at(lex, "year_review_words", t, w, k)) {
      trigger = Kind::review;
    } else if (int n = phrase_ending_at(lex, "year_plan_words", t, w, k)) {
      // "hoàn thành nhiệm vụ năm 2021", "kết quả thực hiện kế hoạch": what was done.
      bool done = false;
      const std::size_t first = k + 1 - static_cast<std::size_t>(n);
      for (std::size_t j = first; j > 0 && j + 3 >= first; --j) {
        if (phrase_ending_at(lex, "year_review_words", t, w, j - 1)) done = true;
      }
      if (!done) trigger = Kind::plan;
    }
    if (own_sentence && k + 1 < w.size() && w[k + 1].lower == "năm" && w[k].lower.size() <= 3 &&
        w[k].lower.find_first_not_of("0123456789") == std::string::npos &&
        adjacent(t, w[k], w[k + 1]) && (k == 0 || w[k - 1].lower != "tháng")) {
      out->counts_years = true;  // "65 năm", not "tháng 4 năm 2022"
    }
    int y = 0;
    if (!as_year(w[k], &y)) continue;
    if (doc_number(t, w, k)) continue;
    out->all.insert(y);
    // A range "2022-2023", "2021 – 2025": the period ends with the second.
    int y2 = 0;
    bool range = false;
    if (k + 1 < w.size() && as_year(w[k + 1], &y2) && y2 > y && y2 - y <= 10) {
      const auto gap = t.substr(w[k].e, w[k + 1].b - w[k].e);
      range = gap.find_first_not_of(" -\xE2\x80\x93") == std::string_view::npos ||
              gap == " đến " || gap == " - " || gap == "–";
    }
    const int last = range ? y2 : y;
    if (range) out->all.insert(y2);
    if (trigger == Kind::review) {
      out->review.insert(last);
      if (range) out->review_start.insert(y);
    } else if (trigger == Kind::plan) {
      out->plan.insert(range ? -1 : y);  // a planned range is left alone
    } else if (own_sentence && !range && k > 0) {
      const std::string_view before = t.substr(w[k - 1].e, w[k].b - w[k - 1].e);
      std::size_t nam = std::string::npos;  // index of "năm" before the year
      int month = 0;
      if (w[k - 1].lower == "năm" && adjacent(t, w[k - 1], w[k])) {
        // Only in a full date, "(ngày 5) tháng 1 năm 2024": a bare "năm 2014"
        // is as often the year of something else ("sinh năm 1980", "vụ nổ
        // năm 2014", "bối cảnh năm 1930") as the article's.
        const auto& mo = k >= 3 ? w[k - 2].lower : std::string();
        if (k >= 3 && w[k - 3].lower == "tháng" && mo.size() <= 2 &&
            mo.find_first_not_of("0123456789") == std::string::npos) {
          month = std::stoi(mo);
          if (month >= 1 && month <= 12) nam = k - 3;
        }
      } else if (before == "/" && (w[k].e >= t.size() || t[w[k].e] != '/')) {
        // "12/2020", "23/12/2020"; not a document number ("116/2020/NĐ-CP",
        // "Nghị định 42/2021": the number before the year is no month).
        const auto& mo = w[k - 1].lower;
        if (mo.size() <= 2 && mo.find_first_not_of("0123456789") == std::string::npos) {
          month = std::stoi(mo);
        }
        if (month >= 1 && month <= 12) {
          nam = k - 1;
          while (nam > 0 && t.substr(w[nam - 1].e, w[nam].b - w[nam - 1].e) == "/") --nam;
        }
      }
      // "tới hết tháng 4/2024": the word before "tháng" decides.
      if (nam != std::string::npos && nam > 0 && w[nam].lower != "tháng" &&
          w[nam - 1].lower == "tháng") {
        --nam;
      }
      if (nam != std::string::npos &&
          (nam == 0 || !phrase_ending_at(lex, "year_not_current_words", t, w, nam - 1))) {
        out->plain.insert(y);
        if (month >= 1 && month <= 12) {
          out->plain_month = month;
          out->plain_at = w[k].b;
        }
      }
    }
    if (range) ++k;
  }
}

}  // namespace

std::optional<int> infer_year(const Match& m, int month, int day) {
  if (m.view() != View::normalized) return std::nullopt;
  const std::string_view t = view_text(m);
  const Lexicon& lex = m.lexicon();
  YearsRead r;
  const auto [sb, se] = sentence_around(t, m.start(), m.end());
  read_years(lex, t, sb, se, true, &r);
  if (sb > 0) {
    const auto [hb, he] = sentence_around(t, 0, 0);
    read_years(lex, t, hb, he, false, &r);
  }
  std::optional<int> year;
  if (r.plan.count(-1)) return std::nullopt;
  if (!r.review.empty()) {
    if (r.review.size() != 1) return std::nullopt;
    const int y = *r.review.begin();
    for (int p : r.plan) {
      if (p != y + 1) return std::nullopt;
    }
    for (int a : r.all) {
      // the years of a reviewed range ("năm học 2022-2023") and the next one
      if (a != y && a != y + 1 && !r.review_start.count(a)) return std::nullopt;
    }
    if (r.review_start.count(y - 1)) {
      // A school or business year "2022-2023": its reviews run from the
      // first autumn ("sơ kết học kỳ I" in January 2023) to the summer after.
      year = month >= 9 ? y - 1 : y;
    } else if (month >= 6) {
      year = y;
    } else if (month <= 3) {
      year = y + 1;
    }
  } else if (!r.plan.empty()) {
    if (r.plan.size() != 1 || r.all.size() != 1) return std::nullopt;
    const int p = *r.plan.begin();
    if (month <= 6) {
      year = p;
    } else if (month >= 11) {
      year = p - 1;
    }
  } else if (r.plain.size() == 1 && r.all.size() == 1 && !r.counts_years) {
    year = *r.plain.begin();
    // Month order: "28/12/2023 … đến ngày 5/1" is 2024-01-05, "ngày 28/12
    // … đến 5/1/2024" 2023-12-28 (half a year apart or more: across new year).
    if (r.plain_month != 0) {
      if (m.start() > r.plain_at && r.plain_month - month >= 6) ++*year;
      if (m.start() < r.plain_at && month - r.plain_month >= 6) --*year;
    }
  }
  if (year && !valid_date(*year, month, day)) return std::nullopt;
  return year;
}

}  // namespace vnie::detail::values
