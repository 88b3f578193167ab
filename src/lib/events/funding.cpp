// Funding events (docs/events.md, "Funding").
#include <algorithm>
#include <cctype>

#include "events/common.h"

namespace vnie::detail::ev {
namespace {

/// Where the amount at `ms` is given: the start of the giving word that
/// decides it (the nearest one before it, else `ms` when one follows within
/// 40 bytes), or npos when it is no gift. The nearest cue word before the
/// amount decides: a salary, price or saving word of its clause nearer than
/// any giving word makes it none.
std::size_t gift_anchor(const Mention* m, std::size_t ms, std::size_t from, const std::vector<Hit>& verbs,
                        const std::vector<Hit>& not_funding, const Sentence& st) {
  std::size_t last_verb = std::string::npos, last_not = std::string::npos;
  // A giving word inside a longer cue is the cue's ("chi" of "chi phí").
  auto in_cue = [&](const Hit& g) {
    return std::any_of(not_funding.begin(), not_funding.end(), [&](const Hit& n) {
      return n.start <= g.start && g.end <= n.end && n.end - n.start > g.end - g.start;
    });
  };
  for (const auto& h : verbs) {
    if (h.end <= ms && !in_cue(h)) last_verb = h.start;
  }
  for (const auto& h : not_funding) {
    // A cue inside a giving word ("giá" of "trị giá") is that word's.
    bool inside = false;
    for (const auto& g : verbs) inside |= g.start <= h.start && h.end <= g.end;
    if (h.end <= ms && h.start >= from && !inside) last_not = h.start;
  }
  if (last_not != std::string::npos && (last_verb == std::string::npos || last_not > last_verb)) {
    return std::string::npos;
  }
  // A word of value ("trị giá", "tổng số tiền") gives only with a giving
  // word before the amount or just after it: "Lô hàng trị giá 2 tỷ đồng" is
  // no gift.
  bool gives = false;
  for (const auto& h : verbs) gives |= h.kind != "value" && h.end <= ms;
  if (last_verb != std::string::npos && gives) return last_verb;
  bool after = false;
  for (const auto& h : verbs) {
    after |= h.kind != "value" && h.start >= st.rel(m->end) && h.start - st.rel(m->end) < 40;
  }
  if (!after) return std::string::npos;
  return last_verb != std::string::npos ? last_verb : ms;
}

/// "Toàn bộ chi phí khoảng 2,7 tỷ đồng do LĐLĐ tỉnh … chi trả": an amount
/// that is no gift by the words before it, paid by the body after "do" in
/// the same clause: the start of the giving word after it, else npos.
std::size_t paid_by_agent(const Mention* m, const std::vector<Hit>& verbs, const Sentence& st) {
  const std::size_t me = st.rel(m->end);
  if (!std::string_view(st.low).substr(me).starts_with(" do ")) return std::string::npos;
  for (const auto& h : verbs) {
    // The giving word closes the agent's phrase ("… do X tài trợ.").
    const bool closes = h.end == st.low.size() || std::string_view(".,;").find(st.low[h.end]) != std::string_view::npos;
    if (h.start > me + 4 && h.start - me <= 160 && closes &&
        std::string_view(st.low).substr(me, h.start - me).find_first_of(";.") == std::string_view::npos) {
      return h.start;
    }
  }
  return std::string::npos;
}

/// "… được CBCCVC, người lao động tích cực tham gia; … đã đóng góp …",
/// "Toàn ngành đã vận động …": people or a whole sector gave, not a body.
/// The subject is the nearest organization, person or such word before the
/// first giving word (in the sentence when its clause names none).
bool people_give(const Sentence& st, const Vocab& v, std::size_t ms, std::size_t from, std::size_t first_verb,
                 std::size_t sentence_verb) {
  bool people = false;
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
        inside |= o->type != MentionType::number && st.rel(o->start) <= h.start && h.end <= st.rel(o->end);
      }
      // Counted people ("450.000 lượt đoàn viên") and people after
      // "cho" are those who received.
      bool counted = false;
      for (const auto* o : st.ms) {
        counted |=
            o->type == MentionType::number && st.rel(o->end) <= h.start && h.start - st.rel(o->end) <= 1;
        // the counted noun inside the figure's span ("450.000 lượt đoàn viên")
        counted |= o->type == MentionType::number && st.rel(o->start) <= h.start && h.end <= st.rel(o->end);
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
  return people;
}

/// The per-unit noun at byte `at` of the sentence: the longest counted noun
/// the words there begin with, else their first word.
std::string unit_at(const Sentence& st, std::string_view text, const Vocab& v, std::size_t at) {
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
}

/// "mỗi suất 300.000 đồng", "mỗi nhà 50 triệu đồng", "10 triệu đồng mỗi
/// trường hợp": a per-unit amount.
void set_per_unit(const Sentence& st, std::string_view text, const Vocab& v, const Mention* m,
                  std::size_t from, FundingEvent* ev) {
  const std::size_t ms = st.rel(m->start);
  constexpr std::string_view kEach = "mỗi ";
  const std::string_view before = std::string_view(st.low).substr(from, ms - from);
  const auto each = before.rfind(kEach);
  const std::size_t me = st.rel(m->end);
  if (each != std::string_view::npos && before.size() - each <= 28) {
    const std::string unit = unit_at(st, text, v, from + each + kEach.size());
    if (!unit.empty()) ev->amount.per_unit = unit;
  } else if (std::string_view(st.low).substr(me).starts_with(" mỗi ")) {
    const std::string unit = unit_at(st, text, v, me + 1 + kEach.size());
    if (!unit.empty()) ev->amount.per_unit = unit;
  }
}

/// Beneficiaries: the nearest count of a beneficiary noun in the amount's
/// clause.
void set_beneficiaries(const Sentence& st, std::string_view text, const Vocab& v, const Mention* m,
                       std::size_t from, FundingEvent* ev) {
  const std::size_t ms = st.rel(m->start);
  std::size_t best = std::string::npos;
  const std::size_t clause_end = std::min(st.low.find(';', ms), st.low.size());
  for (const auto* n : st.ms) {
    if (n->type != MentionType::number || st.rel(n->start) < from || st.rel(n->end) > clause_end) {
      continue;
    }
    const auto* nv = std::get_if<NumberValue>(&n->value);
    if (!nv || !nv->unit || !in_list(*nv->unit, v.beneficiary_units)) continue;
    const std::size_t d = n->start > m->start ? n->start - m->start : m->start - n->start;
    if (d < best) {
      best = d;
      ev->beneficiary_count = static_cast<int>(nv->value);
      ev->beneficiary_unit = *nv->unit;
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
        if (len) ev->beneficiary_unit = *nv->unit + " " + std::string(text.substr(n->end + 1, len));
      }
    }
  }
}

/// Purpose: a named fund ("Quỹ …") or what follows "cho"/"để"/"nhằm".
void set_purpose(const Sentence& st, std::string_view text, const Mention* m, std::size_t first_verb,
                 FundingEvent* ev) {
  const std::string_view sentence = text.substr(st.start, st.end - st.start);
  // A phrase runs to the next punctuation; a fund's name also stops
  // before the words that open its use ("… cho 10 hộ").
  auto phrase_at = [&](std::size_t p, bool fund_name) {
    std::size_t e = p;
    // The separators inside a figure ("300.000", "1,5") end nothing.
    auto in_figure = [&](std::size_t at) {
      return at > 0 && at + 1 < sentence.size() && std::isdigit(static_cast<unsigned char>(sentence[at - 1])) &&
             std::isdigit(static_cast<unsigned char>(sentence[at + 1]));
    };
    while (e < sentence.size() && e - p < 120 &&
           ((sentence[e] != ',' && sentence[e] != ';' && sentence[e] != '.') || in_figure(e))) {
      ++e;
    }
    // A purpose ends before the amount's own words; a fund's name also
    // before the words that open its use ("… cho 10 hộ").
    for (const char* w :
         {" với số tiền", " số tiền", " trị giá", " tổng số", " với tổng", " được ", " hỗ trợ ", " với "}) {
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
    ev->purpose = phrase_at(q, true);
  } else {
    for (const char* w : {" cho ", " để ", " nhằm "}) {
      const auto p = st.low.find(w, first_verb);
      if (p != std::string::npos && p < st.rel(m->end) + 80) {
        std::string purpose = phrase_at(p + 1, false);
        if (purpose.size() > std::string_view(w).size()) {
          ev->purpose = purpose;
          break;
        }
      }
    }
  }
}

/// "trao 30 suất quà, mỗi suất 500.000 đồng, tổng trị giá 15 triệu đồng":
/// the amounts of a clause before a total of it (an amount right after a
/// word of event_funding_totals.txt) are its parts, no events of their own.
/// One pass from the last amount back.
std::vector<bool> parts_of_totals(const Sentence& st, const std::vector<const Mention*>& amounts,
                                  const std::vector<Hit>& totals) {
  std::vector<bool> part(amounts.size(), false);
  if (totals.empty()) return part;
  std::size_t t = totals.size();  // the totals not yet passed, from the back
  std::size_t total_clause = std::string::npos;
  for (std::size_t a = amounts.size(); a-- > 0;) {
    const std::size_t ms = st.rel(amounts[a]->start);
    const std::size_t clause = clause_start(st.low, ms);
    while (t > 0 && totals[t - 1].end > ms) --t;
    const bool total =
        t > 0 && ms - totals[t - 1].end <= 6 &&
        std::string_view(st.low).substr(totals[t - 1].end, ms - totals[t - 1].end).find_first_not_of(" :") ==
            std::string_view::npos;
    if (total) {
      total_clause = clause;
    } else {
      part[a] = clause == total_clause;
    }
  }
  return part;
}

/// The giver of a gift anchored at `anchor`: the organization nearest before
/// it in its clause, not one that received ("cho X"); "X phối hợp với Y trao
/// …" is X's (event_partner_words.txt). `theirs` is set when the giving word
/// is said of those who received another gift ("UBND tỉnh tặng bằng khen cho
/// 25 doanh nghiệp đã tài trợ 18 tỷ đồng": the enterprises gave).
const Mention* giver_before(const Sentence& st, const Vocab& v, const std::vector<Hit>& verbs,
                            std::size_t from, std::size_t anchor, bool* theirs) {
  const std::string_view low = st.low;
  const Mention* giver = nullptr;
  const Mention* prev = nullptr;  // the organization before the giver
  for (const auto* o : st.ms) {
    if (o->type != MentionType::organization || st.rel(o->end) > anchor || st.rel(o->start) < from) continue;
    const std::string_view head = low.substr(0, st.rel(o->start));
    if (head.ends_with("cho ") || head.ends_with("cho các ")) continue;  // received
    prev = giver;
    giver = o;
  }
  if (giver == nullptr) return nullptr;
  const std::size_t ge = st.rel(giver->end);
  const std::size_t cho = anchor > ge ? low.substr(ge, anchor - ge).rfind(" cho ") : std::string_view::npos;
  // ("… cho 25 doanh nghiệp đã tài trợ …": an adverb before the giving word
  // says it is a verb of those after "cho", not the gift's own word.)
  bool adverb = false;
  for (const auto& [form, kind] : v.verb_adverbs.forms) {
    adverb |= anchor > form.size() + 1 && low.substr(0, anchor).ends_with(form + " ") &&
              low[anchor - form.size() - 2] == ' ';
  }
  if (cho != std::string_view::npos && adverb) {
    for (const auto& h : verbs) {
      if (h.kind != "value" && h.start >= ge && h.end <= ge + cho) {
        *theirs = true;
        return nullptr;
      }
    }
  }
  return prev != nullptr && partner_between(st, v.partner_words, prev, giver) ? prev : giver;
}

}  // namespace

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
  const auto part = parts_of_totals(st, amounts, find(v.funding_totals, st.low));
  for (std::size_t a = 0; a < amounts.size(); ++a) {
    if (part[a]) continue;
    const Mention* m = amounts[a];
    const std::size_t ms = st.rel(m->start);
    const std::size_t from = clause_start(st.low, ms);
    std::size_t anchor = gift_anchor(m, ms, from, verbs, not_funding, st);
    const bool by_agent = anchor == std::string::npos;
    if (by_agent) anchor = paid_by_agent(m, verbs, st);
    if (anchor == std::string::npos) continue;
    FundingEvent ev;
    ev.amount = std::get<MoneyValue>(m->value);
    std::size_t first_verb = anchor;
    for (const auto& h : verbs) {
      if (h.start >= from && h.start < first_verb) first_verb = h.start;
    }
    bool theirs = false;
    const std::size_t me = st.rel(m->end);
    if (by_agent) {
      // "… 200 triệu đồng do Ngân hàng X và Quỹ Y tài trợ": the first body after "do".
      for (const auto* o : st.ms) {
        if (o->type == MentionType::organization && st.rel(o->start) >= me && st.rel(o->end) <= anchor) {
          ev.giver = canonical(o);
          break;
        }
      }
    } else if (const Mention* g = giver_before(st, v, verbs, from, anchor, &theirs)) {
      ev.giver = canonical(g);
    }
    // In the sentence: before its first giving word (its own subject).
    const std::size_t sentence_verb = std::min(first_verb, verbs.front().start);
    // "Công đoàn công ty đã thăm hỏi …; trao 150 suất quà …": a clause
    // without a subject shares the sentence's.
    if (!ev.giver && from > 0 && !theirs) {
      for (const auto* o : st.ms) {
        if (o->type == MentionType::organization && st.rel(o->end) <= sentence_verb) ev.giver = canonical(o);
      }
    }
    if (theirs || people_give(st, v, ms, from, first_verb, sentence_verb)) {
      ev.giver.reset();
    } else if (!ev.giver || generic_body(*ev.giver)) {
      ev.giver = topic;
    }
    if (!ev.amount.per_unit) set_per_unit(st, text, v, m, from, &ev);
    set_beneficiaries(st, text, v, m, from, &ev);
    set_purpose(st, text, m, first_verb, &ev);
    Event e;
    e.type = EventType::funding;
    e.start = st.start;
    e.end = st.end;
    e.value = std::move(ev);
    emit(std::move(e),
         std::to_string(m->start - st.start) + ":" + std::string(text.substr(m->start, m->end - m->start)));
  }
}

}  // namespace vnie::detail::ev
