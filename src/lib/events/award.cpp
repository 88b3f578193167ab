// Award events (docs/events.md, "Awards").
#include <algorithm>
#include <cctype>

#include "events/common.h"
#include "text/unicode.h"

namespace vnie::detail::ev {
namespace {

/// The awards of one sentence, read in steps: which are grants, their
/// issuers, their recipients and dates.
class AwardReader {
 public:
  AwardReader(const Sentence& sentence, std::string_view whole, const Vocab& vocab,
              const std::optional<DateValue>& meeting_date)
      : st(sentence),
        text(whole),
        v(vocab),
        ceremony(meeting_date),
        list(sentence.of(MentionType::award)),
        verbs(find(vocab.award_verbs, sentence.low)),
        blockers(find(vocab.award_blockers, sentence.low)),
        links(find(vocab.recipient_links, sentence.low)),
        adverbs(find(vocab.verb_adverbs, sentence.low)),
        orgs(sentence.of(MentionType::organization)),
        evs(list.size()),
        blocked(list.size(), false),
        reach_only(list.size(), false),
        own_issuer(list.size(), false) {
    // Where an office alone starts a word of the sentence, found once (each
    // award looks for one before it).
    for (std::size_t p = 0; p < st.low.size(); ++p) {
      if (p > 0 && st.low[p - 1] != ' ') continue;
      if (const auto* o = office_alone_at(p)) offices.emplace_back(p, o);
    }
  }

  /// Reads every award of the sentence and emits the grants.
  void run(const Emit& emit) {
    for (std::size_t k = 0; k < list.size(); ++k) read(k);
    counted_recipients();
    quantified_recipients();
    share_issuers();
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (blocked[k] || (reach_only[k] && evs[k].recipients.empty())) continue;
      // A person named before the verb and again after "tặng" is one recipient.
      auto& rs = evs[k].recipients;
      rs.erase(std::unique(rs.begin(), rs.end(),
                           [](const Recipient& a, const Recipient& b) { return a.name && a == b; }),
               rs.end());
      Event e;
      e.type = EventType::award;
      e.start = st.start;
      e.end = st.end;
      e.value = std::move(evs[k]);
      emit(std::move(e), std::to_string(list[k]->start - st.start) + ":" +
                             std::string(text.substr(list[k]->start, list[k]->end - list[k]->start)));
    }
  }

 private:
  const Sentence& st;
  std::string_view text;
  const Vocab& v;
  const std::optional<DateValue>& ceremony;
  const std::vector<const Mention*> list;
  const std::vector<Hit> verbs, blockers;
  // Words that open recipients ("cho", "tặng"), adverbs before a verb ("đã",
  // "vừa"): found once.
  const std::vector<Hit> links, adverbs;
  const std::vector<const Mention*> orgs;
  // Where an office alone starts a word of the sentence, found once (each
  // award looks for one before it).
  std::vector<std::pair<std::size_t, const std::pair<std::string, std::string>*>> offices;
  std::vector<AwardEvent> evs;
  std::vector<bool> blocked, reach_only;
  // An issuer written right after the award without "của" ("Giấy khen Tổng
  // cục Hải quan, Bằng khen Bộ Tài chính") names that award's issuer only.
  std::vector<bool> own_issuer;
  /// Award k: `as`, `ae` its span in the sentence, `from` where its clause
  /// (or the part after the award before it) starts.
  struct Spot {
    std::size_t k, as, ae, from;
  };

  // "cho 3 tập thể: " / "cho các dịch giả : ": a short recipient phrase
  // after "cho" (at most ten spaces) that opens a list with a colon (no
  // clause break inside).
  static bool opens_list(std::string_view from_cho) {
    std::string_view g = from_cho;
    while (!g.empty() && g.back() == ' ') g.remove_suffix(1);
    return std::count(g.begin(), g.end(), ' ') <= 10 && g.ends_with(":") && g.find_first_of(";.") == std::string_view::npos &&
           g.find(':') == g.size() - 1 && g.find(" - ") == std::string_view::npos;
  }
  // What joins two items of a list of recipients: "và", "," or ";" (also
  // written with a space before the mark, as in segmented text).
  static bool list_joint(std::string_view gap) {
    return gap == " và " || gap == ", " || gap == " , " || gap == "; " || gap == " ; " || gap == ", và " ||
           gap == " , và ";
  }

  // A list item's mark at the end of `gap` dropped: "cho: 1. Công đoàn A;
  // 2. Công đoàn B", "cho: - ông A; - bà B", "a) …".
  static std::string_view strip_enumerator(std::string_view gap) {
    auto opens = [](std::string_view g, std::size_t at) { return at == 0 || g[at - 1] == ' ' || g[at - 1] == ':'; };
    if (gap.ends_with("- ") && opens(gap, gap.size() - 2)) return gap.substr(0, gap.size() - 2);
    if (gap.size() >= 3 && (gap.ends_with(". ") || gap.ends_with(") "))) {
      std::size_t b = gap.size() - 2;
      std::size_t d = b;
      while (d > 0 && b - d < 2 && std::isdigit(static_cast<unsigned char>(gap[d - 1]))) --d;
      if (d == b && d > 0 && gap[d - 1] >= 'a' && gap[d - 1] <= 'z' && gap.ends_with(") ")) --d;  // "a) "
      if (d < b && opens(gap, d)) return gap.substr(0, d);
    }
    return gap;
  }

  std::string_view between(std::size_t a, std::size_t b) const {
    return std::string_view(st.low).substr(a, b > a ? b - a : 0);
  }
  // The last word that opens recipients inside [a, b), or nullptr.
  const Hit* link_in(std::size_t a, std::size_t b) const {
    const Hit* last = nullptr;
    for (const auto& h : links) {
      if (h.start >= a && h.end <= b) last = &h;
    }
    return last;
  }
  // Where [a, b) starts once the adverbs and spaces at its end are skipped
  // ("X đã được tặng": the verb's subject ends before "đã").
  std::size_t before_adverbs(std::size_t a, std::size_t b) const {
    for (auto it = adverbs.rbegin(); it != adverbs.rend(); ++it) {
      if (it->end > b) continue;
      if (it->start < a || between(it->end, b).find_first_not_of(' ') != std::string_view::npos) break;
      b = it->start;
    }
    return b;
  }
  // Whether [a, b) holds only spaces and adverbs.
  bool only_adverbs(std::size_t a, std::size_t b) const {
    return between(a, before_adverbs(a, b)).find_first_not_of(' ') == std::string_view::npos;
  }
  // "X phối hợp với Y": the body X that leads, when `o` is Y (else `o`).
  const Mention* leader(const Mention* o, std::size_t from) const {
    const Mention* prev = nullptr;
    for (const auto* p : orgs) {
      if (st.rel(p->end) <= st.rel(o->start) && st.rel(p->start) >= from) prev = p;
    }
    return prev != nullptr && partner_between(st, v.partner_words, prev, o) ? prev : o;
  }
  // The person's own titles and markers written before the name, skipped:
  // "cho Chủ tịch Raul Castro", "cho PGS. Tạ Hải Tùng", "cho anh Hùng".
  std::string_view strip_title(std::string_view gap, const PersonValue& pv) const {
    for (const auto& t : pv.titles) {
      const std::string lt = lower_same_length(t) + " ";
      if (gap.size() > lt.size() && gap.ends_with(lt) && gap[gap.size() - lt.size() - 1] == ' ') {
        gap.remove_suffix(lt.size());
        break;
      }
    }
    return strip_marker(gap, true);
  }
  // The marker written before a person's name ("anh ", "đồng chí "; also "pgs. " when
  // `dotted`), as a whole word at the end of `gap`, stripped.
  std::string_view strip_marker(std::string_view gap, bool dotted) const {
    for (const auto& [form, kind] : v.person_markers.forms) {  // longest first
      for (const std::string_view dot : {"", "."}) {
        if (!dot.empty() && !dotted) continue;
        const std::string f = dot.empty() ? form : form.substr(0, form.size() - 1) + ". ";
        if (gap.size() > f.size() && gap.ends_with(f) && gap[gap.size() - f.size() - 1] == ' ') {
          gap.remove_suffix(f.size());
          return gap;
        }
      }
    }
    return gap;
  }
  // An office before the body grants in its name: "Chủ tịch UBND tỉnh",
  // "Bộ trưởng Bộ Y tế".
  std::string office(const Mention* o) const {
    std::string name = canonical(o);
    const std::string_view head = between(0, st.rel(o->start));
    for (const std::string_view title : kOfficeTitles) {
      if (head.ends_with(title) && name.rfind("Chủ tịch", 0) != 0) {
        const std::size_t at = st.start + st.rel(o->start) - title.size();
        std::string written(text.substr(at, title.size()));
        if (!written.empty())
          written[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(written[0])));
        return written + name;
      }
    }
    return name;
  }
  // An office that names an issuer alone at byte `p` of the sentence
  // (rules/lists/event_issuer_offices.txt: "thủ tướng" → Thủ tướng Chính phủ):
  // its (form, issuer), or nullptr.
  const std::pair<std::string, std::string>* office_alone_at(std::size_t p) const {
    for (const auto& f : v.issuer_offices.forms) {
      if (st.low.compare(p, f.first.size(), f.first) == 0 &&
          at_word_boundaries(st.low, p, p + f.first.size())) {
        return &f;
      }
    }
    return nullptr;
  }

  /// Award k: `as`, `ae` its span in the sentence, `from` where its clause
  /// (or the part after the award before it) starts.
  void read(std::size_t k) {
    const Mention* a = list[k];
    const std::size_t as = st.rel(a->start), ae = st.rel(a->end);
    const std::size_t from =
        std::max(clause_start(st.low, as), k > 0 ? st.rel(list[k - 1]->end) : std::size_t{0});
    const Spot spot{k, as, ae, from};
    blocked[k] = any_between(blockers, from, as);
    mark_blocked(spot);
    const auto& av = std::get<AwardValue>(a->value);
    evs[k].award_kind = av.kind;
    evs[k].award = av.name;
    issuer_after(spot);
    if (!evs[k].issuer) issuer_on_behalf(spot);
    granting_subject(spot);
    if (evs[k].recipients.empty()) recipient_before(spot);
    const std::size_t named_end = named_recipients(spot);
    persons_after_cho(spot, named_end);
    award_count(spot);
    grant_date(spot);
  }

  void mark_blocked(const Spot& s) {
    const auto [k, as, ae, from] = s;
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
      blocked[k] =
          blocked[k] || (m->type == MentionType::percent && st.rel(m->start) >= from && st.rel(m->end) <= as);
    }
  }

  // " của ", " do ", " từ " (event_issuer_links.txt): what stands between
  // an award and its issuer.
  bool issuer_link(std::string_view gap) const {
    if (gap.size() < 3 || gap.front() != ' ' || gap.back() != ' ') return false;
    gap = gap.substr(1, gap.size() - 2);
    for (const auto& [form, kind] : v.issuer_links.forms) {
      if (gap == form) return true;
    }
    return false;
  }

  /// The issuer written after the award.
  void issuer_after(const Spot& s) {
    const auto [k, as, ae, from] = s;
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
      // "Bằng khen UBND tỉnh", "Cờ thi đua Chính phủ": the issuer right after.
      if (gap == " " || issuer_link(gap)) {
        evs[k].issuer = office(o);
        own_issuer[k] = gap == " ";
        break;
      }
    }
    // "Bằng khen của Thủ tướng": an office that needs no body to name it.
    if (!evs[k].issuer) {
      const std::string_view rest = between(ae, st.low.size());
      std::size_t lead = std::string_view::npos;
      for (const auto& [form, kind] : v.issuer_links.forms) {  // longest first
        if (rest.size() > form.size() + 2 && rest[0] == ' ' && rest.substr(1).starts_with(form) &&
            rest[form.size() + 1] == ' ') {
          lead = form.size() + 2;
          break;
        }
      }
      if (lead == std::string_view::npos && rest.starts_with(" ")) lead = 1;
      if (lead != std::string_view::npos) {
        if (const auto* o = office_alone_at(ae + lead)) {
          evs[k].issuer = o->second;
          own_issuer[k] = lead == 1;
        }
      }
    }
  }

  void issuer_on_behalf(const Spot& s) {
    const auto [k, as, ae, from] = s;
    // "Thừa ủy quyền của Chủ tịch nước, Đại tá X … trao Huân chương …",
    // "Thay mặt Bộ GD-ĐT, ông Y trao Bằng khen …": the award is handed over on
    // behalf of that body, which is its issuer; only before a giving verb
    // ("ông Z thay mặt Công ty B nhận Bằng khen" is a recipient).
    if (!evs[k].issuer) {
      auto on_behalf = [&](std::size_t at) {
        const std::string_view lead = between(0, at);
        for (const std::string_view w :
             {"thừa ủy quyền của ", "thừa uỷ quyền của ", "thừa ủy quyền ", "thừa uỷ quyền ", "thay mặt "}) {
          if (lead.ends_with(w)) return true;
        }
        return false;
      };
      auto gives_between = [&](std::size_t lo, std::size_t hi) {
        return std::any_of(verbs.begin(), verbs.end(),
                           [&](const auto& h) { return h.start >= lo && h.end <= hi && h.kind == "give"; });
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
  }

  /// The subject of the verb nearest before the award: its issuer or recipient.
  void granting_subject(const Spot& s) {
    const auto [k, as, ae, from] = s;
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
        if (!subject) {
          // "được Chủ tịch nước tặng …", "Thủ tướng đã tặng …": an office that
          // names its body alone, right before the granting verb.
          if (verb.kind == "give" && office_subject(s, verb)) break;
          continue;
        }
        const std::string_view gap = between(st.rel(subject->end), verb.start);
        // The bodies chained before the subject ("được Thủ tướng Chính phủ, Hội
        // Chữ thập đỏ Việt Nam, … tặng"): the agent starts at the first.
        std::size_t agent_start = st.rel(subject->start);
        for (auto it = orgs.rbegin(); it != orgs.rend(); ++it) {
          const Mention* o = *it;
          if (st.rel(o->end) > agent_start || st.rel(o->start) < from) continue;
          if (!list_joint(between(st.rel(o->end), agent_start))) break;
          agent_start = st.rel(o->start);
        }
        const std::string_view before = between(from, agent_start);
        const bool agent = before.ends_with("được ") || before.ends_with("do ");
        if (verb.kind == "give" &&
            (agent || (gap.find("được") == std::string_view::npos && gap.size() <= 24))) {
          // "X phối hợp với Y trao …": X's grant.
          if (!have_issuer) evs[k].issuer = office(leader(subject, from));
          // "Y (đã, vinh dự) được X tặng …": Y is the recipient.
          for (const auto* o : orgs) {
            const std::string_view g = between(st.rel(o->end), st.rel(subject->start));
            if (o != subject && st.rel(o->end) <= st.rel(subject->start) && g.ends_with("được ") &&
                g.size() <= 24) {
              Recipient r;
              r.name = canonical(o);
              r.kind = "collective";
              evs[k].recipients.push_back(r);
            }
          }
          if (agent) passive_person(s, agent_start);
        } else if (verb.kind == "receive" || gap.find("được") != std::string_view::npos) {
          // "…, Giám đốc Bệnh viện X, là một trong 8 cá nhân được công
          // nhận …": the count receives, not the body before it.
          bool counted_between = false;
          for (const auto* n : st.ms) {
            counted_between |= n->type == MentionType::number && st.rel(n->start) >= st.rel(subject->end) &&
                               st.rel(n->end) <= verb.start && !unit_kind(n, v.recipient_units).empty();
          }
          if (counted_between) break;
          // "CĐCS X được tặng …": the subject receives, and so do the bodies
          // chained before it ("Công đoàn A, Công đoàn B và Công đoàn C được tặng …").
          std::vector<const Mention*> chain{subject};
          for (auto it = orgs.rbegin(); it != orgs.rend(); ++it) {
            const Mention* o = *it;
            if (st.rel(o->end) > st.rel(chain.back()->start) || st.rel(o->start) < from) continue;
            if (!list_joint(between(st.rel(o->end), st.rel(chain.back()->start)))) break;
            if (between(from, st.rel(o->start)).ends_with("tại ")) break;  // a place, not a body
            chain.push_back(o);
          }
          for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            Recipient r;
            r.name = canonical(*it);
            r.kind = "collective";
            evs[k].recipients.push_back(r);
          }
        }
        break;
      }
    }
  }

  // "GS Nguyễn Văn A đã được Đảng và Nhà nước tặng …": the person right
  // before "được" and its agent (starting at `agent`) receives.
  void passive_person(const Spot& s, std::size_t agent) {
    const std::size_t k = s.k, from = s.from;
    if (!evs[k].recipients.empty()) return;
    const Mention* person = nullptr;
    for (const auto* p : st.of(MentionType::person)) {
      if (st.rel(p->start) >= from && st.rel(p->end) <= agent && std::holds_alternative<PersonValue>(p->value)) {
        person = p;
      }
    }
    if (person == nullptr) {
      // "Ông được Đảng và Nhà nước tặng thưởng …": a marker alone, one individual.
      const std::string_view g = between(from, agent);
      const std::size_t d = g.rfind("được ");
      if (d == std::string_view::npos || from != clause_start(st.low, agent)) return;
      std::string_view head = between(from, before_adverbs(from, from + d));
      head.remove_prefix(std::min(head.find_first_not_of(' '), head.size()));
      while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
      for (const auto& [form, kind] : v.person_markers.forms) {
        if (!head.empty() && head.size() + 1 == form.size() && form.starts_with(head)) {
          Recipient r;
          r.count = 1;
          r.kind = "individual";
          evs[k].recipients.push_back(r);
          return;
        }
      }
      return;
    }
    const std::size_t pe = st.rel(person->end);
    const std::string_view g = between(pe, agent);
    const std::size_t d = g.rfind("được ");
    // Only adverbs before "được", only the agent's bodies after it.
    if (d == std::string_view::npos || !only_adverbs(pe, pe + d) || g.size() - d > 40 ||
        g.substr(d).find_first_of(",;:") != std::string_view::npos) {
      return;
    }
    Recipient r;
    r.name = std::get<PersonValue>(person->value).name;
    r.kind = "individual";
    evs[k].recipients.push_back(r);
  }

  // An office alone (event_issuer_offices.txt) as the subject of the giving
  // verb: "3 lần được Chủ tịch nước tặng Huân chương", "Thủ tướng đã tặng
  // Bằng khen". Sets the issuer; whether one was found.
  bool office_subject(const Spot& s, const Hit& verb) {
    const std::size_t k = s.k, from = s.from;
    for (auto it = offices.rbegin(); it != offices.rend(); ++it) {
      const std::size_t p = it->first, e = p + it->second->first.size();
      if (e > verb.start || p < from) continue;
      if (!only_adverbs(e, verb.start)) return false;
      if (!evs[k].issuer) evs[k].issuer = it->second->second;
      if (between(from, p).ends_with("được ")) passive_person(s, p);
      return true;
    }
    return false;
  }

  void recipient_before(const Spot& s) {
    // Named copies, not a structured binding: clang 14 cannot capture bindings.
    const std::size_t k = s.k, as = s.as, from = s.from;
    // "Ông Nguyễn Văn A được tặng Huân chương …", "bà B vinh dự nhận Bằng
    // khen", "Ông được truy tặng …": a person (or a person marker alone, one
    // individual) right before a receiving verb of the award's clause, with
    // only other award verbs between them ("vinh dự được tặng").
    if (evs[k].recipients.empty()) {
      const auto nearest = std::find_if(verbs.rbegin(), verbs.rend(),
                                        [&](const auto& h) { return h.end <= as && h.start >= from; });
      // "được tặng thưởng": a granting verb after "được" is received.
      constexpr std::string_view kPassive = "được ";
      const bool passive = nearest != verbs.rend() && nearest->kind == "give" && nearest->start >= from + kPassive.size() &&
                           between(from, nearest->start).ends_with(kPassive);
      if (nearest != verbs.rend() && (nearest->kind == "receive" || passive)) {
        // Start of the run of verbs ending at the nearest one.
        std::size_t run = passive ? nearest->start - kPassive.size() : nearest->start;
        for (auto it = nearest; it != verbs.rend(); ++it) {
          if (it->end > run) continue;
          if (between(it->end, run).find_first_not_of(' ') != std::string_view::npos) break;
          run = it->start;
        }
        // "Cựu đại sứ X đã được tặng thưởng …": adverbs before the verbs.
        run = before_adverbs(from, run);
        const std::string_view head = between(from, run);
        const Mention* subject = nullptr;
        for (const auto* p : st.of(MentionType::person)) {
          const std::size_t ps = st.rel(p->start), pe = st.rel(p->end);
          if (ps < from || pe > run || !std::holds_alternative<PersonValue>(p->value)) continue;
          if (between(pe, run).find_first_not_of(' ') == std::string_view::npos) subject = p;
        }
        if (subject && !between(from, st.rel(subject->start)).ends_with("cho ") &&
            !between(from, st.rel(subject->start)).ends_with("được ")) {
          // The persons chained before it receive too ("Ông A và bà B được tặng …").
          std::vector<const Mention*> chain{subject};
          const auto persons = st.of(MentionType::person);
          for (auto it = persons.rbegin(); it != persons.rend(); ++it) {
            const Mention* p = *it;
            if (st.rel(p->end) > st.rel(chain.back()->start) || st.rel(p->start) < from ||
                !std::holds_alternative<PersonValue>(p->value)) {
              continue;
            }
            if (!list_joint(strip_marker(between(st.rel(p->end), st.rel(chain.back()->start)), false))) break;
            chain.push_back(p);
          }
          for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            Recipient r;
            r.name = std::get<PersonValue>((*it)->value).name;
            r.kind = "individual";
            evs[k].recipients.push_back(r);
          }
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
  }

  std::size_t named_recipients(const Spot& s) {
    const auto [k, as, ae, from] = s;
    // Named recipients after "cho", and those chained to them by "và" or ","
    // (to one named after the award: "X đạt huy chương Bạc và em Y đạt bằng
    // khen" gives Y no silver medal).
    std::size_t named_end = ae;
    for (const auto* o : orgs) {
      const std::size_t os = st.rel(o->start);
      if (os < ae || (k + 1 < list.size() && os > st.rel(list[k + 1]->start))) continue;
      bool in_count = false;  // "cho 2 công đoàn bộ phận": counted, not named
      for (const auto* n : st.ms) {
        in_count |=
            n->type == MentionType::number && st.rel(n->start) < st.rel(o->end) && os < st.rel(n->end);
      }
      if (in_count) continue;
      std::string_view gap = between(named_end, os);
      // "cho Công đoàn Bệnh viện X" where only "Bệnh viện X" was recognized.
      std::string prefix;
      constexpr std::string_view kUnion = "công đoàn ";
      const Hit* union_link = gap.ends_with(kUnion) ? link_in(named_end, os - kUnion.size()) : nullptr;
      if (union_link && union_link->end + 1 + kUnion.size() == os &&
          !lower_same_length(canonical(o)).starts_with("công đoàn")) {
        prefix = std::string(text.substr(o->start - kUnion.size(), kUnion.size()));
        gap.remove_suffix(kUnion.size());
      }
      gap = strip_enumerator(gap);
      // The word that opens the recipients ("cho", "tặng": event_recipient_links.txt).
      const std::size_t gend = named_end + gap.size();
      const Hit* link = link_in(named_end, gend);
      const bool chained = named_end > ae && !evs[k].recipients.empty() && evs[k].recipients.back().name &&
                           (gap.ends_with(" và ") || gap.ends_with(", ") || gap.ends_with("; ") || list_joint(gap));
      const bool linked =
          link && (gend - link->end <= 9 || (named_end == ae && opens_list(between(link->start, gend))));
      if ((linked || chained) && canonical(o) != evs[k].issuer.value_or("")) {
        Recipient r;
        r.name = prefix.empty() ? canonical(o) : "Công đoàn " + canonical(o);
        r.kind = "collective";
        evs[k].recipients.push_back(r);
        named_end = st.rel(o->end);
      }
    }
    return named_end;
  }

  void persons_after_cho(const Spot& s, std::size_t named_end) {
    const auto [k, as, ae, from] = s;
    // Persons named after "cho", with or without a marker ("cho anh Nguyễn
    // Văn Bình", "cho đồng chí X và bà Y"): individual recipients.
    for (const auto* p : st.of(MentionType::person)) {
      const std::size_t ps = st.rel(p->start);
      if (ps < named_end || (k + 1 < list.size() && ps > st.rel(list[k + 1]->start))) continue;
      const auto* pv = std::get_if<PersonValue>(&p->value);
      if (pv == nullptr) continue;
      const std::string_view gap = strip_enumerator(strip_title(between(named_end, ps), *pv));
      // The word that opens the recipients ("cho", "tặng") right before the
      // person; the award a short way before, or further in the same clause
      // ("tặng giấy khen và tiền thưởng 2 triệu đồng cho anh Hùng").
      const std::size_t gend = named_end + gap.size();
      const Hit* link = link_in(named_end, gend);
      const bool near = gap.size() <= 40 || (gap.size() <= 120 && gap.find(';') == std::string_view::npos &&
                                              gap.find(". ") == std::string_view::npos);
      const bool after_cho = (link && link->end + 1 == gend && near) ||
                             (named_end == ae && link && opens_list(between(link->start, gend)));
      const bool chained = named_end > ae && !evs[k].recipients.empty() && evs[k].recipients.back().name &&
                           list_joint(gap);
      if (!after_cho && !chained) continue;
      Recipient r;
      r.name = pv->name;
      r.kind = "individual";
      evs[k].recipients.push_back(r);
      named_end = st.rel(p->end);
    }
  }

  void award_count(const Spot& s) {
    const auto [k, as, ae, from] = s;
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
  }

  void grant_date(const Spot& s) {
    const auto [k, as, ae, from] = s;
    const std::size_t award_clause = clause_start(st.low, as);
    for (const auto* m : st.ms) {
      const auto* d = std::get_if<DateValue>(&m->value);
      // "Năm 2023, … được tặng Bằng khen": a date before the award in its
      // clause; a year after it ("… xuất sắc năm 2023") is what was rewarded.
      // "theo Quyết định số … ngày 15/9/2023": the decision's date.
      const std::size_t ds = st.rel(m->start);
      const std::string_view lead = between(ds > 48 ? ds - 48 : 0, ds);
      if (d && (d->year || d->day) && ds >= award_clause && st.rel(m->end) <= as &&
          lead.find("quyết định") == std::string_view::npos) {
        evs[k].date = *d;
        break;
      }
    }
    if (!evs[k].date) evs[k].date = ceremony;
  }

  /// Counted recipients: a count followed by "được … nhận" belongs to the next
  /// award, otherwise to the award before it.
  void counted_recipients() {
    struct Count {
      const Mention* m;
      std::size_t ns, ne;
      std::string_view kind;
    };
    std::vector<Count> counts;
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
              (e == st.low.size() || st.low[e] == ' ' || st.low[e] == ',' || st.low[e] == ';' ||
               st.low[e] == '.')) {
            len = form.size();
            kind = k;
          }
        }
        ne += len ? len + 1 : 0;
      }
      if (kind.empty()) continue;
      counts.push_back({m, st.rel(m->start), ne, kind});
    }
    // "332 học sinh, trong đó 16 học sinh đạt huy chương vàng": of two counts
    // of one kind in a clause, the one nearer the award is its recipients.
    // The count of the same kind before and after each one (one pass).
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> prev_same(counts.size(), kNone), next_same(counts.size(), kNone);
    for (std::size_t c = 0; c < counts.size(); ++c) {
      for (std::size_t j = c; j-- > 0;) {  // at most one other kind between
        if (counts[j].kind == counts[c].kind) {
          prev_same[c] = j;
          next_same[j] = c;
          break;
        }
        if (c - j > 2) break;
      }
    }
    // Whether count j lies in [lo, hi) with a subset word between it and
    // count c ("… 332 học sinh, trong đó có 16 học sinh …").
    const auto subsets = find(v.subset_words, st.low);
    auto nested = [&](std::size_t c, std::size_t j, std::size_t lo, std::size_t hi) {
      if (j == kNone || counts[j].ns < lo || counts[j].ne > hi || between(lo, hi).find(';') != std::string_view::npos) {
        return false;
      }
      const std::size_t a = std::min(counts[c].ne, counts[j].ne), b = std::max(counts[c].ns, counts[j].ns);
      return any_between(subsets, a, b);
    };
    for (std::size_t c = 0; c < counts.size(); ++c) {
      const Mention* m = counts[c].m;
      const std::size_t ns = counts[c].ns, ne = counts[c].ne;
      const std::string_view kind = counts[c].kind;
      std::size_t prev = list.size(), next = list.size();
      for (std::size_t k = 0; k < list.size(); ++k) {
        if (st.rel(list[k]->end) <= ns) prev = k;
        if (st.rel(list[k]->start) >= ne && next == list.size()) next = k;
      }
      std::size_t target = prev != list.size() ? prev : next;
      if (next != list.size()) {
        const std::string_view gap = between(ne, st.rel(list[next]->start));
        const bool same_clause = gap.find(';') == std::string_view::npos;
        if ((same_clause &&
             (gap.find("được") != std::string_view::npos || gap.find("nhận") != std::string_view::npos)) ||
            prev == list.size()) {
          target = next;
        }
      }
      if (target == list.size()) continue;
      if (target == next ? nested(c, next_same[c], ne, st.rel(list[next]->start))
                         : nested(c, prev_same[c], st.rel(list[prev]->end), ns)) {
        continue;
      }
      Recipient r;
      r.count = static_cast<int>(std::get<NumberValue>(m->value).value);
      r.kind = std::string(kind);
      evs[target].recipients.push_back(r);
    }
  }

  /// "nhiều tập thể và cá nhân": recipients without a count.
  void quantified_recipients() {
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (!evs[k].recipients.empty()) continue;
      const std::size_t ae = st.rel(list[k]->end);
      const std::size_t limit = k + 1 < list.size() ? st.rel(list[k + 1]->start) : st.low.size();
      const std::string_view after = between(ae, limit);
      const std::string_view before =
          between(clause_start(st.low, st.rel(list[k]->start)), st.rel(list[k]->start));
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
      // "… tặng các học sinh đoạt giải", "cho các đồng chí lãnh đạo …": a
      // quantified recipient noun after the word that opens the recipients.
      const Hit* link = link_in(ae, limit);
      if (!evs[k].recipients.empty() || link == nullptr) continue;
      const std::string_view rest = between(link->end, limit);
      // "… trao tặng bằng khen cho em.": a marker alone, one individual.
      bool alone = false;
      for (const auto& [form, kd] : v.person_markers.forms) {
        // a pronoun of one word ("em", "ông"), not a noun ("cho học sinh." is anyone)
        const std::string_view f = std::string_view(form).substr(0, form.size() - 1);
        // (", " ends the phrase; "PGS,TS Phạm Viết Nhung" is a title)
        const std::string_view tail = rest.substr(std::min(rest.size(), f.size() + 1));
        alone |= f.find(' ') == std::string_view::npos && rest.size() > f.size() && rest[0] == ' ' &&
                 rest.substr(1).starts_with(f) &&
                 (tail.empty() || tail[0] == '.' || tail[0] == ';' || tail.starts_with(", "));
      }
      if (alone) {
        Recipient r;
        r.count = 1;
        r.kind = "individual";
        evs[k].recipients.push_back(r);
        continue;
      }
      for (const std::string_view q : {" các ", " nhiều ", " những "}) {
        if (!rest.starts_with(q)) continue;
        const std::string_view noun = rest.substr(q.size());
        std::size_t len = 0;
        std::string_view kind;
        for (const auto& [form, kd] : v.recipient_units.forms) {
          if (form.size() > len && noun.starts_with(form) &&
              (noun.size() == form.size() || std::string_view(" ,.;").find(noun[form.size()]) != std::string_view::npos)) {
            len = form.size();
            kind = kd;
          }
        }
        if (len) {
          Recipient r;
          r.kind = std::string(kind);
          evs[k].recipients.push_back(r);
        }
        break;
      }
    }
  }

  /// Lists share what is written once: an award without an issuer takes the
  /// issuer of the next award of the sentence, else of the one before.
  void share_issuers() {
    std::vector<std::size_t> clause(list.size());  // each award's clause start, found once
    for (std::size_t k = 0; k < list.size(); ++k) clause[k] = clause_start(st.low, st.rel(list[k]->start));
    auto clause_of = [&](std::size_t k) { return clause[k]; };
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (evs[k].issuer) continue;
      for (std::size_t j = k + 1; j < list.size() && !evs[k].issuer; ++j) {
        if (clause_of(j) == clause_of(k) && !own_issuer[j]) evs[k].issuer = evs[j].issuer;
      }
      for (std::size_t j = k; j-- > 0 && !evs[k].issuer;) {
        if (clause_of(j) == clause_of(k) && !own_issuer[j]) evs[k].issuer = evs[j].issuer;
      }
    }
  }
};

}  // namespace

/// Awards: each award mention of a sentence with a granting verb, unless a
/// nomination, proposal or negation stands before it in its clause.
/// `ceremony`: the date of the meeting the text last reported, the date of a
/// grant when its own clause gives none.
void awards(const Sentence& st, std::string_view text, const Vocab& v,
            const std::optional<DateValue>& ceremony, const Emit& emit) {
  if (st.of(MentionType::award).empty() || find(v.award_verbs, st.low).empty()) return;
  AwardReader(st, text, v, ceremony).run(emit);
}

}  // namespace vnie::detail::ev
