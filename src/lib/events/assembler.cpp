#include "events/assembler.h"

#include <algorithm>
#include <set>

#include "events/common.h"

namespace vnie::detail {

using namespace ev;

namespace {

/// Gives each sentence the first date with a day of its paragraph (the
/// sentences between two line breaks), in one pass over the sentences.
void set_paragraph_dates(std::string_view text, std::vector<Sentence>* sents) {
  std::size_t begin = 0;
  const Mention* date = nullptr;
  auto close = [&](std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) (*sents)[k].paragraph_date = date;
    begin = end;
    date = nullptr;
  };
  for (std::size_t i = 0; i < sents->size(); ++i) {
    const Sentence& st = (*sents)[i];
    if (i > 0 && text.substr((*sents)[i - 1].end, st.start - (*sents)[i - 1].end).find('\n') !=
                     std::string_view::npos) {
      close(i);
    }
    for (const auto* m : st.ms) {
      if (!date && is_date(m) && has_day(m)) date = m;
    }
  }
  close(sents->size());
}

}  // namespace

EventAssembler::EventAssembler(const Lexicon& lexicon)
    : vocab_{load(lexicon, "event_meeting_kinds"),
             load(lexicon, "event_meeting_verbs"),
             load(lexicon, "event_meeting_blockers"),
             load(lexicon, "event_plan_words"),
             load(lexicon, "event_award_verbs"),
             load(lexicon, "event_award_blockers"),
             load(lexicon, "event_funding_verbs"),
             load(lexicon, "event_not_funding"),
             load(lexicon, "event_funding_totals"),
             load(lexicon, "event_recipient_units"),
             load(lexicon, "event_beneficiary_units"),
             load(lexicon, "event_non_org_givers"),
             load_canonical(lexicon, "event_issuer_offices"),
             load_markers(lexicon),
             load(lexicon, "event_recipient_links"),
             load(lexicon, "event_verb_adverbs"),
             load(lexicon, "event_partner_words"),
             load(lexicon, "event_issuer_links"),
             load(lexicon, "event_subset_words"),
             {},
             load(lexicon, "person_speech_verbs")},
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
    if (std::find(vocab_.kind_order.begin(), vocab_.kind_order.end(), kind) == vocab_.kind_order.end()) {
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
  // Persons alone: only a meeting can use them ("Tại hội thảo, ông A cho biết").
  auto names_meeting = [&] {
    if (std::none_of(mentions.begin(), mentions.end(),
                     [](const Mention& m) { return m.type == MentionType::person; })) {
      return false;
    }
    const std::string low = lower_same_length(nt.text);
    return std::any_of(vocab_.meeting_kinds.forms.begin(), vocab_.meeting_kinds.forms.end(),
                       [&](const auto& f) { return !f.first.empty() && low.find(f.first) != std::string::npos; });
  };
  if (!relevant && !names_meeting()) return;

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
    st.low = lower_same_length(text.substr(s, e - s));
    sents.push_back(std::move(st));
  }
  set_paragraph_dates(text, &sents);

  std::set<std::string> seen;  // a paragraph repeated verbatim gives its events once
  const Emit emit = [&](Event ev, std::string_view anchor) {
    std::string key = std::string(to_string(ev.type)) + "|" +
                      std::string(text.substr(ev.start, ev.end - ev.start)) + "|" + std::string(anchor);
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
  bool reported = false;  // a meeting of the document was emitted
  for (std::size_t i = 0; i < sents.size(); ++i) {
    const std::size_t before = out->size();
    // A sentence without mentions may still report a meeting ("Hội nghị
    // diễn ra …"); awards and funding need theirs.
    if (auto d = meeting(sents, i, text, vocab_, topic, reported, emit)) ceremony = d;
    reported = reported || out->size() > before;
    if (sents[i].ms.empty()) continue;
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
        if (n.size() > name->size() + 1 && lower_same_length(n).starts_with(*name) &&
            n[name->size()] == ' ') {
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
