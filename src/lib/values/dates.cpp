// Date, time and date-range productions, and the publication date of an
// article header (find_reference_date). Conventions: docs/values.md.
#include <re2/re2.h>

#include <cmath>
#include <string>

#include "extract/hooks.h"
#include "extract/production.h"
#include "values/context.h"
#include "values/parse.h"
#include "values/productions_internal.h"
#include "values/years.h"

namespace vnie::detail {
namespace values {
namespace {

using std::optional;
using std::string_view;

bool to_int(string_view s, int* out) {
  if (s.empty() || s.size() > 9) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

/// An integer written with digits or number words ("3", "ba", "mười hai").
bool small_int(string_view s, int* out) {
  if (to_int(s, out)) return true;
  double d = 0;
  if (!parse_number(s, &d) || d != std::floor(d) || d < 0 || d > 10000) return false;
  *out = static_cast<int>(d);
  return true;
}

/// A signed integer attribute ("-1"); false when absent or not a number.
bool to_signed(string_view s, int* out) {
  const bool negative = !s.empty() && s.front() == '-';
  if (!to_int(negative ? s.substr(1) : s, out)) return false;
  if (negative) *out = -*out;
  return true;
}

/// The entry of `list` written `text` (case and spacing aside), with its attribute `key` as
/// a signed integer; false when there is none.
bool list_int(const Match& m, std::string_view list, string_view text, std::string_view key,
              int* out) {
  const LexEntry* e = m.lexicon().lookup_exact(list, text);
  return e != nullptr && to_signed(e->attr(key), out);
}

/// The part of day of a POD capture (lists/parts_of_day.txt).
optional<PartOfDay> pod_of(const Match& m, string_view s) {
  const LexEntry* e = m.lexicon().lookup_exact("parts_of_day", s);
  if (!e) return std::nullopt;
  const std::string_view pod = e->attr("pod");
  for (PartOfDay p : {PartOfDay::morning, PartOfDay::noon, PartOfDay::afternoon,
                      PartOfDay::evening, PartOfDay::night}) {
    if (pod == to_string(p)) return p;
  }
  return std::nullopt;
}

/// The step of a direction word (lists/date_directions.txt): 0 this, 1 next, -1 before.
bool direction_step(const Match& m, string_view word, int* step) {
  return list_int(m, "date_directions", word, "step", step);
}

int adjust_hour(int h, optional<PartOfDay> pod) {
  if (!pod) return h;
  switch (*pod) {
    case PartOfDay::morning: return h;
    case PartOfDay::noon: return h < 6 ? h + 12 : h;
    case PartOfDay::afternoon:
    case PartOfDay::evening: return h < 12 ? h + 12 : h;
    case PartOfDay::night: return (h >= 6 && h < 12) ? h + 12 : (h == 12 ? 0 : h);
  }
  return h;
}

/// A clock time from the captures hh, mi/mi2/mi3, half, kem, ampm and the
/// part of day `pod`. `hh_name` etc. allow a second time in one rule.
struct Clock {
  int hour = 0, minute = 0;
  bool has = false;
  bool explicit_minutes = false;  // ":30", "giờ 30", "rưỡi", "kém 15"
  bool colon = false;             // "15:26", "9h30", "9h"
};

bool read_clock(const Match& m, string_view hh_name, std::initializer_list<string_view> mi_names,
                optional<PartOfDay> pod, Clock* c) {
  auto hh = m.get(hh_name);
  if (!hh) return true;
  int h = 0;
  if (!small_int(*hh, &h)) return false;
  int mi = 0;
  bool explicit_minutes = false;
  for (auto n : mi_names) {
    if (auto v = m.get(n)) {
      if (!to_int(*v, &mi)) return false;
      explicit_minutes = true;
    }
  }
  if (hh_name == "hh") {
    if (m.has("half")) {
      if (explicit_minutes) return false;
      mi = 30;
      explicit_minutes = true;
    }
    if (auto k = m.get("kem")) {  // "11 giờ kém 15" = 10:45
      int kem = 0;
      if (explicit_minutes || !to_int(*k, &kem) || kem <= 0 || kem >= 60) return false;
      h -= 1;
      mi = 60 - kem;
      explicit_minutes = true;
    }
    if (auto ap = m.get("ampm")) {
      const std::string a = lower(*ap);
      if (h < 1 || h > 12) return false;
      if (a[0] == 'p' && h < 12) h += 12;
      if (a[0] == 'a' && h == 12) h = 0;
      pod.reset();
    }
    if (m.has("sep") || m.has("sep2")) c->colon = true;
    if (auto s3 = m.get("sep3")) c->colon = c->colon || lower(*s3) == "h";
  }
  h = adjust_hour(h, pod);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return false;
  if (auto ss = m.get("ss")) {
    int s = 0;
    if (!to_int(*ss, &s) || s > 59) return false;
  }
  c->hour = h;
  c->minute = mi;
  c->has = true;
  c->explicit_minutes = explicit_minutes;
  return true;
}

bool month_of(const Match& m, int* out) {
  for (auto n : {"m", "m2", "m3", "m4", "m5"}) {
    if (auto v = m.get(n)) {
      if (to_int(*v, out)) return *out >= 1 && *out <= 12;
      const auto attr = list_attr(m, "months", *v, "n");
      return to_int(attr, out) && *out >= 1 && *out <= 12;
    }
  }
  return false;
}

bool year_of(const Match& m, std::initializer_list<string_view> names, optional<int>* out) {
  for (auto n : names) {
    if (auto v = m.get(n)) {
      int y = 0;
      if (!to_int(*v, &y)) return false;
      if (v->size() == 2) y = expand_year(y);
      if (v->size() != 2 && v->size() != 4) return false;
      if (y < 1000 || y > 2200) return false;
      *out = y;
      return true;
    }
  }
  return true;
}

bool ref_full(const optional<DateValue>& ref) {
  return ref && ref->year && ref->month && ref->day;
}

DateValue ref_day(const DateValue& ref) {
  DateValue d;
  d.year = ref.year;
  d.month = ref.month;
  d.day = ref.day;
  return d;
}


/// Everything that gives one calendar date (possibly partial) with an
/// optional time of day: "23/12", "Chiều 23/12", "ngày 5 tháng 1 năm 2024",
/// "lúc 20:08, Thứ Tư, 15/07/2020", "tháng 7/2020", "năm 2020", "hôm qua",
/// "8 giờ tối nay", "Giáng sinh".
bool date(const Match& m, Value* out) {
  const auto& ref = m.reference_date();
  DateValue v;
  optional<PartOfDay> pod;
  if (auto p = first_of(m, {"tpod", "pod", "tpod2"})) pod = pod_of(m, *p);
  if (auto p = m.get("pod")) {
    if (!pod) pod = pod_of(m, *p);
  }
  Clock clock;
  if (!read_clock(m, "hh", {"mi", "mi2", "mi3"},
                  m.has("tpod") ? pod_of(m, *m.get("tpod")) : pod, &clock)) {
    return false;
  }
  if (!clock.has && !read_clock(m, "hh2", {"mi4"},
                                m.has("tpod2") ? pod_of(m, *m.get("tpod2")) : pod, &clock)) {
    return false;
  }
  if (auto r = m.get("rel")) {  // lists/date_relative_days.txt
    const LexEntry* day = m.lexicon().lookup_exact("date_relative_days", *r);
    int off = 0;
    if (!day || !to_signed(day->attr("offset"), &off)) return false;
    const bool now = day->attr("now") == "1";
    if (day->attr("alone") == "no" && !m.has("pod") && !clock.has) return false;
    if (!ref_full(ref)) return false;  // relative dates need a reference date
    v = add_days(ref_day(*ref), off);
    if (now && ref->hour) {  // a day-only reference (a header) gives the day
      v.hour = ref->hour;
      v.minute = ref->minute.value_or(0);
    }
  } else if (auto h = m.get("hol")) {  // lists/date_holidays.txt
    const LexEntry* holiday = m.lexicon().lookup_exact("date_holidays", *h);
    int month = 0, day = 0;
    if (!holiday || !to_signed(holiday->attr("month"), &month) ||
        !to_signed(holiday->attr("day"), &day)) {
      return false;
    }
    v.month = month;
    v.day = day;
    if (ref_full(ref)) v.year = nearest_year(*ref, *v.month, *v.day);
  } else {
    optional<int> year;
    if (!year_of(m, {"y", "y2", "y3", "y4", "y5", "yo"}, &year)) return false;
    int month = 0;
    const bool has_month = month_of(m, &month);
    if (!has_month && (m.has("m") || m.has("m2") || m.has("m3") || m.has("m4") || m.has("m5"))) {
      return false;
    }
    int day = 0;
    bool has_day = false;
    if (m.has("first")) {
      day = 1;
      has_day = true;
    } else if (auto d = m.get("d")) {
      if (!small_int(*d, &day)) return false;
      has_day = true;
    }
    if (has_day && !has_month) return false;
    if (has_day && !valid_date(year, month, day)) return false;
    if (!has_month && !year) return false;
    if (auto mw = m.get("m4")) {
      // "tháng năm" alone is ambiguous ("tháng, năm"): May only with a day or year.
      if (lower(*mw) == "năm" && !has_day && !year) return false;
    }
    if (has_month && !has_day && m.has("d")) return false;
    if (!year && has_month && ref_full(ref)) {
      if (m.has("relm")) {  // "tháng 3 tới": the next such month
        year = month > *ref->month ? *ref->year : *ref->year + 1;
      } else {
        year = nearest_year(*ref, month, has_day ? day : 0);
      }
      if (has_day && !valid_date(year, month, day)) return false;
    }
    bool inferred = false;
    if (!year && has_month && has_day && !ref_full(ref)) {
      year = infer_year(m, month, day);
      inferred = year.has_value();
    }
    v.year = year;
    v.year_inferred = inferred;
    if (has_month) v.month = month;
    if (has_day) v.day = day;
    // "-" between day and month without a year needs a date word before
    // ("ngày 14-7", "sáng 14-7"): "thắng 2-1" is a score.
    if (m.has("m2") && !m.has("y2") && !m.has("pre") && !m.has("pre2") && !m.has("pre3") &&
        !m.has("pod") && !m.has("wd") && !clock.has) {
      return false;
    }
    // Codes and fractions: "số 12/3", "1/3 số hộ", "01/12/QĐ".
    if (m.has("d") && (m.has("m") || m.has("m2"))) {
      const auto t = view_text(m);
      const std::string before = lower(word_before(t, m.start()));
      if (before == "số" || before == "thắng" || before == "thua" || before == "hòa" ||
          before == "tỷ" || before == "tỉ") {
        return false;
      }
      const std::string after = lower(word_after(t, m.end()));
      if (!m.has("y") && !m.has("y2") && (after == "số" || after == "tổng")) return false;
      if (m.has("m") && !m.has("y") && !m.has("pre") && !m.has("pre2") && !m.has("pod") &&
          !m.has("wd") && !clock.has && !after.empty()) {
        // "7/8 thí sinh": a fraction of a counted noun, not 7 August.
        const auto rest = rest_of_line(t, m.end());
        const std::size_t b = rest.find_first_not_of(' ');
        if (b != std::string_view::npos) {
          std::size_t e = b;
          for (int words = 0; words < 3 && e != std::string_view::npos; ++words) {
            const std::size_t sp = rest.find(' ', e);
            const std::size_t we = sp == std::string_view::npos ? rest.size() : sp;
            if (m.lexicon().lookup("units", rest.substr(b, we - b))) return false;
            e = sp == std::string_view::npos ? sp : sp + 1;
          }
        }
      }
      if (glued(m)) return false;
    }
  }
  if (auto wd = m.get("wd")) {
    int n = 0;
    if (!to_int(list_attr(m, "weekdays", *wd, "n"), &n)) return false;
    // "thứ Hai (6/3)" alone: the weekday as news writes it, with a capital;
    // "lần thứ 2 (17/3)" is an ordinal and a date (rule date.weekday_paren).
    if (m.has("paren") && !m.has("pre") && !m.has("pod") && n != 7) {
      const std::size_t sp = wd->find(' ');
      if (sp == string_view::npos || sp + 1 >= wd->size()) return false;
      std::size_t len = 0;
      (void)decode_at(*wd, sp + 1, len);
      const string_view first = wd->substr(sp + 1, len ? len : 1);
      if (to_lower(first) == first) return false;  // "thứ 2", "thứ hai"
    }
    v.weekday = n;
    // An inferred year must agree with the weekday written: "thứ Hai (6/3)"
    // is 2023-03-06 (a Monday), never 2022-03-06 (a Sunday).
    if (v.year_inferred && weekday_of(*v.year, *v.month, *v.day) != n) {
      v.year.reset();
      v.year_inferred = false;
    }
  }
  if (clock.has) {
    v.hour = clock.hour;
    v.minute = clock.minute;
  }
  if (pod) v.part_of_day = pod;
  *out = v;
  return true;
}

/// A weekday standing alone: "Chủ nhật", "vào thứ Hai", "sáng thứ Bảy",
/// "thứ năm tuần tới" (resolved against the reference date).
bool weekday(const Match& m, Value* out) {
  auto wd = m.get("wd");
  if (!wd) return false;
  int n = 0;
  if (!to_int(list_attr(m, "weekdays", *wd, "n"), &n)) return false;
  const auto& ref = m.reference_date();
  DateValue v;
  v.weekday = n;
  if (auto p = m.get("pod")) v.part_of_day = pod_of(m, *p);
  auto rw = m.get("relweek");  // "thứ Năm tuần tới": in that week
  if (!rw) rw = m.get("relw");  // "thứ Ba tới": its next (or last) occurrence
  if (rw) {
    if (!ref_full(ref)) return false;
    int step = 0;
    if (!direction_step(m, *rw, &step)) return false;
    const DateValue today = ref_day(*ref);
    const int tw = weekday_of(*today.year, *today.month, *today.day);
    int off = n - tw;
    if (m.has("relweek")) {
      off += 7 * step;
    } else if (step > 0) {
      off = n > tw ? n - tw : n - tw + 7;
    } else if (step < 0) {
      off = n < tw ? n - tw : n - tw - 7;
    }
    v = add_days(today, off);
    v.weekday = n;
    if (auto p = m.get("pod")) v.part_of_day = pod_of(m, *p);
    *out = v;
    return true;
  }
  // Without a week word, a weekday needs context: "thứ hai" is also "second".
  const std::string w = lower_collapsed(*wd);
  const bool sunday = n == 7 && w != "cn";
  if (!sunday && !m.has("pod") && !m.has("pre") && !whole_line(m)) return false;
  if (w == "cn" || w.size() == 2) {
    // "CN", "T2": only with a date word before.
    if (!m.has("pre") && !m.has("pod")) return false;
  }
  *out = v;
  return true;
}

/// "năm nay", "năm ngoái", "tháng trước", "tháng tới": a year or a month
/// relative to the reference date.
bool date_rel(const Match& m, Value* out) {
  auto r = m.get("rel");  // after "năm"
  if (!r) r = m.get("rel2");  // after "tháng"
  if (!r) return false;
  const auto& ref = m.reference_date();
  if (!ref_full(ref)) return false;
  // "5 năm trước" is five years ago, not last year.
  const auto t = view_text(m);
  const auto before = word_before(t, m.start());
  if (!before.empty()) {
    int dummy = 0;
    if (small_int(before, &dummy)) return false;
  }
  const bool is_year = m.has("year");  // "năm nay", else "tháng này"
  int off = 0;
  if (!direction_step(m, *r, &off)) return false;
  DateValue v;
  if (is_year) {
    v.year = *ref->year + off;
  } else {
    int y = *ref->year, mo = *ref->month + off;
    if (mo < 1) {
      mo += 12;
      --y;
    }
    if (mo > 12) {
      mo -= 12;
      ++y;
    }
    v.year = y;
    v.month = mo;
  }
  *out = v;
  return true;
}

/// A clock time not attached to a date: "15:26", "9 giờ 30", "9h30", "lúc
/// 14 giờ", "3 giờ rưỡi chiều". A bare "8 giờ" is a duration (a figure).
bool time_of_day(const Match& m, Value* out) {
  optional<PartOfDay> pod;
  if (auto p = m.get("tpod")) pod = pod_of(m, *p);
  Clock c;
  if (!read_clock(m, "hh", {"mi", "mi2", "mi3"}, pod, &c) || !c.has) return false;
  const bool words = !m.get("hh")->empty() && !is_ascii_digit(static_cast<unsigned char>((*m.get("hh"))[0]));
  if (!m.has("at") && !pod && !c.explicit_minutes && !m.has("ampm") && (!c.colon || words)) {
    return false;
  }
  if (glued(m)) return false;
  TimeValue v;
  v.hour = c.hour;
  v.minute = c.minute;
  *out = v;
  return true;
}

// ------------------------------------------------------------------ ranges

DateRangeValue months_range(optional<int> y, int m1, int m2) {
  DateRangeValue r;
  r.from.year = y;
  r.from.month = m1;
  r.from.day = 1;
  r.to.year = y;
  r.to.month = m2;
  r.to.day = days_in_month(y.value_or(0), m2);
  return r;
}

bool day_month(const Match& m, string_view dn, std::initializer_list<string_view> mn,
               std::initializer_list<string_view> yn, int* d, optional<int>* mo,
               optional<int>* y) {
  auto dv = m.get(dn);
  if (!dv || !to_int(*dv, d)) return false;
  for (auto n : mn) {
    if (auto v = m.get(n)) {
      int x = 0;
      if (!to_int(*v, &x)) return false;
      *mo = x;
    }
  }
  return year_of(m, yn, y);
}

DateRangeValue range_of(optional<int> y1, optional<int> m1, optional<int> d1, optional<int> y2,
                        optional<int> m2, optional<int> d2) {
  DateRangeValue r;
  r.from.year = y1;
  r.from.month = m1;
  r.from.day = d1;
  r.to.year = y2;
  r.to.month = m2;
  r.to.day = d2;
  return r;
}

/// "Từ ngày 23/11 đến ngày 25/11/2021", "13 và 14-7", "từ 14 đến 16/8",
/// "28/7/1929 - 28/7/2024".
bool date_range(const Match& m, Value* out) {
  int d1 = 0, d2 = 0;
  optional<int> m1, m2, y1, y2;
  if (!day_month(m, "d1", {"m1", "m1b"}, {"y1", "y1b"}, &d1, &m1, &y1)) return false;
  if (!day_month(m, "d2", {"m2", "m2b", "m2c"}, {"y2", "y2b", "y2c"}, &d2, &m2, &y2)) {
    return false;
  }
  if (!m2) return false;
  const std::string conn = lower_collapsed(m.get("conn").value_or(""));
  if (conn == "và" && (m1 || d2 != d1 + 1)) return false;
  if (!m1 && d1 >= d2) return false;
  if (m.has("m2b") && !m1 && !y2 && !m.has("from") && !m.has("pre") && conn != "và") {
    return false;  // "5-7-8"? not a range we trust
  }
  if (!m1) m1 = m2;
  if (!y1 && y2) y1 = (*m1 > *m2) ? *y2 - 1 : *y2;
  const auto& ref = m.reference_date();
  if (!y2 && ref_full(ref)) {
    y2 = nearest_year(*ref, *m2, d2);
    y1 = (*m1 > *m2) ? *y2 - 1 : *y2;
  }
  if (y1 && !y2) return false;
  if (!valid_date(y1, *m1, d1) || !valid_date(y2, *m2, d2)) return false;
  if (y1 && y2) {
    if (days_from_civil(*y1, *m1, d1) >= days_from_civil(*y2, *m2, d2)) return false;
  } else if (*m1 > *m2 || (*m1 == *m2 && d1 >= d2)) {
    return false;
  }
  if (glued(m)) return false;
  *out = range_of(y1, m1, d1, y2, m2, d2);
  return true;
}

/// "từ tháng 7/2021 đến tháng 9/2021", "tháng 7 - 9/2021", "từ tháng 11/2023
/// đến hết tháng 2/2024": months, no days. Without a year the months must
/// run forward ("tháng 3 đến tháng 5"); a year written only at the end is the
/// start's too, or the year before when the months wrap.
bool month_range(const Match& m, Value* out) {
  int m1 = 0, m2 = 0;
  if (!to_int(m.get("m1").value_or(""), &m1) || !to_int(m.get("m2").value_or(""), &m2)) {
    return false;
  }
  if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) return false;
  optional<int> y1, y2;
  if (!year_of(m, {"y1", "y1b"}, &y1) || !year_of(m, {"y2", "y2b"}, &y2)) return false;
  if (y1 && !y2) return false;  // "tháng 7/2021 - 9": not a range we trust
  if (!y1 && y2) y1 = m1 < m2 ? *y2 : *y2 - 1;
  if (y1 ? (*y1 * 12 + m1 >= *y2 * 12 + m2) : m1 >= m2) return false;
  if (glued(m)) return false;
  *out = range_of(y1, m1, std::nullopt, y2, m2, std::nullopt);
  return true;
}

/// "nhiệm kỳ 2023 - 2028", "giai đoạn 2021-2025", "2020 - 2025".
bool year_range(const Match& m, Value* out) {
  int a = 0, b = 0;
  if (!to_int(m.get("y1").value_or(""), &a) || !to_int(m.get("y2").value_or(""), &b)) {
    return false;
  }
  if (a < 1900 || b > 2200 || b <= a || b - a > 100) return false;
  if (glued(m)) return false;
  DateRangeValue r;
  r.from.year = a;
  r.to.year = b;
  *out = r;
  return true;
}

/// "6 tháng đầu năm 2020" = Jan 1 – Jun 30; "6 tháng cuối năm" = Jul 1 –
/// Dec 31 (of the reference year when no year is written).
bool part_of_year(const Match& m, Value* out) {
  int n = 0;
  if (!small_int(m.get("n").value_or(""), &n) || n < 1 || n > 11) return false;
  optional<int> y;
  if (!year_of(m, {"y"}, &y)) return false;
  const auto& ref = m.reference_date();
  if (!y && ref_full(ref)) y = ref->year;
  const bool first = lower(m.get("pos").value_or("")) == "đầu";
  *out = first ? months_range(y, 1, n) : months_range(y, 13 - n, 12);
  return true;
}

bool quarter_number(string_view q, int* out) {
  const std::string s = lower(q);
  if (s == "i" || s == "1" || s == "một" || s == "nhất") {
    *out = 1;
  } else if (s == "ii" || s == "2" || s == "hai") {
    *out = 2;
  } else if (s == "iii" || s == "3" || s == "ba") {
    *out = 3;
  } else if (s == "iv" || s == "4" || s == "bốn" || s == "tư") {
    *out = 4;
  } else {
    return false;
  }
  return true;
}

/// "quý I/2023", "quý 3", "quý 4 năm 2018", "quý này", "quý tới".
bool quarter(const Match& m, Value* out) {
  const auto& ref = m.reference_date();
  optional<int> y;
  int q = 0;
  if (auto r = m.get("rel")) {
    if (!ref_full(ref)) return false;
    const int cur = (*ref->month - 1) / 3 + 1;
    int off = 0;
    if (!direction_step(m, *r, &off)) return false;
    int qq = cur + off;
    int yy = *ref->year;
    if (qq < 1) {
      qq += 4;
      --yy;
    }
    if (qq > 4) {
      qq -= 4;
      ++yy;
    }
    q = qq;
    y = yy;
  } else {
    if (!quarter_number(m.get("q").value_or(""), &q)) return false;
    if (!year_of(m, {"y"}, &y)) return false;
    if (!y && ref_full(ref)) y = ref->year;
  }
  *out = months_range(y, 3 * q - 2, 3 * q);
  return true;
}

/// "tuần này", "tuần trước", "tuần tới": Monday to Sunday.
bool week_rel(const Match& m, Value* out) {
  const auto& ref = m.reference_date();
  if (!ref_full(ref)) return false;
  int step = 0;
  if (!direction_step(m, m.get("rel").value_or(""), &step)) return false;
  const int off = 7 * step;
  const DateValue today = ref_day(*ref);
  const int tw = weekday_of(*today.year, *today.month, *today.day);
  DateRangeValue r;
  r.from = add_days(today, off - (tw - 1));
  r.to = add_days(r.from, 6);
  *out = r;
  return true;
}

/// "3 ngày tới", "2 tháng vừa rồi", "5 năm qua", "3 giờ tới": whole units
/// after (or before) the current one, as Duckling counts them.
bool span_rel(const Match& m, Value* out) {
  int n = 0;
  if (!small_int(m.get("n").value_or(""), &n) || n < 1 || n > 1000) return false;
  const auto& ref = m.reference_date();
  if (!ref_full(ref)) return false;
  const std::string unit = lower(m.get("u").value_or(""));
  int dir_step = 0;
  if (!direction_step(m, m.get("dir").value_or(""), &dir_step)) return false;
  const bool future = dir_step > 0;
  DateRangeValue r;
  const DateValue today = ref_day(*ref);
  if (unit == "ngày") {
    r.from = future ? add_days(today, 1) : add_days(today, -n);
    r.to = future ? add_days(today, n) : add_days(today, -1);
  } else if (unit == "tuần") {
    const int tw = weekday_of(*today.year, *today.month, *today.day);
    const DateValue monday = add_days(today, -(tw - 1));
    r.from = future ? add_days(monday, 7) : add_days(monday, -7 * n);
    r.to = future ? add_days(monday, 7 * n + 6) : add_days(monday, -1);
  } else if (unit == "tháng") {
    const int base = *ref->year * 12 + (*ref->month - 1);
    const int a = future ? base + 1 : base - n;
    const int b = future ? base + n : base - 1;
    r.from.year = a / 12;
    r.from.month = a % 12 + 1;
    r.to.year = b / 12;
    r.to.month = b % 12 + 1;
  } else if (unit == "năm") {
    r.from.year = future ? *ref->year + 1 : *ref->year - n;
    r.to.year = future ? *ref->year + n : *ref->year - 1;
  } else if (unit == "giờ" || unit == "tiếng" || unit == "phút") {
    if (!ref->hour) return false;
    const int step = (unit == "phút") ? 1 : 60;
    const int now = *ref->hour * 60 + (unit == "phút" ? ref->minute.value_or(0) : 0);
    const int a = future ? now + step : now - n * step;
    const int b = future ? now + n * step : now - step;
    auto at = [&](int minutes) {
      int day_off = 0;
      while (minutes < 0) {
        minutes += 24 * 60;
        --day_off;
      }
      day_off += minutes / (24 * 60);
      minutes %= 24 * 60;
      DateValue d = add_days(today, day_off);
      d.hour = minutes / 60;
      if (unit == "phút") d.minute = minutes % 60;
      return d;
    };
    r.from = at(a);
    r.to = at(b);
  } else {
    return false;
  }
  *out = r;
  return true;
}

/// A four-digit year standing alone, 1900 to 2099 ("kế hoạch 2021", "World Cup
/// 2022", "(SN 1990)"): a date with only its year, not a count. Not a year when
/// glued to a code, score or phone number ("116/2020/NĐ-CP", "0917 61 2020"),
/// after a label or a qualifier ("số 2021", "khoảng 2000"), or before the noun
/// it counts ("2000 công nhân").
bool year_alone(const Match& m, Value* out) {
  auto y = m.get("yo");
  int year = 0;
  if (!y || !to_int(*y, &year) || year < 1900 || year > 2099 || glued(m)) return false;
  const auto t = view_text(m);
  const Lexicon& lex = m.lexicon();
  const string_view before = word_before(t, m.start());
  if (!before.empty()) {
    if (before.back() >= '0' && before.back() <= '9') return false;
    const std::string b = lower(before);
    if (lex.lookup_exact("number_labels", b) || lex.lookup_exact("qualifiers", b)) return false;
  }
  if (noun_word(lex, word_after(t, m.end()), true)) return false;  // "2000 công nhân"
  DateValue v;
  v.year = year;
  *out = v;
  return true;
}

}  // namespace

void register_date_productions(ProductionRegistry& r) {
  r.add("date", date);
  r.add("year_alone", year_alone);
  r.add("weekday", weekday);
  r.add("date_rel", date_rel);
  r.add("time", time_of_day);
  r.add("date_range", date_range);
  r.add("year_range", year_range);
  r.add("month_range", month_range);
  r.add("part_of_year", part_of_year);
  r.add("quarter", quarter);
  r.add("week_rel", week_rel);
  r.add("span_rel", span_rel);
}

}  // namespace values

// ------------------------------------------------------- reference date

std::optional<DateValue> find_reference_date(const NormalizedText& nt) {
  // Header lines: "09:01 | 11/01/2019", "15:26 - 25/11/2021", "Cập nhật
  // lúc20:08, Thứ Tư, 15/07/2020 (GMT+7)", "11/01/2019 09:01", or a short
  // line that is only a date ("Thứ Tư, 15/07/2020").
  static const RE2 kTimeThenDate(
      R"((?:^|[^\d:])(\d{1,2}):(\d{2})(?::\d{2})?[^\d\n]{0,40}?(\d{1,2})/(\d{1,2})/(\d{4})(?:[^\d/]|$))");
  static const RE2 kDateThenTime(
      R"((?:^|[^\d/])(\d{1,2})/(\d{1,2})/(\d{4})[^\d\n]{0,12}?(\d{1,2}):(\d{2})(?:[^\d]|$))");
  static const RE2 kDateOnly(
      R"(^[^\d\n]{0,30}?(\d{1,2})/(\d{1,2})/(\d{4})[^\d\n]{0,20}$)");
  std::string_view text = nt.text;
  if (text.size() > 400) text = text.substr(0, 400);
  int lines = 0;
  std::size_t pos = 0;
  while (pos < text.size() && lines < 6) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.find_first_not_of(" \t\r|") == std::string_view::npos) continue;
    ++lines;
    int hh = 0, mi = 0, d = 0, mo = 0, y = 0;
    const re2::StringPiece sp(line.data(), line.size());
    const bool found = RE2::PartialMatch(sp, kTimeThenDate, &hh, &mi, &d, &mo, &y) ||
                       RE2::PartialMatch(sp, kDateThenTime, &d, &mo, &y, &hh, &mi) ||
                       (line.size() < 60 && RE2::PartialMatch(sp, kDateOnly, &d, &mo, &y));
    if (!found) continue;
    if (y < 1900 || y > 2200 || !values::valid_date(y, mo, d)) continue;
    DateValue v;
    v.year = y;
    v.month = mo;
    v.day = d;
    return v;
  }
  return std::nullopt;
}

}  // namespace vnie::detail
