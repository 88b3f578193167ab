#include "events/assembler.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

#include "text/unicode.h"

namespace vnie::detail {
namespace {

using Span = std::pair<std::size_t, std::size_t>;

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

EventAssembler::Keywords load(const Lexicon& lex, std::string_view list) {
  EventAssembler::Keywords k;
  for (const auto& e : lex.entries(list)) {
    for (const auto& f : e.forms) k.forms.emplace_back(lower_same_length(f), std::string(e.attr("kind")));
  }
  std::stable_sort(k.forms.begin(), k.forms.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return k;
}

/// A list whose entries map each lower-case form to the entry's canonical
/// (first) form, longest form first: rules/lists/event_issuer_offices.txt.
EventAssembler::Keywords load_canonical(const Lexicon& lex, std::string_view list) {
  EventAssembler::Keywords k;
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
EventAssembler::Keywords load_markers(const Lexicon& lex) {
  EventAssembler::Keywords k = load(lex, "person_markers");
  for (auto& f : k.forms) f.first += ' ';
  return k;
}

/// Whole-word, non-overlapping occurrences of the keywords in `low`, longest
/// form first, sorted by start.
std::vector<EventAssembler::Hit> find(const EventAssembler::Keywords& k, std::string_view low) {
  std::vector<EventAssembler::Hit> hits;
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
  std::sort(hits.begin(), hits.end(),
            [](const auto& a, const auto& b) { return a.start < b.start; });
  return hits;
}

bool any_between(const std::vector<EventAssembler::Hit>& hits, std::size_t from, std::size_t to) {
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

/// One sentence: its span in the normalized text, lower-cased text, mentions.
struct Sentence {
  std::size_t start = 0, end = 0;
  std::string low;                   // lower-cased, same byte offsets, relative to start
  std::vector<const Mention*> ms;    // mentions inside it
  std::size_t rel(std::size_t abs) const { return abs - start; }
  std::vector<const Mention*> of(MentionType t) const {
    std::vector<const Mention*> out;
    for (const auto* m : ms) {
      if (m->type == t) out.push_back(m);
    }
    return out;
  }
};

bool is_date(const Mention* m) {
  return m->type == MentionType::date || m->type == MentionType::date_range;
}

bool has_day(const Mention* m) {
  if (const auto* d = std::get_if<DateValue>(&m->value)) return d->day.has_value();
  if (const auto* r = std::get_if<DateRangeValue>(&m->value)) return r->from.day.has_value();
  return false;
}

void set_date(MeetingEvent* ev, const Mention* m) {
  if (const auto* d = std::get_if<DateValue>(&m->value)) ev->date = *d;
  if (const auto* r = std::get_if<DateRangeValue>(&m->value)) ev->date_range = *r;
}

/// The unit kind ("collective"/"individual") of a number mention, or "".
std::string_view unit_kind(const Mention* m, const EventAssembler::Keywords& units) {
  const auto* n = std::get_if<NumberValue>(&m->value);
  if (!n || !n->unit) return {};
  const std::string low = lower_same_length(*n->unit);
  for (const auto& [form, kind] : units.forms) {
    if (low == form) return kind;
  }
  return {};
}

bool in_list(const std::string& s, const EventAssembler::Keywords& k) {
  const std::string low = lower_same_length(s);
  for (const auto& [form, kind] : k.forms) {
    if (low == form || low.starts_with(form + " ")) return true;
  }
  return false;
}

using Emit = std::function<void(Event, std::string_view)>;
using Vocab = EventAssembler::Vocabulary;

/// Offices that grant in the name of the body written after them, lower case
/// with their trailing space: "Chủ tịch UBND tỉnh", "Bộ trưởng Bộ Y tế".
constexpr std::string_view kOfficeTitles[] = {"tổng giám đốc ", "chủ tịch ",   "bộ trưởng ",
                                              "giám đốc ",      "thủ trưởng ", "hiệu trưởng ",
                                              "viện trưởng ",   "chủ nhiệm "};

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
  return low == "công đoàn" || low == "ban chấp hành" || low == "ban tổ chức" ||
         low == "ban thường vụ";
}

/// Plan words ("triển khai nhiệm vụ") that do not stand after a word of
/// completion ("hoàn thành xuất sắc nhiệm vụ năm 2021" is what was done).
std::vector<EventAssembler::Hit> plan_hits(const Vocab& v, std::string_view low) {
  std::vector<EventAssembler::Hit> out;
  const auto hits = find(v.plan_words, low);
  for (const auto& h : hits) {
    if (h.kind == "done") continue;
    bool done = false;
    for (const auto& d : hits) done |= d.kind == "done" && d.end <= h.start && h.start - d.end <= 24;
    if (!done) out.push_back(h);
  }
  return out;
}

/// Meetings: each verb of a sentence that says a meeting took place, with a
/// meeting word next to it ("X tổ chức hội nghị …", "Hội nghị … diễn ra"),
/// and each later clause that opens with a meeting word and has no verb of
/// its own ("…; tập huấn Điều lệ …": organized by the same verb). Returns the
/// date of the first meeting emitted with one.
std::optional<DateValue> meeting(const std::vector<Sentence>& sents, std::size_t i,
                                 std::string_view text, const Vocab& v,
                                 const std::optional<std::string>& topic, const Emit& emit) {
  const Sentence& st = sents[i];
  // Meeting words inside an award ("Kỷ niệm chương") do not count, nor do
  // words in a context phrase ("chào mừng đại hội", "nhân kỷ niệm").
  const auto blockers = find(v.meeting_blockers, st.low);
  auto preceded_by = [&](std::size_t pos, std::string_view kind, std::size_t within) {
    for (const auto& b : blockers) {
      if (b.kind == kind && b.end <= pos && pos - b.end <= within) return true;
    }
    return false;
  };
  std::vector<EventAssembler::Hit> kinds;
  for (const auto& h : find(v.meeting_kinds, st.low)) {
    bool in_award = false;
    for (const auto* m : st.ms) {
      in_award |= m->type == MentionType::award && st.rel(m->start) <= h.start &&
                  h.end <= st.rel(m->end);
    }
    if (!in_award && !preceded_by(h.start, "context", 2)) kinds.push_back(h);
  }
  if (kinds.empty()) return std::nullopt;
  const auto all_verbs = find(v.meeting_verbs, st.low);
  // The verb must stand next to a meeting word: "X tổ chức hội nghị …",
  // "Hội nghị … diễn ra"; "tổ chức" as a noun ("tổ chức công đoàn") is no
  // verb, nor is one denied ("chưa tổ chức") or governed by a directive
  // ("chỉ đạo các CĐCS tổ chức …", "góp phần tổ chức thành công …": what
  // others were to do, not a meeting reported).
  struct Anchor {
    EventAssembler::Hit verb;
    std::size_t first, last;  // the meeting words (indices into kinds)
  };
  std::vector<Anchor> anchors;
  for (const auto& h : all_verbs) {
    const std::string_view after = std::string_view(st.low).substr(h.end);
    if (after.starts_with(" công đoàn") || after.starts_with(" đoàn") ||
        std::string_view(st.low).substr(0, h.start).ends_with("của ")) {
      continue;
    }
    if (preceded_by(h.start, "negation", 12) || preceded_by(h.start, "context", 2)) continue;
    // "100% CĐCS tổ chức hội nghị người lao động": a share, not a meeting.
    bool share = false;
    for (const auto* m : st.ms) {
      share |= m->type == MentionType::percent && st.rel(m->end) <= h.start && h.start - st.rel(m->end) <= 24 &&
               st.rel(m->start) >= clause_start(st.low, h.start);
    }
    if (share) continue;
    bool directed = false;
    for (const auto& b : blockers) {
      if (b.kind != "directive" || b.end > h.start || h.start - b.end > 120 ||
          b.start < clause_start(st.low, h.start)) {
        continue;
      }
      bool verb_between = false;
      for (const auto& o : all_verbs) verb_between |= o.start >= b.end && o.end <= h.start;
      directed |= !verb_between;
    }
    if (directed) continue;
    std::size_t best = kinds.size(), dist = std::string::npos;
    for (std::size_t k = 0; k < kinds.size(); ++k) {
      if (kinds[k].start >= h.end && kinds[k].start - h.end <= 24 && kinds[k].start - h.end < dist) {
        best = k;
        dist = kinds[k].start - h.end;
      }
    }
    if (best == kinds.size()) {
      for (std::size_t k = 0; k < kinds.size(); ++k) {
        if (h.start >= kinds[k].end && h.start - kinds[k].end <= 60) best = k;
      }
    }
    if (best == kinds.size()) continue;
    // Meeting words joined to it name the same meeting ("giao ban, tổng kết").
    std::size_t first = best, last = best;
    auto joined = [&](std::size_t a, std::size_t b) {
      const std::string_view gap = std::string_view(st.low).substr(kinds[a].end, kinds[b].start - kinds[a].end);
      return gap == ", " || gap == " và " || gap == " - " || gap == " ";
    };
    while (first > 0 && joined(first - 1, first)) --first;
    while (last + 1 < kinds.size() && joined(last, last + 1)) ++last;
    bool known = false;
    for (const auto& a : anchors) known |= a.first == first;
    if (!known) anchors.push_back({h, first, last});
  }
  if (anchors.empty()) return std::nullopt;
  std::sort(anchors.begin(), anchors.end(),
            [&](const Anchor& a, const Anchor& b) { return a.first < b.first; });
  // Later clauses that open with a meeting word share the verb before them.
  for (std::size_t k = anchors.back().last + 1; k < kinds.size(); ++k) {
    const std::size_t cs = clause_start(st.low, kinds[k].start);
    if (cs == 0 || cs <= kinds[anchors.back().first].start) continue;
    const std::string_view lead = std::string_view(st.low).substr(cs, kinds[k].start - cs);
    if (lead.find_first_not_of(' ') != std::string_view::npos) continue;
    const std::size_t ce = std::min(st.low.find(';', kinds[k].start), st.low.size());
    bool own_verb = false;
    for (const auto& h : all_verbs) own_verb |= h.start >= cs && h.end <= ce;
    if (own_verb) continue;
    anchors.push_back({anchors.back().verb, k, k});
  }

  // Date: a dated mention of this sentence, else of the sentence before.
  const Mention* date = nullptr;
  for (const auto* m : st.ms) {
    if (is_date(m) && has_day(m)) {
      date = m;
      break;
    }
  }
  std::size_t evidence_start = st.start;
  if (!date && i > 0) {
    const Sentence& prev = sents[i - 1];
    for (const auto* m : prev.ms) {
      if (is_date(m) && has_day(m)) date = m;
    }
    if (date && !find(v.meeting_kinds, lower_same_length(text.substr(prev.start, prev.end - prev.start))).empty()) {
      date = nullptr;  // that date belongs to the meeting of the sentence before
    }
    if (date) evidence_start = prev.start;
  }
  std::vector<PersonValue> attendees;
  for (const auto* m : st.ms) {
    if (const auto* p = std::get_if<PersonValue>(&m->value)) attendees.push_back(*p);
  }
  if (i + 1 < sents.size()) {
    const Sentence& next = sents[i + 1];
    const std::string low = lower_same_length(text.substr(next.start, next.end - next.start));
    if (low.find("dự") != std::string::npos || low.find("chủ trì") != std::string::npos) {
      for (const auto* m : next.ms) {
        if (const auto* p = std::get_if<PersonValue>(&m->value)) attendees.push_back(*p);
      }
    }
  }
  const auto plans = plan_hits(v, st.low);
  std::optional<DateValue> when;
  bool first_meeting = true;
  for (std::size_t a = 0; a < anchors.size(); ++a) {
    const Anchor& an = anchors[a];
    MeetingEvent ev;
    std::size_t best = v.kind_order.size();
    std::size_t kind_at = kinds[an.first].start;
    for (std::size_t k = an.first; k <= an.last; ++k) {
      const auto it = std::find(v.kind_order.begin(), v.kind_order.end(), kinds[k].kind);
      const auto rank = static_cast<std::size_t>(it - v.kind_order.begin());
      if (rank < best) {
        best = rank;
        ev.kind = std::string(kinds[k].kind);
      }
    }
    const std::size_t region_end = a + 1 < anchors.size() ? kinds[anchors[a + 1].first].start : st.low.size();
    // Organizer: the organization nearest before the verb ("X tổ chức",
    // "do X tổ chức"), else the first one of the sentence; a generic level
    // gives way to the body named by the meeting ("Đại hội Công đoàn X").
    const Mention* organizer = nullptr;
    std::vector<const Mention*> before_verb;
    for (const auto* m : st.ms) {
      if (m->type == MentionType::organization && st.rel(m->end) <= an.verb.start) before_verb.push_back(m);
    }
    if (!before_verb.empty()) organizer = before_verb.back();
    // "X phối hợp với Y tổ chức …": X organizes, Y helps.
    for (std::size_t k = before_verb.size(); k-- > 1;) {
      const std::string_view head = std::string_view(st.low).substr(0, st.rel(before_verb[k]->start));
      if (before_verb[k] != organizer) break;
      if (head.ends_with("phối hợp với ") || head.ends_with("cùng với ") || head.ends_with("phối hợp cùng ")) {
        organizer = before_verb[k - 1];
      }
    }
    const Mention* named = nullptr;
    for (const auto* m : st.ms) {
      if (m->type == MentionType::organization && st.rel(m->start) == kinds[an.last].end + 1 &&
          proper_name(canonical(m))) {
        named = m;
      }
    }
    if (named && (!organizer || !proper_name(canonical(organizer)))) organizer = named;
    if (!organizer) {
      for (const auto* m : st.ms) {
        if (m->type == MentionType::organization) {
          organizer = m;
          break;
        }
      }
    }
    if (organizer) ev.organizer = canonical(organizer);
    // "Công đoàn đã phối hợp … tổ chức": the body the article is about.
    if (ev.organizer && generic_body(*ev.organizer) && topic) ev.organizer = topic;
    if (date) set_date(&ev, date);
    // Periods: after the meeting word, the first period is the one reviewed,
    // one after a plan word ("triển khai nhiệm vụ năm 2021") the one planned.
    for (const auto* m : st.ms) {
      if (!is_date(m) || m == date || st.rel(m->start) < kind_at || st.rel(m->start) >= region_end) continue;
      auto p = period_of(*m);
      if (!p) continue;
      // An anniversary's span ("28/7/1929 - 28/7/2024") is no period, nor
      // is the year that names a conference ("Hội nghị người lao động năm
      // 2024"); a training prepares for the period it names.
      if (ev.kind == "ky_niem" || ev.kind == "hoi_nghi") break;
      // As written, with the word that makes it a school year or term.
      for (const std::string_view w : {"năm học ", "niên khóa ", "niên khoá "}) {
        if (std::string_view(st.low).substr(0, st.rel(m->start)).ends_with(w)) {
          p = std::string(text.substr(m->start - w.size(), w.size())) + *p;
        }
      }
      if (ev.kind == "tap_huan") {
        if (!ev.plan_period) ev.plan_period = p;
        continue;
      }
      // A congress ("đại hội … nhiệm kỳ 2023 - 2028") names the term it opens.
      if (ev.kind == "dai_hoi" || any_between(plans, kind_at, st.rel(m->start))) {
        if (!ev.plan_period) ev.plan_period = p;
      } else if (!ev.reviewed_period && !ev.plan_period) {
        ev.reviewed_period = p;
      }
    }
    if (first_meeting) ev.attendees = attendees;
    if (first_meeting) when = ev.date;
    first_meeting = false;
    Event e;
    e.type = EventType::meeting;
    e.start = evidence_start;
    e.end = st.end;
    e.value = std::move(ev);
    emit(std::move(e), std::to_string(kind_at) + ":" + std::string(st.low.substr(kind_at, 16)));
  }
  return when;
}


/// Awards: each award mention of a sentence with a granting verb, unless a
/// nomination, proposal or negation stands before it in its clause.
/// `ceremony`: the date of the meeting the text last reported, the date of a
/// grant when its own clause gives none.
void awards(const Sentence& st, std::string_view text, const Vocab& v,
            const std::optional<DateValue>& ceremony, const Emit& emit) {
  const auto list = st.of(MentionType::award);
  if (list.empty()) return;
  const auto verbs = find(v.award_verbs, st.low);
  if (verbs.empty()) return;
  const auto blockers = find(v.award_blockers, st.low);
  const auto orgs = st.of(MentionType::organization);
  auto between = [&](std::size_t a, std::size_t b) {
    return std::string_view(st.low).substr(a, b > a ? b - a : 0);
  };

  // An office before the body grants in its name: "Chủ tịch UBND tỉnh",
  // "Bộ trưởng Bộ Y tế".
  auto office = [&](const Mention* o) {
    std::string name = canonical(o);
    const std::string_view head = between(0, st.rel(o->start));
    for (const std::string_view title : kOfficeTitles) {
      if (head.ends_with(title) && name.rfind("Chủ tịch", 0) != 0) {
        const std::size_t at = st.start + st.rel(o->start) - title.size();
        std::string written(text.substr(at, title.size()));
        if (!written.empty()) written[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(written[0])));
        return written + name;
      }
    }
    return name;
  };
  // An office that names an issuer alone at byte `p` of the sentence
  // (rules/lists/event_issuer_offices.txt: "thủ tướng" → Thủ tướng Chính phủ):
  // its (form, issuer), or nullptr.
  auto office_alone_at = [&](std::size_t p) -> const std::pair<std::string, std::string>* {
    for (const auto& f : v.issuer_offices.forms) {
      if (st.low.compare(p, f.first.size(), f.first) == 0 &&
          at_word_boundaries(st.low, p, p + f.first.size())) {
        return &f;
      }
    }
    return nullptr;
  };
  // Where an office alone starts a word of the sentence, found once (each
  // award looks for one before it).
  std::vector<std::pair<std::size_t, const std::pair<std::string, std::string>*>> offices;
  for (std::size_t p = 0; p < st.low.size(); ++p) {
    if (p > 0 && st.low[p - 1] != ' ') continue;
    if (const auto* o = office_alone_at(p)) offices.emplace_back(p, o);
  }
  std::vector<AwardEvent> evs(list.size());
  std::vector<bool> blocked(list.size(), false), reach_only(list.size(), false);
  for (std::size_t k = 0; k < list.size(); ++k) {
    const Mention* a = list[k];
    const std::size_t as = st.rel(a->start), ae = st.rel(a->end);
    const std::size_t from = std::max(clause_start(st.low, as),
                                      k > 0 ? st.rel(list[k - 1]->end) : std::size_t{0});
    blocked[k] = any_between(blockers, from, as);
    // "đạt danh hiệu" says who holds a title: after another award of the
    // clause it describes that award's recipients ("tặng Bằng khen cho 42
    // nữ cán bộ đạt danh hiệu …"); alone, without recipients, it is no grant.
    {
      const std::size_t cs = clause_start(st.low, as);
      const std::size_t ce = std::min(st.low.find(';', ae), st.low.size());
      bool only_reach = false, other = false, reach_before = false, other_before = false;
      for (const auto& h : verbs) {
        const bool reach = st.low.compare(h.start, h.end - h.start, "đạt") == 0;
        if (h.start >= cs && h.end <= ce) (reach ? only_reach : other) = true;
        if (h.start >= from && h.end <= as) (reach ? reach_before : other_before) = true;
      }
      reach_only[k] = only_reach && !other;
      if (reach_before && !other_before && from > cs &&
          between(from, as).find("cho ") != std::string_view::npos) {
        blocked[k] = true;
      }
    }
    // "98% nữ cán bộ đạt danh hiệu …": a share that holds a title is a
    // statistic, not a grant.
    for (const auto* m : st.ms) {
      blocked[k] = blocked[k] || (m->type == MentionType::percent && st.rel(m->start) >= from &&
                                  st.rel(m->end) <= as);
    }
    const auto& av = std::get<AwardValue>(a->value);
    evs[k].award_kind = av.kind;
    evs[k].award = av.name;
    // Issuer: "… của X" (or "của Bộ trưởng X": the office of X), else "X
    // tặng …" / "được X tặng …" before the award.
    for (const auto* o : orgs) {
      if (st.rel(o->start) < ae) continue;
      std::string_view gap = between(ae, st.rel(o->start));
      for (const std::string_view title : kOfficeTitles) {
        if (gap.size() > title.size() && gap.ends_with(title)) {
          gap.remove_suffix(title.size());  // " của bộ trưởng " → " của "
          break;
        }
      }
      if (gap == " của " || gap == " của các " || gap == " do ") {
        evs[k].issuer = office(o);
        break;
      }
    }
    // "Bằng khen của Thủ tướng": an office that needs no body to name it.
    if (!evs[k].issuer) {
      for (const std::string_view lead : {" của ", " do "}) {
        if (between(ae, st.low.size()).starts_with(lead)) {
          if (const auto* o = office_alone_at(ae + lead.size())) evs[k].issuer = o->second;
        }
      }
    }
    // "Thừa ủy quyền của Chủ tịch nước, Đại tá X … trao Huân chương …",
    // "Thay mặt Bộ GD-ĐT, ông Y trao Bằng khen …": the award is handed over on
    // behalf of that body, which is its issuer; only before a giving verb
    // ("ông Z thay mặt Công ty B nhận Bằng khen" is a recipient).
    if (!evs[k].issuer) {
      auto on_behalf = [&](std::size_t at) {
        const std::string_view lead = between(0, at);
        for (const std::string_view w : {"thừa ủy quyền của ", "thừa uỷ quyền của ",
                                         "thừa ủy quyền ", "thừa uỷ quyền ", "thay mặt "}) {
          if (lead.ends_with(w)) return true;
        }
        return false;
      };
      auto gives_between = [&](std::size_t lo, std::size_t hi) {
        return std::any_of(verbs.begin(), verbs.end(), [&](const auto& h) {
          return h.start >= lo && h.end <= hi && h.kind == "give";
        });
      };
      for (const auto* o : orgs) {
        const std::size_t os = st.rel(o->start), oe = st.rel(o->end);
        if (oe <= as && on_behalf(os) && gives_between(oe, as)) {
          evs[k].issuer = office(o);
          break;
        }
      }
      for (const auto& [p, o] : offices) {  // "thừa ủy quyền của Thủ tướng"
        if (evs[k].issuer || p >= as) break;
        if (p + o->first.size() <= as && on_behalf(p) && gives_between(p + o->first.size(), as)) {
          evs[k].issuer = o->second;
        }
      }
    }
    {
      const bool have_issuer = evs[k].issuer.has_value();
      // The verb nearest before the award first: "X vinh dự được Y tặng
      // thưởng Huân chương" is Y's grant to X.
      for (auto vit = verbs.rbegin(); vit != verbs.rend(); ++vit) {
        const auto& verb = *vit;
        if (verb.end > as || verb.start < from) continue;
        const Mention* subject = nullptr;
        for (const auto* o : orgs) {
          // "… tặng Cờ thi đua cho X và trao Bằng khen …": X received.
          const bool received = between(0, st.rel(o->start)).ends_with("cho ");
          if (st.rel(o->end) <= verb.start && st.rel(o->start) >= from && !received) subject = o;
        }
        if (!subject) continue;
        const std::string_view gap = between(st.rel(subject->end), verb.start);
        const std::string_view before = between(from, st.rel(subject->start));
        const bool agent = before.ends_with("được ") || before.ends_with("do ");
        if (verb.kind == "give" && (agent || (gap.find("được") == std::string_view::npos &&
                                              gap.size() <= 24))) {
          if (!have_issuer) evs[k].issuer = office(subject);
          // "Y (đã, vinh dự) được X tặng …": Y is the recipient.
          for (const auto* o : orgs) {
            const std::string_view g = between(st.rel(o->end), st.rel(subject->start));
            if (o != subject && st.rel(o->end) <= st.rel(subject->start) &&
                g.ends_with("được ") && g.size() <= 24) {
              Recipient r;
              r.name = canonical(o);
              r.kind = "collective";
              evs[k].recipients.push_back(r);
            }
          }
        } else if (verb.kind == "receive" || gap.find("được") != std::string_view::npos) {
          // "…, Giám đốc Bệnh viện X, là một trong 8 cá nhân được công
          // nhận …": the count receives, not the body before it.
          bool counted_between = false;
          for (const auto* n : st.ms) {
            counted_between |= n->type == MentionType::number && st.rel(n->start) >= st.rel(subject->end) &&
                               st.rel(n->end) <= verb.start && !unit_kind(n, v.recipient_units).empty();
          }
          if (counted_between) break;
          Recipient r;  // "CĐCS X được tặng …": the subject receives
          r.name = canonical(subject);
          r.kind = "collective";
          evs[k].recipients.push_back(r);
        }
        break;
      }
    }
    // "Ông Nguyễn Văn A được tặng Huân chương …", "bà B vinh dự nhận Bằng
    // khen", "Ông được truy tặng …": a person (or a person marker alone, one
    // individual) right before a receiving verb of the award's clause, with
    // only other award verbs between them ("vinh dự được tặng").
    if (evs[k].recipients.empty()) {
      const auto nearest = std::find_if(verbs.rbegin(), verbs.rend(),
                                        [&](const auto& h) { return h.end <= as && h.start >= from; });
      if (nearest != verbs.rend() && nearest->kind == "receive") {
        // Start of the run of verbs ending at the nearest one.
        std::size_t run = nearest->start;
        for (auto it = nearest; it != verbs.rend(); ++it) {
          if (it->end > run) continue;
          if (between(it->end, run).find_first_not_of(' ') != std::string_view::npos) break;
          run = it->start;
        }
        const std::string_view head = between(from, run);
        const Mention* subject = nullptr;
        for (const auto* p : st.of(MentionType::person)) {
          const std::size_t ps = st.rel(p->start), pe = st.rel(p->end);
          if (ps < from || pe > run || !std::holds_alternative<PersonValue>(p->value)) continue;
          if (between(pe, run).find_first_not_of(' ') == std::string_view::npos) subject = p;
        }
        if (subject && !between(from, st.rel(subject->start)).ends_with("cho ") &&
            !between(from, st.rel(subject->start)).ends_with("được ")) {
          Recipient r;
          r.name = std::get<PersonValue>(subject->value).name;
          r.kind = "individual";
          evs[k].recipients.push_back(r);
        } else if (!subject && from == clause_start(st.low, as)) {
          std::size_t b = head.find_first_not_of(' ');
          const std::string_view h = b == std::string_view::npos ? std::string_view{} : head.substr(b);
          for (const auto& [form, kind] : v.person_markers.forms) {  // "ông ", "bà "
            if (h == form) {
              Recipient r;
              r.count = 1;
              r.kind = "individual";
              evs[k].recipients.push_back(r);
              break;
            }
          }
        }
      }
    }
    // Named recipients after "cho", and those chained to them by "và" or ","
    // (to one named after the award: "X đạt huy chương Bạc và em Y đạt bằng
    // khen" gives Y no silver medal).
    std::size_t named_end = ae;
    for (const auto* o : orgs) {
      const std::size_t os = st.rel(o->start);
      if (os < ae || (k + 1 < list.size() && os > st.rel(list[k + 1]->start))) continue;
      bool in_count = false;  // "cho 2 công đoàn bộ phận": counted, not named
      for (const auto* n : st.ms) {
        in_count |= n->type == MentionType::number && st.rel(n->start) < st.rel(o->end) && os < st.rel(n->end);
      }
      if (in_count) continue;
      std::string_view gap = between(named_end, os);
      // "cho Công đoàn Bệnh viện X" where only "Bệnh viện X" was recognized.
      std::string prefix;
      constexpr std::string_view kUnion = "công đoàn ";
      if (gap.ends_with(std::string("cho ") + std::string(kUnion)) &&
          !lower_same_length(canonical(o)).starts_with("công đoàn")) {
        prefix = std::string(text.substr(o->start - kUnion.size(), kUnion.size()));
        gap.remove_suffix(kUnion.size());
      }
      const auto cho = gap.rfind("cho ");
      const bool chained = named_end > ae && !evs[k].recipients.empty() && evs[k].recipients.back().name &&
                           (gap.ends_with(" và ") || gap.ends_with(", "));
      if (((cho != std::string_view::npos && gap.size() - cho <= 12) || chained) &&
          canonical(o) != evs[k].issuer.value_or("")) {
        Recipient r;
        r.name = prefix.empty() ? canonical(o) : "Công đoàn " + canonical(o);
        r.kind = "collective";
        evs[k].recipients.push_back(r);
        named_end = st.rel(o->end);
      }
    }
    // Persons named after "cho", with or without a marker ("cho anh Nguyễn
    // Văn Bình", "cho đồng chí X và bà Y"): individual recipients.
    for (const auto* p : st.of(MentionType::person)) {
      const std::size_t ps = st.rel(p->start);
      if (ps < named_end || (k + 1 < list.size() && ps > st.rel(list[k + 1]->start))) continue;
      const auto* pv = std::get_if<PersonValue>(&p->value);
      if (pv == nullptr) continue;
      std::string_view gap = between(named_end, ps);
      for (const auto& [form, kind] : v.person_markers.forms) {  // longest first
        if (gap.size() > form.size() && gap.ends_with(form) && gap[gap.size() - form.size() - 1] == ' ') {
          gap.remove_suffix(form.size());
          break;
        }
      }
      const bool after_cho = gap.ends_with("cho ") && gap.size() <= 40;
      const bool chained = named_end > ae && !evs[k].recipients.empty() && evs[k].recipients.back().name &&
                           (gap == " và " || gap == ", ");
      if (!after_cho && !chained) continue;
      Recipient r;
      r.name = pv->name;
      r.kind = "individual";
      evs[k].recipients.push_back(r);
      named_end = st.rel(p->end);
    }
    // "trao tặng 01 Cờ thi đua … cho CĐCS X": the number of awards given to
    // the one body named.
    if (evs[k].recipients.size() == 1 && evs[k].recipients[0].name && !evs[k].recipients[0].count) {
      for (const auto* m : st.ms) {
        const auto* n = std::get_if<NumberValue>(&m->value);
        if (n && !n->unit && st.rel(m->end) + 1 == as && st.low[st.rel(m->end)] == ' ' && n->value >= 1) {
          evs[k].recipients[0].count = static_cast<int>(n->value);
        }
      }
    }
    const std::size_t award_clause = clause_start(st.low, as);
    for (const auto* m : st.ms) {
      const auto* d = std::get_if<DateValue>(&m->value);
      // "Năm 2023, … được tặng Bằng khen": a date before the award in its
      // clause; a year after it ("… xuất sắc năm 2023") is what was rewarded.
      // "theo Quyết định số … ngày 15/9/2023": the decision's date.
      const std::size_t ds = st.rel(m->start);
      const std::string_view lead = between(ds > 48 ? ds - 48 : 0, ds);
      if (d && (d->year || d->day) && ds >= award_clause &&
          st.rel(m->end) <= as && lead.find("quyết định") == std::string_view::npos) {
        evs[k].date = *d;
        break;
      }
    }
    if (!evs[k].date) evs[k].date = ceremony;
  }
  // Counted recipients: a count followed by "được … nhận" belongs to the next
  // award, otherwise to the award before it.
  for (const auto* m : st.ms) {
    if (m->type != MentionType::number) continue;
    std::string_view kind = unit_kind(m, v.recipient_units);
    std::size_t ne = st.rel(m->end);
    // "3 đồng chí được trao …" where the number came without its noun.
    const auto* nv = std::get_if<NumberValue>(&m->value);
    if (kind.empty() && nv && !nv->unit && st.low.compare(ne, 1, " ") == 0) {
      std::size_t len = 0;
      for (const auto& [form, k] : v.recipient_units.forms) {
        const std::size_t e = ne + 1 + form.size();
        if (form.size() > len && st.low.compare(ne + 1, form.size(), form) == 0 &&
            (e == st.low.size() || st.low[e] == ' ' || st.low[e] == ',' || st.low[e] == ';' || st.low[e] == '.')) {
          len = form.size();
          kind = k;
        }
      }
      ne += len ? len + 1 : 0;
    }
    if (kind.empty()) continue;
    const std::size_t ns = st.rel(m->start);
    std::size_t prev = list.size(), next = list.size();
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (st.rel(list[k]->end) <= ns) prev = k;
      if (st.rel(list[k]->start) >= ne && next == list.size()) next = k;
    }
    std::size_t target = prev != list.size() ? prev : next;
    if (next != list.size()) {
      const std::string_view gap = between(ne, st.rel(list[next]->start));
      const bool same_clause = gap.find(';') == std::string_view::npos;
      if ((same_clause && (gap.find("được") != std::string_view::npos ||
                           gap.find("nhận") != std::string_view::npos)) ||
          prev == list.size()) {
        target = next;
      }
    }
    if (target == list.size()) continue;
    Recipient r;
    r.count = static_cast<int>(std::get<NumberValue>(m->value).value);
    r.kind = std::string(kind);
    evs[target].recipients.push_back(r);
  }
  // "nhiều tập thể và cá nhân": recipients without a count.
  for (std::size_t k = 0; k < list.size(); ++k) {
    if (!evs[k].recipients.empty()) continue;
    const std::size_t ae = st.rel(list[k]->end);
    const std::size_t limit = k + 1 < list.size() ? st.rel(list[k + 1]->start) : st.low.size();
    const std::string_view after = between(ae, limit);
    const std::string_view before = between(clause_start(st.low, st.rel(list[k]->start)),
                                            st.rel(list[k]->start));
    // "nhiều tập thể và cá nhân", "các tập thể, cá nhân": each noun of the
    // quantified phrase is a recipient without a count.
    for (const std::string_view region : {before, after}) {
      for (const char* q : {"nhiều ", "các "}) {
        const auto at = region.find(q);
        if (at == std::string_view::npos) continue;
        const std::string_view phrase = region.substr(at + std::string_view(q).size(), 32);
        bool collective = phrase.starts_with("tập thể");
        bool individual = phrase.starts_with("cá nhân");
        if (collective && (phrase.find(" và cá nhân") != std::string_view::npos ||
                           phrase.find(", cá nhân") != std::string_view::npos)) {
          individual = true;
        }
        if (collective || individual) {
          for (bool c : {true, false}) {
            if (c ? !collective : !individual) continue;
            Recipient r;
            r.kind = c ? "collective" : "individual";
            evs[k].recipients.push_back(r);
          }
          break;
        }
      }
      if (!evs[k].recipients.empty()) break;
    }
  }
  // Lists share what is written once: an award without an issuer takes the
  // issuer of the next award of the sentence, else of the one before.
  std::vector<std::size_t> clause(list.size());  // each award's clause start, found once
  for (std::size_t k = 0; k < list.size(); ++k) clause[k] = clause_start(st.low, st.rel(list[k]->start));
  auto clause_of = [&](std::size_t k) { return clause[k]; };
  for (std::size_t k = 0; k < list.size(); ++k) {
    if (evs[k].issuer) continue;
    for (std::size_t j = k + 1; j < list.size() && !evs[k].issuer; ++j) {
      if (clause_of(j) == clause_of(k)) evs[k].issuer = evs[j].issuer;
    }
    for (std::size_t j = k; j-- > 0 && !evs[k].issuer;) {
      if (clause_of(j) == clause_of(k)) evs[k].issuer = evs[j].issuer;
    }
  }
  for (std::size_t k = 0; k < list.size(); ++k) {
    if (blocked[k] || (reach_only[k] && evs[k].recipients.empty())) continue;
    Event e;
    e.type = EventType::award;
    e.start = st.start;
    e.end = st.end;
    e.value = std::move(evs[k]);
    emit(std::move(e), std::to_string(list[k]->start - st.start) + ":" +
                           std::string(text.substr(list[k]->start, list[k]->end - list[k]->start)));
  }
}


/// Funding: an amount of money in a sentence that gives or grants it.
/// `topic`: the organization the article is about, the giver when the
/// sentence names none.
void funding(const Sentence& st, std::string_view text, const Vocab& v,
             const std::optional<std::string>& topic, const Emit& emit) {
  const auto amounts = st.of(MentionType::money);
  if (amounts.empty()) return;
  const auto verbs = find(v.funding_verbs, st.low);
  if (verbs.empty()) return;
  const auto not_funding = find(v.not_funding, st.low);
  for (const auto* m : amounts) {
    const std::size_t ms = st.rel(m->start);
    const std::size_t from = clause_start(st.low, ms);
    // The nearest cue word before the amount decides: a salary, price or
    // saving word nearer than any giving word makes it no gift.
    std::size_t last_verb = std::string::npos, last_not = std::string::npos;
    for (const auto& h : verbs) {
      if (h.end <= ms) last_verb = h.start;
    }
    for (const auto& h : not_funding) {
      if (h.end <= ms && h.start >= from) last_not = h.start;
    }
    if (last_not != std::string::npos && (last_verb == std::string::npos || last_not > last_verb)) continue;
    if (last_verb == std::string::npos) {
      bool after = false;
      for (const auto& h : verbs) after |= h.start >= st.rel(m->end) && h.start - st.rel(m->end) < 40;
      if (!after) continue;
    }
    FundingEvent ev;
    ev.amount = std::get<MoneyValue>(m->value);
    const std::size_t anchor = last_verb != std::string::npos ? last_verb : ms;
    std::size_t first_verb = anchor;
    for (const auto& h : verbs) {
      if (h.start >= from && h.start < first_verb) first_verb = h.start;
    }
    for (const auto* o : st.ms) {
      if (o->type == MentionType::organization && st.rel(o->end) <= anchor &&
          st.rel(o->start) >= from) {
        ev.giver = canonical(o);
      }
    }
    // "… được CBCCVC, người lao động tích cực tham gia; … đã đóng góp …",
    // "Toàn ngành đã vận động …": people or a whole sector gave, not a body.
    // The subject is the nearest organization, person or such word before
    // the first giving word (in the sentence when its clause names none).
    // In the sentence: before its first giving word (its own subject).
    const std::size_t sentence_verb = verbs.empty() ? first_verb : std::min(first_verb, verbs.front().start);
    // "Công đoàn công ty đã thăm hỏi …; trao 150 suất quà …": a clause
    // without a subject shares the sentence's.
    if (!ev.giver && from > 0) {
      for (const auto* o : st.ms) {
        if (o->type == MentionType::organization && st.rel(o->end) <= sentence_verb) ev.giver = canonical(o);
      }
    }
    bool people = false;
    {
      for (std::size_t lo : {from, std::size_t{0}}) {
        const std::size_t limit = lo == 0 ? sentence_verb : first_verb;
        bool org = false, someone = false;
        for (const auto* o : st.ms) {
          if (st.rel(o->end) > limit || st.rel(o->start) < lo) continue;
          org |= o->type == MentionType::organization;
          someone |= o->type == MentionType::person;
        }
        for (const auto& h : find(v.non_org_givers, st.low)) {
          bool inside = false;  // "Công đoàn Viên chức tỉnh" holds no "viên chức"
          for (const auto* o : st.ms) {
            inside |= o->type != MentionType::number && st.rel(o->start) <= h.start &&
                      h.end <= st.rel(o->end);
          }
          // Counted people ("450.000 lượt đoàn viên") and people after
          // "cho" are those who received.
          bool counted = false;
          for (const auto* o : st.ms) {
            counted |= o->type == MentionType::number && st.rel(o->end) <= h.start &&
                       h.start - st.rel(o->end) <= 1;
            // the counted noun inside the figure's span ("450.000 lượt đoàn viên")
            counted |= o->type == MentionType::number && st.rel(o->start) <= h.start &&
                       h.end <= st.rel(o->end);
          }
          const std::string_view head = std::string_view(st.low).substr(0, h.start);
          counted |= head.ends_with("cho ") || head.ends_with("cho các ");
          someone |= !inside && !counted && h.end <= limit && h.start >= lo;
        }
        // Only when no body stands there: "Công đoàn … tặng quà cho đoàn
        // viên …" names its giver.
        people = !org && someone &&
                 !(first_verb < ms && std::string_view(st.low).substr(0, first_verb).ends_with("được "));
        if (org || someone || lo == 0) break;
      }
    }
    if (people) {
      ev.giver.reset();
    } else if (!ev.giver || generic_body(*ev.giver)) {
      ev.giver = topic;
    }
    // "mỗi suất 300.000 đồng", "mỗi nhà 50 triệu đồng", "10 triệu đồng mỗi
    // trường hợp": a per-unit amount. The unit is the longest counted noun
    // the words after "mỗi" begin with, else their first word.
    auto unit_at = [&](std::size_t at) {
      const std::string_view rest = std::string_view(st.low).substr(at);
      std::size_t len = 0;
      for (const auto* list : {&v.beneficiary_units, &v.recipient_units}) {
        for (const auto& [form, kind] : list->forms) {
          if (form.size() > len && rest.starts_with(form) &&
              (rest.size() == form.size() || rest[form.size()] == ' ' || rest[form.size()] == ',' ||
               rest[form.size()] == '.' || rest[form.size()] == ';')) {
            len = form.size();
          }
        }
      }
      if (len == 0) len = std::min(rest.find_first_of(" ,.;"), rest.size());
      return std::string(text.substr(st.start + at, len));
    };
    if (!ev.amount.per_unit) {
      constexpr std::string_view kEach = "mỗi ";
      const std::string_view before = std::string_view(st.low).substr(from, ms - from);
      const auto each = before.rfind(kEach);
      const std::size_t me = st.rel(m->end);
      if (each != std::string_view::npos && before.size() - each <= 28) {
        const std::string unit = unit_at(from + each + kEach.size());
        if (!unit.empty()) ev.amount.per_unit = unit;
      } else if (std::string_view(st.low).substr(me).starts_with(" mỗi ")) {
        const std::string unit = unit_at(me + 1 + kEach.size());
        if (!unit.empty()) ev.amount.per_unit = unit;
      }
    }
    // Beneficiaries: the nearest count of a beneficiary noun.
    std::size_t best = std::string::npos;
    const std::size_t clause_end = std::min(st.low.find(';', ms), st.low.size());
    for (const auto* n : st.ms) {
      if (n->type != MentionType::number || st.rel(n->start) < from ||
          st.rel(n->end) > clause_end) {
        continue;
      }
      const auto* nv = std::get_if<NumberValue>(&n->value);
      if (!nv || !nv->unit || !in_list(*nv->unit, v.beneficiary_units)) continue;
      const std::size_t d = n->start > m->start ? n->start - m->start : m->start - n->start;
      if (d < best) {
        best = d;
        ev.beneficiary_count = static_cast<int>(nv->value);
        ev.beneficiary_unit = *nv->unit;
        // "215 lượt đoàn viên": a count of visits names the people after it.
        const std::string_view after = std::string_view(st.low).substr(st.rel(n->end));
        if (lower_same_length(*nv->unit) == "lượt" && after.starts_with(" ")) {
          std::size_t len = 0;
          for (const auto& [form, kind] : v.beneficiary_units.forms) {
            if (form.size() > len && after.substr(1).starts_with(form) && !form.starts_with("lượt") &&
                (after.size() == form.size() + 1 || after[form.size() + 1] == ' ' ||
                 after[form.size() + 1] == ',' || after[form.size() + 1] == '.')) {
              len = form.size();
            }
          }
          if (len) ev.beneficiary_unit = *nv->unit + " " + std::string(text.substr(n->end + 1, len));
        }
      }
    }
    // Purpose: a named fund ("Quỹ …") or what follows "cho"/"để"/"nhằm".
    const std::string_view sentence = text.substr(st.start, st.end - st.start);
    // A phrase runs to the next punctuation; a fund's name also stops
    // before the words that open its use ("… cho 10 hộ").
    auto phrase_at = [&](std::size_t p, bool fund_name) {
      std::size_t e = p;
      while (e < sentence.size() && sentence[e] != ',' && sentence[e] != ';' &&
             sentence[e] != '.' && e - p < 120) {
        ++e;
      }
      // A purpose ends before the amount's own words; a fund's name also
      // before the words that open its use ("… cho 10 hộ").
      for (const char* w : {" với số tiền", " số tiền", " trị giá", " tổng số", " với tổng",
                            " được ", " hỗ trợ ", " với "}) {
        const auto stop = st.low.find(w, p);
        if (stop != std::string::npos && stop < e) e = stop;
      }
      if (fund_name) {
        for (const char* w : {" cho ", " để ", " nhằm ", " tại "}) {
          const auto stop = st.low.find(w, p);
          if (stop != std::string::npos && stop < e) e = stop;
        }
      }
      while (e > p && sentence[e - 1] == ' ') --e;
      return std::string(sentence.substr(p, e - p));
    };
    if (auto q = st.low.find("quỹ "); q != std::string::npos) {
      ev.purpose = phrase_at(q, true);
    } else {
      for (const char* w : {" cho ", " để ", " nhằm "}) {
        const auto p = st.low.find(w, first_verb);
        if (p != std::string::npos && p < st.rel(m->end) + 80) {
          std::string purpose = phrase_at(p + 1, false);
          if (purpose.size() > std::string_view(w).size()) {
            ev.purpose = purpose;
            break;
          }
        }
      }
    }
    Event e;
    e.type = EventType::funding;
    e.start = st.start;
    e.end = st.end;
    e.value = std::move(ev);
    emit(std::move(e), std::to_string(m->start - st.start) + ":" +
                           std::string(text.substr(m->start, m->end - m->start)));
  }
}

/// A meeting told twice (a headline, then the report) is one meeting: of two
/// meetings with the same kind and organizer, the one whose date and periods
/// add nothing to the other's is dropped (the later one when they agree).
void drop_restated_meetings(std::vector<Event>* out, std::size_t first) {
  auto within = [](const MeetingEvent& a, const MeetingEvent& b) {
    auto sub = [](const auto& x, const auto& y) { return !x || x == y; };
    return a.kind == b.kind && a.organizer == b.organizer && sub(a.date, b.date) &&
           sub(a.date_range, b.date_range) && sub(a.reviewed_period, b.reviewed_period) &&
           sub(a.plan_period, b.plan_period);
  };
  std::vector<bool> drop(out->size(), false);
  for (std::size_t a = first; a < out->size(); ++a) {
    const auto* ma = std::get_if<MeetingEvent>(&(*out)[a].value);
    if (!ma) continue;
    for (std::size_t b = first; b < out->size() && !drop[a]; ++b) {
      const auto* mb = std::get_if<MeetingEvent>(&(*out)[b].value);
      if (b == a || drop[b] || !mb || !within(*ma, *mb)) continue;
      drop[a] = !within(*mb, *ma) || a > b;
    }
  }
  std::size_t w = first;
  for (std::size_t r = first; r < out->size(); ++r) {
    if (drop[r]) continue;
    if (w != r) (*out)[w] = std::move((*out)[r]);
    ++w;
  }
  out->erase(out->begin() + static_cast<std::ptrdiff_t>(w), out->end());
}

}  // namespace

EventAssembler::EventAssembler(const Lexicon& lexicon)
    : vocab_{load(lexicon, "event_meeting_kinds"), load(lexicon, "event_meeting_verbs"),
             load(lexicon, "event_meeting_blockers"), load(lexicon, "event_plan_words"),    load(lexicon, "event_award_verbs"),
             load(lexicon, "event_award_blockers"), load(lexicon, "event_funding_verbs"),
             load(lexicon, "event_not_funding"),   load(lexicon, "event_recipient_units"),
             load(lexicon, "event_beneficiary_units"), load(lexicon, "event_non_org_givers"),
             load_canonical(lexicon, "event_issuer_offices"), load_markers(lexicon), {}},
      splitter_([&] {
        std::vector<std::string> abbr;
        for (const auto& e : lexicon.entries("sentence_abbreviations")) {
          abbr.insert(abbr.end(), e.forms.begin(), e.forms.end());
        }
        return abbr;
      }()) {
  // The order of meeting kinds in their list is their precedence.
  for (const auto& e : lexicon.entries("event_meeting_kinds")) {
    const std::string kind(e.attr("kind"));
    if (std::find(vocab_.kind_order.begin(), vocab_.kind_order.end(), kind) ==
        vocab_.kind_order.end()) {
      vocab_.kind_order.push_back(kind);
    }
  }
}

void EventAssembler::assemble(const NormalizedText& nt, const std::vector<Mention>& mentions,
                              std::vector<Event>* out) const {
  const bool relevant = std::any_of(mentions.begin(), mentions.end(), [](const Mention& m) {
    return m.type == MentionType::award || m.type == MentionType::money ||
           m.type == MentionType::organization || m.type == MentionType::date ||
           m.type == MentionType::date_range;
  });
  if (!relevant) return;

  const std::string_view text = nt.text;
  std::vector<Sentence> sents;
  std::size_t mi = 0;
  for (const auto& [s, e] : cut_long_sentences(text, splitter_.split(text))) {
    Sentence st;
    st.start = s;
    st.end = e;
    while (mi < mentions.size() && mentions[mi].start < s) ++mi;
    for (std::size_t k = mi; k < mentions.size() && mentions[k].start < e; ++k) {
      if (mentions[k].end <= e) st.ms.push_back(&mentions[k]);
    }
    if (!st.ms.empty()) st.low = lower_same_length(text.substr(s, e - s));
    sents.push_back(std::move(st));
  }

  std::set<std::string> seen;  // a paragraph repeated verbatim gives its events once
  const Emit emit = [&](Event ev, std::string_view anchor) {
    std::string key = std::string(to_string(ev.type)) + "|" +
                      std::string(text.substr(ev.start, ev.end - ev.start)) + "|" +
                      std::string(anchor);
    if (seen.insert(std::move(key)).second) out->push_back(std::move(ev));
  };
  std::optional<DateValue> ceremony;
  // The article's topic organization: the first named organization, replaced
  // by the organizer of each meeting reported.
  std::optional<std::string> topic;
  for (const auto& m : mentions) {
    const std::string c = canonical(&m);
    if (proper_name(c) && !generic_body(c)) {
      topic = c;
      break;
    }
  }
  const std::size_t first = out->size();
  for (std::size_t i = 0; i < sents.size(); ++i) {
    if (sents[i].ms.empty()) continue;
    const std::size_t before = out->size();
    if (auto d = meeting(sents, i, text, vocab_, topic, emit)) ceremony = d;
    for (std::size_t k = before; k < out->size(); ++k) {
      const auto& mv = std::get<MeetingEvent>((*out)[k].value);
      if (mv.organizer && proper_name(*mv.organizer) && !generic_body(*mv.organizer)) {
        topic = mv.organizer;
        break;
      }
    }
    awards(sents[i], text, vocab_, ceremony, emit);
    funding(sents[i], text, vocab_, topic, emit);
  }
  // A body named short after its full name ("LĐLĐ tỉnh" after "LĐLĐ tỉnh
  // Lào Cai") is that body: the first fuller name of the article it begins.
  std::vector<std::string> names;
  for (const auto& m : mentions) {
    const std::string c = canonical(&m);
    if (proper_name(c) && std::find(names.begin(), names.end(), c) == names.end()) names.push_back(c);
  }
  auto resolve = [&](std::optional<std::string>& name) {
    if (!name) return;
    if (!proper_name(*name)) {
      // A generic level ("CĐCS") in an article about one such body.
      std::optional<std::string> only;
      std::size_t n_found = 0;
      for (const auto& n : names) {
        if (n.size() > name->size() + 1 && lower_same_length(n).starts_with(*name) && n[name->size()] == ' ') {
          only = n;
          ++n_found;
        }
      }
      if (n_found == 1) name = only;
      return;
    }
    for (const auto& n : names) {
      if (n.size() > name->size() + 1 && n.starts_with(*name) && n[name->size()] == ' ') {
        name = n;
        return;
      }
    }
  };
  for (std::size_t k = first; k < out->size(); ++k) {
    auto& v = (*out)[k].value;
    if (auto* mv = std::get_if<MeetingEvent>(&v)) resolve(mv->organizer);
    if (auto* av = std::get_if<AwardEvent>(&v)) {
      resolve(av->issuer);
      for (auto& r : av->recipients) resolve(r.name);
    }
    if (auto* fv = std::get_if<FundingEvent>(&v)) resolve(fv->giver);
  }
  drop_restated_meetings(out, first);
  std::stable_sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                   [](const Event& a, const Event& b) { return a.start < b.start; });
}

}  // namespace vnie::detail
