// What the event parts share (docs/events.md): keyword lists and their
// occurrences, the sentences of a document with their mentions, and small
// readers of mentions. meeting.cpp, award.cpp and funding.cpp each assemble
// one event type from these; assembler.cpp runs them over a document.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/assembler.h"
#include "rules/lexicon.h"
#include "vnie/document.h"

namespace vnie::detail::ev {

using Span = std::pair<std::size_t, std::size_t>;
using Hit = EventAssembler::Hit;
using Keywords = EventAssembler::Keywords;
using Vocab = EventAssembler::Vocabulary;
/// Receives an event and its anchor (a paragraph repeated verbatim gives
/// its events once: the key is the type, evidence text and anchor).
using Emit = std::function<void(Event, std::string_view)>;

/// Lower-cases code points whose lower-case form has the same UTF-8 length,
/// so byte offsets of the result are those of the input.
std::string lower_same_length(std::string_view s);

/// A keyword list: each lower-case form with its `kind`, longest form first.
Keywords load(const Lexicon& lex, std::string_view list);
/// A list whose entries map each lower-case form to the entry's canonical
/// (first) form, longest form first: rules/lists/event_issuer_offices.txt.
Keywords load_canonical(const Lexicon& lex, std::string_view list);
/// The words written before a person's name (person_markers.txt), each
/// followed by its space: "đồng chí ", "anh ".
Keywords load_markers(const Lexicon& lex);

/// Whole-word, non-overlapping occurrences of the keywords in `low`, longest
/// form first, sorted by start.
std::vector<Hit> find(const Keywords& k, std::string_view low);
/// Whether a hit lies inside [from, to).
bool any_between(const std::vector<Hit>& hits, std::size_t from, std::size_t to);
/// Whether the lower-cased `s` is a form of `k` or starts with one and a space.
bool in_list(const std::string& s, const Keywords& k);

/// One sentence: its span in the normalized text, lower-cased text, mentions.
struct Sentence {
  std::size_t start = 0, end = 0;
  std::string low;                 // lower-cased, same byte offsets, relative to start
  std::vector<const Mention*> ms;  // mentions inside it
  /// The first date with a day of the sentence's paragraph (text between
  /// line breaks), or nullptr: a meeting's date when its sentence has none.
  const Mention* paragraph_date = nullptr;
  std::size_t rel(std::size_t abs) const { return abs - start; }
  std::vector<const Mention*> of(MentionType t) const {
    std::vector<const Mention*> out;
    for (const auto* m : ms) {
      if (m->type == t) out.push_back(m);
    }
    return out;
  }
};

/// "X phối hợp với Y", "X chủ trì, phối hợp với Y": whether the text between the bodies `a` and
/// `b` of the sentence ends with a partner word (lists/event_partner_words.txt) that starts
/// after a blank, a closing bracket or a comma.
bool partner_between(const Sentence& st, const Keywords& partner_words, const Mention* a,
                     const Mention* b);

/// A period as written ("năm 2020", "6 tháng đầu năm"; docs/output-format.md)
/// from a year, month or range mention. A single day is a date, not a period.
std::optional<std::string> period_of(const Mention& m);
/// The canonical name of an organization mention ("" for anything else).
std::string canonical(const Mention* m);
bool is_date(const Mention* m);
bool has_day(const Mention* m);
void set_date(MeetingEvent* ev, const Mention* m);
/// The unit kind ("collective"/"individual") of a number mention, or "".
std::string_view unit_kind(const Mention* m, const Keywords& units);

/// Offices that grant in the name of the body written after them, lower case
/// with their trailing space: "Chủ tịch UBND tỉnh", "Bộ trưởng Bộ Y tế".
inline constexpr std::string_view kOfficeTitles[] = {"tổng giám đốc ", "chủ tịch ",   "bộ trưởng ",
                                                     "giám đốc ",      "thủ trưởng ", "hiệu trưởng ",
                                                     "viện trưởng ",   "chủ nhiệm "};

/// The clause start (after the last ';' before `pos`) in a lower-cased sentence.
std::size_t clause_start(const std::string& low, std::size_t pos);
/// A proper name starts with a capital ("Công đoàn Viên chức tỉnh"); generic
/// levels do not ("công đoàn cơ sở").
bool proper_name(const std::string& c);
/// Bodies named by a generic word ("Công đoàn trao …", "Ban Tổ chức đã trao
/// …") stand for the organization the article is about.
bool generic_body(const std::string& canonical);
/// Plan words ("triển khai nhiệm vụ") that do not stand after a word of
/// completion ("hoàn thành xuất sắc nhiệm vụ năm 2021" is what was done).
std::vector<Hit> plan_hits(const Vocab& v, std::string_view low);

// The event types (meeting.cpp, award.cpp, funding.cpp).

/// The meetings sentence `i` reports; returns the date of the first one
/// emitted with a date. `reported`: whether the document reported a meeting
/// before; a reference ("phát biểu tại hội nghị") then names that one.
std::optional<DateValue> meeting(const std::vector<Sentence>& sents, std::size_t i, std::string_view text,
                                 const Vocab& v, const std::optional<std::string>& topic, bool reported,
                                 const Emit& emit);
/// A meeting told twice is one meeting: drops the restatements among
/// (*out)[first…].
void drop_restated_meetings(std::vector<Event>* out, std::size_t first);
/// The grants of a sentence; `ceremony` dates those whose clause gives none.
void awards(const Sentence& st, std::string_view text, const Vocab& v,
            const std::optional<DateValue>& ceremony, const Emit& emit);
/// The money a sentence gives; `topic` is the giver when it names none.
void funding(const Sentence& st, std::string_view text, const Vocab& v,
             const std::optional<std::string>& topic, const Emit& emit);

}  // namespace vnie::detail::ev
