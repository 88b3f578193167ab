#include "events/common.h"
#include "values/parse.h"

#include <algorithm>

#include "text/unicode.h"

namespace vnie::detail::ev {

/// Lower-cases code points whose lower-case form has the same UTF-8 length,
/// so byte offsets of the result are those of the input.
std::string lower_same_length(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') out[i] = static_cast<char>(b + 32);
      ++i;
      continue;
    }
    std::size_t len = 0;
    const char32_t c = decode_at(s, i, len);
    const std::string low = to_lower(s.substr(i, len));
    if (low.size() == len) out.replace(i, len, low);
    (void)c;
    i += len;
  }
  return out;
}

Keywords load(const Lexicon& lex, std::string_view list) {
  Keywords k;
  for (const auto& e : lex.entries(list)) {
    for (const auto& f : e.forms) k.forms.emplace_back(lower_same_length(f), std::string(e.attr("kind")));
  }
  std::stable_sort(k.forms.begin(), k.forms.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return k;
}

/// A list whose entries map each lower-case form to the entry's canonical
/// (first) form, longest form first: rules/lists/event_issuer_offices.txt.
Keywords load_canonical(const Lexicon& lex, std::string_view list) {
  Keywords k;
  for (const auto& e : lex.entries(list)) {
    if (e.forms.empty()) continue;
    for (const auto& f : e.forms) k.forms.emplace_back(lower_same_length(f), e.forms.front());
  }
  std::stable_sort(k.forms.begin(), k.forms.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return k;
}

/// The words written before a person's name (person_markers.txt), each
/// followed by its space: "đồng chí ", "anh ".
Keywords load_markers(const Lexicon& lex) {
  Keywords k = load(lex, "person_markers");
  for (auto& f : k.forms) f.first += ' ';
  return k;
}

/// Whole-word, non-overlapping occurrences of the keywords in `low`, longest
/// form first, sorted by start.
std::vector<Hit> find(const Keywords& k, std::string_view low) {
  std::vector<Hit> hits;
  for (const auto& [form, kind] : k.forms) {
    if (form.empty()) continue;
    for (std::size_t p = low.find(form); p != std::string_view::npos; p = low.find(form, p + 1)) {
      const std::size_t e = p + form.size();
      if (!at_word_boundaries(low, p, e)) continue;
      bool overlaps = false;
      for (const auto& h : hits) overlaps |= h.start < e && p < h.end;
      if (!overlaps) hits.push_back({p, e, kind});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  return hits;
}

bool any_between(const std::vector<Hit>& hits, std::size_t from, std::size_t to) {
  for (const auto& h : hits) {
    if (h.start >= from && h.end <= to) return true;
  }
  return false;
}

/// A period as written ("năm 2020", "6 tháng đầu năm"; docs/output-format.md)
/// from a year, month or range mention. A single day is a date, not a period.
std::optional<std::string> period_of(const Mention& m) {
  if (const auto* d = std::get_if<DateValue>(&m.value)) {
    if (d->day || (!d->year && !d->month)) return std::nullopt;
    return m.text;
  }
  if (std::holds_alternative<DateRangeValue>(m.value)) return m.text;
  return std::nullopt;
}

/// The canonical name of an organization mention ("" for anything else).
std::string canonical(const Mention* m) {
  const auto* o = m ? std::get_if<OrganizationValue>(&m->value) : nullptr;
  return o ? o->canonical : std::string();
}

bool is_date(const Mention* m) { return m->type == MentionType::date || m->type == MentionType::date_range; }

bool has_day(const Mention* m) {
  if (const auto* d = std::get_if<DateValue>(&m->value)) return d->day.has_value();
  if (const auto* r = std::get_if<DateRangeValue>(&m->value)) {
    if (!r->from.day || !r->to.day) return false;
    // Whole months ("quý I/2021", "6 tháng đầu năm") are a period, not days.
    // (a year unknown reads as a common year; no month as a month of 31 days)
    const int month_end =
        r->to.month ? values::days_in_month(r->to.year.value_or(2001), *r->to.month) : 31;
    return !(*r->from.day == 1 && *r->to.day == month_end);
  }
  return false;
}

void set_date(MeetingEvent* ev, const Mention* m) {
  if (const auto* d = std::get_if<DateValue>(&m->value)) ev->date = *d;
  if (const auto* r = std::get_if<DateRangeValue>(&m->value)) ev->date_range = *r;
}

/// The unit kind ("collective"/"individual") of a number mention, or "".
std::string_view unit_kind(const Mention* m, const Keywords& units) {
  const auto* n = std::get_if<NumberValue>(&m->value);
  if (!n || !n->unit) return {};
  // The longest form the counted noun is or begins with: "7 công dân dũng
  // cảm" counts công dân, "5 trường hợp" no school.
  const std::string low = lower_same_length(*n->unit);
  std::string_view best;
  std::size_t len = 0;
  for (const auto& [form, kind] : units.forms) {
    if (form.size() > len && (low == form || (low.starts_with(form) && low[form.size()] == ' '))) {
      best = kind;
      len = form.size();
    }
  }
  return best;
}

bool partner_between(const Sentence& st, const Keywords& partner_words, const Mention* a,
                     const Mention* b) {
  const std::size_t ae = st.rel(a->end), bs = st.rel(b->start);
  if (bs < ae) return false;
  std::string_view gap = std::string_view(st.low).substr(ae, bs - ae);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  for (const auto& [form, kind] : partner_words.forms) {
    if (!gap.ends_with(form)) continue;
    const std::size_t at = gap.size() - form.size();
    if (at == 0 || std::string_view(" ),").find(gap[at - 1]) != std::string_view::npos) return true;
  }
  return false;
}

bool in_list(const std::string& s, const Keywords& k) {
  const std::string low = lower_same_length(s);
  for (const auto& [form, kind] : k.forms) {
    if (low == form || low.starts_with(form + " ")) return true;
  }
  return false;
}

/// The clause start (after the last ';' before `pos`) in a lower-cased sentence.
std::size_t clause_start(const std::string& low, std::size_t pos) {
  const auto semi = low.rfind(';', pos);
  return semi == std::string::npos ? 0 : semi + 1;
}

/// A proper name starts with a capital ("Công đoàn Viên chức tỉnh"); generic
/// levels do not ("công đoàn cơ sở").
bool proper_name(const std::string& c) {
  if (c.empty()) return false;
  std::size_t len = 0;
  (void)decode_at(c, 0, len);
  return to_lower(c.substr(0, len)) != c.substr(0, len);
}

/// Bodies named by a generic word ("Công đoàn trao …", "Ban Tổ chức đã trao
/// …") stand for the organization the article is about.
bool generic_body(const std::string& canonical) {
  const std::string low = lower_same_length(canonical);
  return low == "công đoàn" || low == "ban chấp hành" || low == "ban tổ chức" || low == "ban thường vụ";
}

/// Plan words ("triển khai nhiệm vụ") that do not stand after a word of
/// completion ("hoàn thành xuất sắc nhiệm vụ năm 2021" is what was done).
std::vector<Hit> plan_hits(const Vocab& v, std::string_view low) {
  std::vector<Hit> out;
  const auto hits = find(v.plan_words, low);
  for (const auto& h : hits) {
    if (h.kind == "done") continue;
    bool done = false;
    for (const auto& d : hits) done |= d.kind == "done" && d.end <= h.start && h.start - d.end <= 24;
    if (!done) out.push_back(h);
  }
  return out;
}

}  // namespace vnie::detail::ev
