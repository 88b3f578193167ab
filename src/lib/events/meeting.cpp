// Meeting events (docs/events.md, "Meetings").
#include <algorithm>

#include "events/common.h"

namespace vnie::detail::ev {

namespace {

/// The blockers of a sentence (event_meeting_blockers.txt) and the test
/// "is there a blocker of this kind ending at most `within` bytes before".
struct Blockers {
  std::vector<Hit> hits;
  bool before(std::size_t pos, std::string_view kind, std::size_t within) const {
    for (const auto& b : hits) {
      if (b.kind == kind && b.end <= pos && pos - b.end <= within) return true;
    }
    return false;
  }
};

/// A verb and the meeting words it reports (indices into the kinds, joined
/// words "giao ban, tổng kết" name one meeting).
struct Anchor {
  Hit verb;
  std::size_t first, last;
};

/// A verb of one who took part ("phát biểu tại", "tham dự", "chủ trì") or a
/// place word ("tại hội nghị"): it refers to a meeting, organizes none.
bool referring(const Hit& h) { return h.kind == "reference" || h.kind == "at" || h.kind == "chair"; }

/// One who chairs ("Thủ tướng … chủ trì cuộc họp …", kind=chair): a
/// reference that tells the meeting whole, its day and its chair's body (the
/// organizer).
bool chairing(const Hit& h) { return h.kind == "chair"; }

/// Meeting words that are no meeting: inside an award ("Kỷ niệm chương"),
/// in a context phrase ("chào mừng đại hội", "nhân kỷ niệm").
/// A context word that ends a verb ("phát biểu tại hội nghị") is the verb's.
std::vector<Hit> meeting_words(const Sentence& st, const std::vector<Hit>& words, const Blockers& bl,
                               const std::vector<Hit>& verbs) {
  std::vector<Hit> kinds;
  for (const auto& h : words) {
    bool in_award = false;
    for (const auto* m : st.ms) {
      in_award |= m->type == MentionType::award && st.rel(m->start) <= h.start && h.end <= st.rel(m->end);
    }
    bool after_verb = false;
    for (const auto& vb : verbs) after_verb |= vb.end <= h.start && h.start - vb.end <= 2;
    // "các cuộc họp", "những hội nghị": many or any meetings, none reported
    // (also "tổ chức các hội nghị …": activities counted, not one meeting).
    if (bl.before(h.start, "generic", 1)) continue;
    // "trước thềm đại hội": one to come.
    if (!in_award && (after_verb || (!bl.before(h.start, "context", 2) && !bl.before(h.start, "plan", 2)))) {
      kinds.push_back(h);
    }
  }
  return kinds;
}

/// Whether verb `h` reports a meeting: "tổ chức" as a noun ("tổ chức công
/// đoàn") is no verb, nor is one denied ("chưa tổ chức"), a share ("100% CĐCS
/// tổ chức …") or governed by a directive ("chỉ đạo các CĐCS tổ chức …",
/// "góp phần tổ chức thành công …": what others were to do).
bool reporting_verb(const Sentence& st, const Hit& h, const std::vector<Hit>& all_verbs, const Blockers& bl) {
  const std::string_view after = std::string_view(st.low).substr(h.end);
  if (after.starts_with(" công đoàn") || after.starts_with(" đoàn") ||
      std::string_view(st.low).substr(0, h.start).ends_with("của ")) {
    return false;
  }
  if (bl.before(h.start, "negation", 12) || bl.before(h.start, "plan", 12) || bl.before(h.start, "context", 2)) {
    return false;
  }
  for (const auto* m : st.ms) {
    if (m->type == MentionType::percent && st.rel(m->end) <= h.start && h.start - st.rel(m->end) <= 24 &&
        st.rel(m->start) >= clause_start(st.low, h.start)) {
      return false;
    }
  }
  for (const auto& b : bl.hits) {
    if (b.kind != "directive" || b.end > h.start || h.start - b.end > 120 ||
        b.start < clause_start(st.low, h.start)) {
      continue;
    }
    bool verb_between = false;
    for (const auto& o : all_verbs) verb_between |= o.start >= b.end && o.end <= h.start;
    if (!verb_between) return false;
  }
  return true;
}

/// Whether the part of the sentence around a reference (from the last comma
/// before `from` to the first one after `to`) says the meeting is to come or
/// was not held ("sẽ biểu quyết tại Hội nghị …", "tại Hội nghị … dự kiến tổ
/// chức vào cuối năm").
bool planned_around(const Sentence& st, const Blockers& bl, std::size_t from, std::size_t to) {
  const std::size_t comma = st.low.rfind(',', from);
  const std::size_t lo = comma == std::string::npos ? 0 : comma + 1;
  const std::size_t hi = std::min(st.low.find(',', to), st.low.size());
  for (const auto& b : bl.hits) {
    if (b.kind == "plan" && b.start >= lo && b.end <= hi) return true;
  }
  return false;
}

/// The meeting word a verb reports: the nearest one after it within 24
/// bytes ("tổ chức hội nghị"), else the last one before it within 60 ("Hội
/// nghị … diễn ra"); kinds.size() when none.
std::size_t reported_word(const Sentence& st, const Hit& h, const std::vector<Hit>& kinds,
                          const std::vector<Hit>& all_verbs) {
  std::size_t best = kinds.size(), dist = std::string::npos;
  // A meeting word after a place word ("Tại hội nghị, các đại biểu đã tiến
  // hành …") is the place of what is told; a verb organizes it only when
  // written as its own ("tại hội nghị do Sở Y tế tổ chức").
  auto placed = [&](std::size_t k) {
    bool at = false;
    for (const auto& o : all_verbs) {
      if (o.kind != "at" || o.end > kinds[k].start) continue;
      const std::string_view gap = std::string_view(st.low).substr(o.end, kinds[k].start - o.end);
      at |= gap == " " || gap == " một ";
    }
    if (!at || h.start < kinds[k].end) return at;
    const std::string_view gap = std::string_view(st.low).substr(kinds[k].end, h.start - kinds[k].end);
    return gap.find(" do ") == std::string_view::npos && !gap.ends_with("được ");
  };
  // A place word ("tại hội nghị", "trong một cuộc họp báo") names the
  // meeting written right after it, or none.
  if (h.kind == "at") {
    for (std::size_t k = 0; k < kinds.size(); ++k) {
      if (kinds[k].start < h.end) continue;
      const std::string_view gap = std::string_view(st.low).substr(h.end, kinds[k].start - h.end);
      if (gap == " " || gap == " một ") return k;
      break;
    }
    return kinds.size();
  }
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    if (kinds[k].start >= h.end && kinds[k].start - h.end <= 24 && kinds[k].start - h.end < dist && !placed(k)) {
      best = k;
      dist = kinds[k].start - h.end;
    }
  }
  if (best == kinds.size()) {
    for (std::size_t k = 0; k < kinds.size(); ++k) {
      if (h.start >= kinds[k].end && h.start - kinds[k].end <= 60 && !placed(k)) best = k;
    }
  }
  return best;
}

/// Each reporting verb with the meeting words it reports, in text order;
/// then each later clause that opens with a meeting word and has no verb of
/// its own ("…; tập huấn Điều lệ …": organized by the same verb).
std::vector<Anchor> anchors_of(const Sentence& st, const std::vector<Hit>& kinds,
                               const std::vector<Hit>& all_verbs, const Blockers& bl) {
  std::vector<Anchor> anchors;
  for (const auto& h : all_verbs) {
    if (!reporting_verb(st, h, all_verbs, bl)) continue;
    const std::size_t best = reported_word(st, h, kinds, all_verbs);
    if (best == kinds.size()) continue;
    if (referring(h) && planned_around(st, bl, h.start, kinds[best].end)) continue;
    // Meeting words joined to it name the same meeting ("giao ban, tổng kết").
    std::size_t first = best, last = best;
    auto joined = [&](std::size_t a, std::size_t b) {
      const std::string_view gap =
          std::string_view(st.low).substr(kinds[a].end, kinds[b].start - kinds[a].end);
      return gap == ", " || gap == " và " || gap == " - " || gap == " ";
    };
    while (first > 0 && joined(first - 1, first)) --first;
    while (last + 1 < kinds.size() && joined(last, last + 1)) ++last;
    bool known = false;
    for (auto& a : anchors) {
      if (a.first != first) continue;
      known = true;
      // "tại hội nghị do Sở Y tế tổ chức": the verb that organizes it.
      if (referring(a.verb) && !chairing(a.verb) && !referring(h)) a.verb = h;
    }
    if (!known) anchors.push_back({h, first, last});
  }
  if (anchors.empty()) return anchors;
  std::sort(anchors.begin(), anchors.end(),
            [&](const Anchor& a, const Anchor& b) { return a.first < b.first; });
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
  return anchors;
}

/// The part of a sentence a meeting only referred to stands in: from the
/// comma before `from` (the place word; commas inside brackets or quotes
/// not counted) to the first verb of saying after `to` (the meeting word),
/// at most 200 bytes after it: its name, place and day ("tại Hội nghị sơ kết
/// …, cán bộ quản lý (GV, CBQL) … diễn ra tại Đà Nẵng trong ngày 23/4"), not
/// what is told there ("Cũng tại cuộc họp báo, ông A cho biết, Luật … có
/// hiệu lực kể từ ngày 1/1/2022"). One pass over the sentence.
Span own_part(const Sentence& st, const Vocab& v, std::size_t from, std::size_t to) {
  const std::string& low = st.low;
  Span part{0, std::min(low.size(), to + 200)};
  for (const auto& h : find(v.speech_verbs, low)) {
    if (h.start >= to) {
      part.second = std::min(part.second, h.start);
      break;
    }
  }
  int depth = 0;
  bool quoted = false;
  for (std::size_t k = 0; k < from; ++k) {
    const char c = low[k];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c == '"') quoted = !quoted;
    if (c == ',' && depth == 0 && !quoted) part.first = k + 1;
  }
  return part;
}

/// The paragraph's first date when it is written before the sentence ("Ngày
/// 9/1, … . Hội nghị … diễn ra …"); one after it ("Nhân dịp … 8/3") is not
/// the meeting's.
const Mention* written_before(const Sentence& st) {
  return st.paragraph_date && st.paragraph_date->start < st.start ? st.paragraph_date : nullptr;
}

/// The date of a meeting: a dated mention of its sentence (before `until`),
/// else of the sentence before (unless that one names a meeting of its own). Moves
/// `*evidence_start` to the sentence before when its date is taken.
const Mention* meeting_date(const std::vector<Sentence>& sents, std::size_t i, std::string_view text,
                            const Vocab& v, Span window, std::size_t* evidence_start) {
  const Sentence& st = sents[i];
  for (const auto* m : st.ms) {
    const std::size_t at = st.rel(m->start);
    const bool in_window = (at >= window.first && at < window.second) || at == 0;
    if (is_date(m) && has_day(m) && in_window) return m;
  }
  if (i == 0) return written_before(st);
  const Sentence& prev = sents[i - 1];
  const Mention* date = nullptr;
  for (const auto* m : prev.ms) {
    if (is_date(m) && has_day(m)) date = m;
  }
  if (date &&
      !find(v.meeting_kinds, lower_same_length(text.substr(prev.start, prev.end - prev.start))).empty()) {
    return written_before(st);  // that date belongs to the meeting of the sentence before
  }
  if (!date) return written_before(st);
  *evidence_start = prev.start;
  return date;
}

/// The persons of the sentence, and of the next one when it tells who
/// attended or chaired (dự, chủ trì).
std::vector<PersonValue> attendees_of(const std::vector<Sentence>& sents, std::size_t i,
                                      std::string_view text) {
  std::vector<PersonValue> attendees;
  for (const auto* m : sents[i].ms) {
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
  return attendees;
}

/// The most specific kind of the meeting words [first, last] (the order of
/// event_meeting_kinds.txt).
std::string kind_of(const Anchor& an, const std::vector<Hit>& kinds, const Vocab& v) {
  std::string kind;
  std::size_t best = v.kind_order.size();
  for (std::size_t k = an.first; k <= an.last; ++k) {
    const auto it = std::find(v.kind_order.begin(), v.kind_order.end(), kinds[k].kind);
    const auto rank = static_cast<std::size_t>(it - v.kind_order.begin());
    if (rank < best) {
      best = rank;
      kind = std::string(kinds[k].kind);
    }
  }
  return kind;
}

/// Organizer: the organization nearest before the verb ("X tổ chức", "do X
/// tổ chức"), else the first one of the sentence; a generic level gives way
/// to the body named by the meeting ("Đại hội Công đoàn X").
const Mention* organizer_of(const Sentence& st, const Vocab& v, const Anchor& an,
                            const std::vector<Hit>& kinds, const std::vector<Hit>& verbs) {
  const Mention* organizer = nullptr;
  // One who took part or a place word ("phát biểu tại", "tham dự", "tại"):
  // the bodies before it are of the speaker or of those present, not the
  // organizer; one who chairs ("UBND tỉnh chủ trì hội nghị") organizes.
  const bool chair = chairing(an.verb);
  const bool participant = referring(an.verb) && !chair;
  std::vector<const Mention*> before_verb;
  const Mention* person = nullptr;  // the last person before the mention read
  const Mention* last_org = nullptr;  // the last organization not of a person's title
  for (std::size_t k = 0; k < st.ms.size(); ++k) {
    const Mention* m = st.ms[k];
    if (m->type == MentionType::person) person = m;
    if (m->type != MentionType::organization) continue;
    // "Thứ trưởng Bộ Quốc phòng Nguyễn Tân Cương", "ông A, Chủ tịch UBND
    // tỉnh": a body of a person's title.
    const bool before_person = k + 1 < st.ms.size() && st.ms[k + 1]->type == MentionType::person &&
                               st.ms[k + 1]->start >= m->end && st.ms[k + 1]->start - m->end <= 1;
    bool after_person = false;
    if (person && m->start >= person->end && m->start - person->end <= 80) {
      const std::string_view gap = std::string_view(st.low).substr(st.rel(person->end), m->start - person->end);
      after_person = (gap.starts_with(",") || gap.starts_with(" -") || gap.starts_with(" (")) &&
                     gap.find(',', 1) == std::string_view::npos && gap.find(';') == std::string_view::npos;
    }
    if ((before_person || after_person) && !chair) continue;
    // "Tổng cục Giáo dục nghề nghiệp (Bộ LĐ-TB&XH) tổ chức": the body, not
    // its parent in brackets.
    if (last_org && std::string_view(st.low).substr(0, st.rel(m->start)).ends_with("(") &&
        st.rel(last_org->end) + 2 >= st.rel(m->start)) {
      continue;
    }
    last_org = m;
    if (!participant && st.rel(m->end) <= an.verb.start) before_verb.push_back(m);
  }
  if (!before_verb.empty()) organizer = before_verb.back();
  // "X phối hợp với Y tổ chức …": X organizes, Y helps.
  for (std::size_t k = before_verb.size(); k-- > 1;) {
    if (before_verb[k] != organizer) break;
    if (partner_between(st, v.partner_words, before_verb[k - 1], before_verb[k])) organizer = before_verb[k - 1];
  }
  const Mention* named = nullptr;
  for (const auto* m : st.ms) {
    if (m->type == MentionType::organization && st.rel(m->start) == kinds[an.last].end + 1 &&
        proper_name(canonical(m))) {
      named = m;
    }
  }
  if (named && (!organizer || !proper_name(canonical(organizer)))) organizer = named;
  // "Hội nghị tổng kết … của Sở Y tế" (within 80 bytes), "Tọa đàm … do
  // Prudential phối hợp tổ chức" (within 120): the body the meeting is of or
  // by, when no body organizes it before the verb (or the verb only refers
  // to it: "Chủ tịch UBND tỉnh phát biểu tại Hội nghị … của Sở …"); not past
  // a comma ("Tại buổi họp báo ngày 30/9, trao đổi về sai phạm của …").
  if (!named && !organizer) {
    const std::size_t word_end = kinds[an.last].end;
    for (const auto* m : st.ms) {
      const std::size_t ms = st.rel(m->start);
      if (m->type != MentionType::organization || ms < word_end || ms - word_end > 120) continue;
      const std::string_view gap = std::string_view(st.low).substr(word_end, ms - word_end);
      if (gap.find(',') != std::string_view::npos) break;
      // "do X" only with X's verb of organizing or chairing after it ("do
      // Prudential phối hợp tổ chức"; not "… đón nhận Huân chương … do Đảng,
      // Nhà nước trao tặng").
      bool organizes = false;
      for (const auto& h : verbs) {
        organizes |= (h.kind.empty() || chairing(h)) && h.start >= st.rel(m->end) && h.start - st.rel(m->end) <= 40;
      }
      if ((gap.ends_with(" của ") && ms - word_end <= 80) || (gap.ends_with(" do ") && organizes)) {
        organizer = m;
        break;
      }
    }
  }
  return organizer;
}

/// Periods: after the meeting word (from `kind_at`, before `region_end`),
/// the first period is the one reviewed, one after a plan word ("triển khai
/// nhiệm vụ năm 2021") the one planned.
void set_periods(const Sentence& st, std::string_view text, const std::vector<Hit>& plans,
                 const Mention* date, std::size_t kind_at, std::size_t region_end, MeetingEvent* ev) {
  for (const auto* m : st.ms) {
    if (!is_date(m) || m == date || st.rel(m->start) < kind_at || st.rel(m->start) >= region_end) continue;
    auto p = period_of(*m);
    if (!p) continue;
    // An anniversary's span ("28/7/1929 - 28/7/2024") is no period, nor
    // is the year that names a conference ("Hội nghị người lao động năm
    // 2024"); a training prepares for the period it names.
    if (ev->kind == "ky_niem" || ev->kind == "hoi_nghi") break;
    // As written, with the word that makes it a school year or term.
    for (const std::string_view w : {"năm học ", "niên khóa ", "niên khoá "}) {
      if (std::string_view(st.low).substr(0, st.rel(m->start)).ends_with(w)) {
        p = std::string(text.substr(m->start - w.size(), w.size())) + *p;
      }
    }
    if (ev->kind == "tap_huan") {
      if (!ev->plan_period) ev->plan_period = p;
      continue;
    }
    // A congress ("đại hội … nhiệm kỳ 2023 - 2028") names the term it opens;
    // a single year names the congress ("ĐHĐCĐ thường niên năm 2021").
    if (ev->kind == "dai_hoi" && !std::holds_alternative<DateRangeValue>(m->value)) break;
    if (ev->kind == "dai_hoi" || any_between(plans, kind_at, st.rel(m->start))) {
      if (!ev->plan_period) ev->plan_period = p;
    } else if (!ev->reviewed_period && !ev->plan_period) {
      ev->reviewed_period = p;
    }
  }
}

}  // namespace

/// Meetings: each verb of a sentence that says a meeting took place, with a
/// meeting word next to it ("X tổ chức hội nghị …", "Hội nghị … diễn ra"),
/// and each later clause that opens with a meeting word and has no verb of
/// its own. Returns the date of the first meeting emitted.
std::optional<DateValue> meeting(const std::vector<Sentence>& sents, std::size_t i, std::string_view text,
                                 const Vocab& v, const std::optional<std::string>& topic, bool reported,
                                 const Emit& emit) {
  const Sentence& st = sents[i];
  const Blockers bl{find(v.meeting_blockers, st.low)};
  auto verbs = find(v.meeting_verbs, st.low);
  // "họp" inside "các cuộc họp": part of many meetings, no verb (both lists
  // are sorted by start: one pass).
  const auto words = find(v.meeting_kinds, st.low);
  {
    std::size_t k = 0;
    std::erase_if(verbs, [&](const Hit& h) {
      while (k < words.size() && words[k].end <= h.start) ++k;
      return k < words.size() && words[k].start <= h.start && h.end <= words[k].end &&
             (bl.before(words[k].start, "generic", 1));
    });
  }
  const auto kinds = meeting_words(st, words, bl, verbs);
  if (kinds.empty()) return std::nullopt;
  auto anchors = anchors_of(st, kinds, verbs, bl);
  // "Phát biểu tại hội nghị, …" after a meeting reported: that meeting again.
  if (reported) {
    std::erase_if(anchors, [](const Anchor& a) { return referring(a.verb); });
  }
  if (anchors.empty()) return std::nullopt;
  std::size_t evidence_start = st.start;
  // A meeting only referred to ("Tại buổi họp, các đại biểu thảo luận … về
  // dịp nghỉ lễ 30/4") is dated in its own part of the sentence ("tại cuộc
  // họp báo ngày 24/4, …", "dự Hội nghị …, chiều 24/4") or by a date that
  // opens the sentence ("Chiều 26/4, tại buổi họp …"); what the rest tells,
  // and what was told before it, have dates of their own.
  Span window{0, st.low.size()};
  if (std::all_of(anchors.begin(), anchors.end(),
                  [&](const Anchor& a) { return referring(a.verb) && !chairing(a.verb); })) {
    window = own_part(st, v, anchors.front().verb.start, kinds[anchors.front().first].end);
  }
  const Mention* date = meeting_date(sents, i, text, v, window, &evidence_start);
  // A sentence without mentions reports a meeting only with a date of its
  // paragraph ("Ngày 9/1, … . Hội nghị tổng kết diễn ra …"): alone it is one
  // activity of a report ("Phối hợp … tổ chức Hội nghị cán bộ …").
  if (st.ms.empty() && !date) return std::nullopt;
  const auto attendees = attendees_of(sents, i, text);
  const auto plans = plan_hits(v, st.low);
  std::optional<DateValue> when;
  for (std::size_t a = 0; a < anchors.size(); ++a) {
    const Anchor& an = anchors[a];
    MeetingEvent ev;
    ev.kind = kind_of(an, kinds, v);
    const std::size_t kind_at = kinds[an.first].start;
    const std::size_t region_end = a + 1 < anchors.size() ? kinds[anchors[a + 1].first].start : st.low.size();
    if (const Mention* organizer = organizer_of(st, v, an, kinds, verbs)) ev.organizer = canonical(organizer);
    // "Công đoàn đã phối hợp … tổ chức": the body the article is about.
    if (ev.organizer && generic_body(*ev.organizer) && topic) ev.organizer = topic;
    if (date) set_date(&ev, date);
    set_periods(st, text, plans, date, kind_at, region_end, &ev);
    if (a == 0) {
      ev.attendees = attendees;
      when = ev.date;
    }
    Event e;
    e.type = EventType::meeting;
    e.start = evidence_start;
    e.end = st.end;
    e.value = std::move(ev);
    emit(std::move(e), std::to_string(kind_at) + ":" + std::string(st.low.substr(kind_at, 16)));
  }
  return when;
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

}  // namespace vnie::detail::ev
